import { join } from 'node:path';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** Options shared by the Nest apps, the migration CLI and the test helper, so all three see one schema. */
export function databaseOptions(url: string): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    // JIT compilation costs more than it saves on our short queries (a feed summary took ~1 s).
    extra: { max: 10, connectionTimeoutMillis: 5000, options: '-c jit=off' },
  };
}

/** Entity files of every lib, for contexts (the CLI) that have no Nest module graph to collect them. */
export const ENTITY_GLOB = join(__dirname, '..', '..', '*', 'src', '**', '*.entity.{ts,js}');
