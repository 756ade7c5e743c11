export * from './test-database';
export * from './smtp-sink';
export * from './calendar-reader';
