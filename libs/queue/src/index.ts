export * from './queue-names';
export * from './jobs';
export * from './redis-connection';
export * from './queue.module';
export * from './outbox-relay-loop';
export * from './outbox-nudge';
export * from './repeated-job';
