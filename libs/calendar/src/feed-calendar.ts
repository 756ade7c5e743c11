import { ICalCalendar } from 'ical-generator';
import { CalendarEntryDetails, CalendarEvent } from './calendar-event';
import { escapeText } from './calendar-text';
import { addEventToCalendar, TwoZoneEvent } from './event-entry';
import { vtimezoneOf } from './vtimezones';

/** Stable across releases: clients may key cached data on it. */
export const PRODUCT_ID = '//Treffpunkt//Treffpunkt Calendar//EN';

export interface FeedHeader {
  /** X-WR-CALNAME / NAME; free text such as an organisation's name. */
  name: string;
  description?: string | null;
  /** X-WR-TIMEZONE: the zone clients show the calendar in by default. */
  timeZone: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL. */
  refreshIntervalSeconds: number;
}

export interface FeedEntry {
  event: CalendarEvent;
  details?: CalendarEntryDetails;
}

/**
 * Makes the calendar emit a VTIMEZONE, generated from the IANA data, for every zone its events
 * use. The calendar itself gets no zone: ical-generator would then write DTSTAMP and
 * LAST-MODIFIED as local times, which RFC 5545 requires in UTC.
 */
export function useIanaTimezones(calendar: ICalCalendar): ICalCalendar {
  return calendar.timezone({ name: null, generator: (zone) => vtimezonesFor(calendar, zone) });
}

/**
 * A subscribable calendar (no METHOD: feeds publish, they do not invite). Names are escaped
 * here because ical-generator writes X-WR-CALNAME and X-WR-CALDESC verbatim.
 */
export function createFeedCalendar(header: FeedHeader): ICalCalendar {
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID,
    name: escapeText(header.name),
    description: header.description ? escapeText(header.description) : null,
    ttl: header.refreshIntervalSeconds,
    x: [['X-WR-TIMEZONE', header.timeZone]],
  });
  return useIanaTimezones(calendar);
}

export function renderFeed(header: FeedHeader, entries: FeedEntry[]): string {
  const calendar = createFeedCalendar(header);
  for (const entry of entries) addEventToCalendar(calendar, entry.event, entry.details);
  // ical-generator leaves the last line without the CRLF that RFC 5545 ends every line with.
  return `${calendar.toString()}\r\n`;
}

/**
 * ical-generator asks for the zone of each event's start; zones that only an end uses (the
 * arrival zone of a flight) are added to the first zone it asks for, so each appears once.
 */
function vtimezonesFor(calendar: ICalCalendar, zone: string): string | null {
  const events = calendar.events();
  const startZones = new Set<string>();
  let firstZone: string | null = null;
  for (const event of events) {
    const start = event.timezone();
    if (start && !firstZone) firstZone = start;
    if (start) startZones.add(start);
  }
  const zones = new Set([zone]);
  if (zone === firstZone) {
    for (const event of events) {
      if (event instanceof TwoZoneEvent && event.endZone && !startZones.has(event.endZone)) {
        zones.add(event.endZone);
      }
    }
  }
  const blocks = [...zones].map(vtimezoneOf).filter((block): block is string => block !== null);
  return blocks.length > 0 ? blocks.join('\r\n') : null;
}
