export * from './database-options';
export * from './database.module';
export * from './postgres-errors';
