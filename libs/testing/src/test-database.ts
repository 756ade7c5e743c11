import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@app/database';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const MIGRATIONS_DIRECTORY = join(__dirname, '..', '..', 'database', 'src', 'migrations');
const TEMPLATE_PREFIX = 'treffpunkt_template_';
/** Any constant both workers agree on: one of them builds the template while the other waits. */
const TEMPLATE_LOCK = 7_795_270;

function serverUrl(): URL {
  return new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<Result>(work: (client: Client) => Promise<Result>): Promise<Result> {
  const client = new Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Named after the migrations' contents, so that any change to one builds a new template. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIRECTORY).sort()) {
    hash.update(file);
    hash.update(readFileSync(join(MIGRATIONS_DIRECTORY, file)));
  }
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

async function migrate(name: string): Promise<void> {
  const dataSource = new DataSource(databaseOptions(databaseUrl(name)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A database with every migration applied, built once per set of migrations: copying it is a
 * fraction of a second, running 19 migrations takes one to three. Templates of older migrations
 * are dropped when a new one is built.
 */
async function ensureTemplate(): Promise<string> {
  const template = templateName();
  return withServer(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return template;
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await migrate(building);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
        [`${TEMPLATE_PREFIX}%`, template],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      return template;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/**
 * A fresh database with all migrations applied, so every e2e suite starts from the real schema
 * and no suite sees another's rows. Drop it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `treffpunkt_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: databaseUrl(name),
    name,
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
