export * from './event-uid';
export * from './calendar-event';
export * from './calendar-text';
export { addEventToCalendar, createEventEntry, TwoZoneEvent } from './event-entry';
export * from './feed-entry';
export * from './feed-calendar';
export * from './vtimezones';
export * from './invitation-calendar';
