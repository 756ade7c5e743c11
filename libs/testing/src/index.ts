export * from './test-database';
export * from './smtp-sink';
export * from './calendar-reader';
export * from './timestamping-smtp-sink';
export * from './screenshots';
export * from './pdf-reader';
export * from './generated-calendar-events';
