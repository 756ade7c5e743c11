import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@app/access';
import { ChangeVersion } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApi } from '../apps/api/src/configure-api';

export interface ApiHarness {
  app: INestApplication;
  database: TestDatabase;
  dataSource: DataSource;
  /** A key of the operator organisation with the admin role. */
  adminKey: string;
  http(): ReturnType<typeof request>;
  /**
   * After the test wrote to the database itself (not through a request): makes this API process
   * count what was committed, as a write request does before it is answered.
   */
  changesSeen(): Promise<void>;
  close(): Promise<void>;
}

export interface StartApiOptions {
  /** Environment variables to set on top, e.g. a DATABASE_URL through a proxy the test controls. */
  env?: (database: TestDatabase) => Record<string, string>;
}

/** The whole API on a throwaway database and its own Redis key prefix, as main.ts sets it up. */
export async function startApi(options: StartApiOptions = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_PREFIX = `tp-test-${randomBytes(4).toString('hex')}`;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
  // Suites send many requests from one address; the suite of the limits sets its own.
  process.env.API_RATE_LIMIT = '1000000';
  process.env.ANSWER_RATE_LIMIT = '1000000';
  Object.assign(process.env, options.env?.(database));
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApi(app);
  await app.init();
  const issued = await app.get(ApiKeysService).issueFirstAdmin({
    organisationName: 'Treffpunkt operators',
    organisationCode: 'OPS',
    country: 'DE',
    timeZone: 'Europe/Berlin',
  });
  return {
    app,
    database,
    dataSource: app.get(DataSource),
    adminKey: issued.token,
    http: () => request(app.getHttpServer()),
    changesSeen: () => app.get(ChangeVersion).catchUp(),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A second API on the same database and Redis prefix (set by startApi), as a scaled-out
 * deployment runs it: it keeps its own caches, as another process would.
 */
export async function startAnotherApi(): Promise<{
  http(): ReturnType<typeof request>;
  /** Whether it keeps the change version from notifications (else it reads it per request). */
  listening(): boolean;
  /** One of its providers, e.g. to watch what its feed render thread does. */
  get<Provider>(type: new (...args: never[]) => Provider): Provider;
  close(): Promise<void>;
}> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApi(app);
  await app.init();
  return {
    http: () => request(app.getHttpServer()),
    listening: () => app.get(ChangeVersion).listening,
    get: (type) => app.get(type),
    close: () => app.close(),
  };
}

/**
 * Another API process hears of a change when PostgreSQL delivers the notification of its commit
 * (see ChangeVersion). Asks `check` again and again until it holds, for at most a bound derived
 * from the write that made the change: delivering one notification is less work than the
 * several statements, commit and answer of a write request, so ten times its duration (with a
 * floor for a write that was quick by luck) is generous on a loaded machine yet far below the
 * listener's heartbeat, which would otherwise hide a lost notification.
 */
export async function seenElsewhere<Result>(
  writeMs: number,
  check: () => Promise<Result | undefined>,
): Promise<Result> {
  const bound = Math.max(10 * writeMs, 250);
  const deadline = performance.now() + bound;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (performance.now() > deadline) throw new Error(`Not seen by the other API process within ${bound} ms`);
  }
}

/** How long `write` took, in ms, with what it returned. */
export async function timed<Result>(
  write: () => PromiseLike<Result>,
): Promise<{ ms: number; result: Result }> {
  const started = performance.now();
  const result = await write();
  return { ms: performance.now() - started, result };
}

export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}

/** Keeps a response body as text exactly as sent (supertest would not parse text/calendar). */
export function textParser(response: unknown, done: (error: Error | null, body: string) => void): void {
  const stream = response as NodeJS.ReadableStream & { setEncoding(encoding: string): void };
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
}
