export * from './database-options';
export * from './database.module';
export * from './postgres-errors';
export * from './change-version';
export * from './change-version.module';
export * from './seed-rows';
