export * from './event-uid';
export * from './calendar-event';
export * from './calendar-text';
export * from './event-entry';
export * from './feed-calendar';
export * from './vtimezones';
export * from './invitation-calendar';
