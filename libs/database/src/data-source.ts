import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { readEnvironment } from '@app/config';
import { databaseOptions, ENTITY_GLOB } from './database-options';

if (existsSync('.env')) process.loadEnvFile('.env');

/** The single DataSource the TypeORM CLI uses (`npm run migration:*`). */
export default new DataSource({
  ...databaseOptions(readEnvironment().DATABASE_URL),
  entities: [ENTITY_GLOB],
});
