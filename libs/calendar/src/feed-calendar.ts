import { foldLines, ICalCalendar, ICalEvent } from 'ical-generator';
import { CalendarEntryDetails, CalendarEvent } from './calendar-event';
import { escapeText } from './calendar-text';
import { EntryZones } from './entry-zones';
import { addEventToCalendar, CalendarEntry } from './event-entry';
import { vtimezoneOf, YearSpan } from './vtimezones';

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

/** A feed's text around its VTIMEZONE components and its VEVENTs, which depend on the events. */
export interface FeedFrame {
  head: string;
  /** Between the VTIMEZONEs and the first VEVENT. */
  middle: string;
  tail: string;
}

/**
 * Makes the calendar emit a VTIMEZONE, generated from the IANA data, for every zone its events
 * use. The calendar itself gets no zone: ical-generator would then write DTSTAMP and
 * LAST-MODIFIED as local times, which RFC 5545 requires in UTC.
 */
export function useIanaTimezones(calendar: ICalCalendar): ICalCalendar {
  return calendar.timezone({
    name: null,
    generator: (zone) => vtimezonesFor(calendar.events().flatMap(zonesOf), zone),
  });
}

/**
 * A subscribable calendar (no METHOD: feeds publish, they do not invite). Names are escaped
 * here because ical-generator writes X-WR-CALNAME and X-WR-CALDESC verbatim.
 */
export function createFeedCalendar(header: FeedHeader): ICalCalendar {
  return useIanaTimezones(feedCalendarWithoutZones(header));
}

/** The whole feed by ical-generator in one go: the reference the pieces below must equal. */
export function renderFeed(header: FeedHeader, entries: FeedEntry[]): string {
  const calendar = createFeedCalendar(header);
  for (const entry of entries) addEventToCalendar(calendar, entry.event, entry.details);
  return calendarText(calendar);
}

/**
 * The calendar's text, feeds and email attachments alike: ical-generator leaves the last line
 * without the CRLF that RFC 5545 ends every line with.
 */
export function calendarText(calendar: ICalCalendar): string {
  return `${calendar.toString()}\r\n`;
}

const ZONES_MARK = '\u0000zones\u0000';
const EVENTS_MARK = '\u0000events\u0000';

/** Stands in for all VEVENTs (and, through its zone, all VTIMEZONEs) of a frame. */
class MarkEntry extends ICalEvent {
  override toString(): string {
    return `${EVENTS_MARK}\r\n`;
  }
}

/**
 * The feed's own lines, rendered by ical-generator around marks where the VTIMEZONEs and
 * VEVENTs go, so that `feedParts` puts a feed together exactly as `renderFeed` writes it from entries of
 * `renderFeedEntry`. Names
 * pass through `escapeText`, which removes control characters, so they cannot contain a mark.
 */
export function feedFrame(header: FeedHeader): FeedFrame {
  const calendar = feedCalendarWithoutZones(header);
  calendar.timezone({ name: null, generator: (zone) => (zone === ZONES_MARK ? ZONES_MARK : null) });
  calendar.createEvent(new MarkEntry({ start: new Date(0), timezone: ZONES_MARK }, calendar));
  const text = calendarText(calendar);
  const [head, rest, ...extra] = text.split(`${ZONES_MARK}\r\n`);
  const [middle, tail, ...more] = (rest ?? '').split(`${EVENTS_MARK}\r\n`);
  if (rest === undefined || tail === undefined || extra.length || more.length) {
    throw new Error('ical-generator changed the order of a calendar; feedFrame needs adapting');
  }
  return { head, middle, tail };
}

/** The VTIMEZONE components of a feed with these entries, in the order ical-generator writes them. */
export function vtimezoneSection(entries: EntryZones[]): string {
  let section = '';
  const years = yearsByZone(entries);
  for (const [zone, zones] of zonesAskedFor(entries)) {
    if (zone.startsWith('/')) continue;
    const blocks = vtimezonesOf(zones, years);
    if (blocks.length > 0) {
      section += `${blocks.join('\r\n').replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim()}\r\n`;
    }
  }
  return foldLines(section);
}

/** A VEVENT of `renderFeedEntry`, kept as UTF-8 bytes. */
export interface EncodedEntry extends EntryZones {
  bytes: Buffer;
}

/**
 * A whole feed as the pieces it is made of, in order: concatenated, byte for byte what
 * `renderFeed` writes for the same entries. The entries' bytes are not copied.
 */
export function feedParts(frame: FeedFrame, entries: EncodedEntry[]): Buffer[] {
  return [
    Buffer.from(frame.head),
    Buffer.from(vtimezoneSection(entries)),
    Buffer.from(frame.middle),
    ...entries.map((entry) => entry.bytes),
    Buffer.from(frame.tail),
  ];
}

function feedCalendarWithoutZones(header: FeedHeader): ICalCalendar {
  return new ICalCalendar({
    prodId: PRODUCT_ID,
    name: escapeText(header.name),
    description: header.description ? escapeText(header.description) : null,
    ttl: header.refreshIntervalSeconds,
    x: [['X-WR-TIMEZONE', header.timeZone]],
  });
}

function zonesOf(event: ICalEvent): EntryZones[] {
  return event instanceof CalendarEntry ? [event.zones] : [];
}

/**
 * ical-generator asks for the zone of each event's start; zones that only an end uses (the
 * arrival zone of a flight) are added to the first zone it asks for, so each appears once.
 */
function vtimezonesFor(entries: EntryZones[], zone: string): string | null {
  const zones = zonesAskedFor(entries).get(zone) ?? [zone];
  const blocks = vtimezonesOf(zones, yearsByZone(entries));
  return blocks.length > 0 ? blocks.join('\r\n') : null;
}

function vtimezonesOf(zones: string[], years: Map<string, YearSpan>): string[] {
  return zones.flatMap((zone) => {
    const span = years.get(zone);
    const block = span ? vtimezoneOf(zone, span) : null;
    return block ? [block] : [];
  });
}

/** For each zone, the years of the entries that write times in it. */
function yearsByZone(entries: EntryZones[]): Map<string, YearSpan> {
  const spans = new Map<string, YearSpan>();
  for (const entry of entries) {
    for (const zone of [entry.startZone, entry.endZone]) {
      if (!zone) continue;
      const span = spans.get(zone);
      if (!span) spans.set(zone, { ...entry.years });
      else {
        span.first = Math.min(span.first, entry.years.first);
        span.last = Math.max(span.last, entry.years.last);
      }
    }
  }
  return spans;
}

/** Each start zone, in order of first use, with the zones whose VTIMEZONE goes with its own. */
function zonesAskedFor(entries: EntryZones[]): Map<string, string[]> {
  const asked = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.startZone && !asked.has(entry.startZone)) asked.set(entry.startZone, [entry.startZone]);
  }
  const first = asked.values().next().value;
  if (first) {
    const endOnly = new Set<string>();
    for (const entry of entries) {
      if (entry.endZone && !asked.has(entry.endZone)) endOnly.add(entry.endZone);
    }
    first.push(...endOnly);
  }
  return asked;
}
