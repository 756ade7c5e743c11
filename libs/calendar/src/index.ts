export * from './event-uid';
export * from './calendar-event';
export * from './calendar-text';
export { addEventToCalendar, CalendarEntry, createEventEntry } from './event-entry';
export type { EntryZones } from './entry-zones';
export * from './feed-entry';
export * from './feed-calendar';
export type { YearSpan } from './vtimezones';
export * from './invitation-calendar';
