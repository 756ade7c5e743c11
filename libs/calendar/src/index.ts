export * from './event-uid';
