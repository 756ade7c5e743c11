import { formatDate } from 'ical-generator';
import { CalendarEntryDetails, CalendarEvent } from './calendar-event';
import { parameterText } from './calendar-text';
import { describe, locate, statusOf } from './event-entry';
import { entryZones, EntryZones, writtenZones } from './entry-zones';
import { eventUid } from './event-uid';
import { knownZone } from './zone-transitions';

/** One VEVENT exactly as a whole-feed render writes it: folded lines, each ending in CRLF. */
export interface RenderedEntry extends EntryZones {
  text: string;
}

interface Instant {
  at: Date;
  /** The zone whose wall-clock time is written, or null for UTC. */
  zone: string | null;
}

/**
 * One event's VEVENT, byte for byte what ical-generator writes for `createEventEntry` inside a
 * whole feed (a spec compares the two over many generated events), written directly: the
 * feed's cold render builds thousands of these, and ical-generator spends most of its time
 * creating objects and formatting zoned times through luxon. Property order, escaping and
 * folding follow ical-generator; the mapping decisions (zones, texts, status) are the shared
 * ones of event-entry.ts. Entries do not depend on their neighbours, so feeds keep them.
 */
export function renderFeedEntry(event: CalendarEvent, details: CalendarEntryDetails = {}): RenderedEntry {
  const summary = event.title ? String(event.title) : '';
  let text = `BEGIN:VEVENT\r\nUID:${eventUid(event.id)}\r\nSEQUENCE:${event.sequence}\r\n`;
  text += `DTSTAMP:${formatDate(null, event.updatedAt)}\r\n`;
  let zones: EntryZones;
  let separateEnd: Instant | null = null;
  if (event.allDay) {
    const [start, end] = inOrder(
      { at: event.startsAt, zone: validZone(event.startZone) },
      { at: event.endsAt, zone: validZone(event.endZone) },
    );
    text += `DTSTART;VALUE=DATE:${wallClock(start, true)}\r\nDTEND;VALUE=DATE:${wallClock(end, true)}\r\n`;
    text += 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nX-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE\r\n';
    zones = entryZones(event, null);
  } else {
    const written = writtenZones(event);
    zones = entryZones(event, written);
    if (written.start === written.end) {
      // Both ends in one zone (or UTC); ical-generator swaps them if the end lies first.
      const [start, end] = inOrder(
        { at: event.startsAt, zone: written.start },
        { at: event.endsAt, zone: written.end },
      );
      text += `${timeProperty('DTSTART', start)}${timeProperty('DTEND', end)}`;
    } else {
      // CalendarEntry: DTEND in its own zone (or UTC), written last.
      text += timeProperty('DTSTART', { at: event.startsAt, zone: written.start });
      separateEnd = { at: event.endsAt, zone: written.end };
    }
  }
  text += `SUMMARY:${escapeText(summary)}\r\n`;
  if (event.kind === 'accommodation') text += 'TRANSP:TRANSPARENT\r\n';
  text += locationLines(locate(event));
  const description = describe(event);
  if (description) text += `DESCRIPTION:${escapeText(description)}\r\n`;
  if (details.organizer) text += organizerLine(details.organizer);
  for (const minutes of details.reminderOffsetsMinutes ?? []) {
    text += `BEGIN:VALARM\r\nACTION:DISPLAY\r\n${triggerLine(minutes * 60)}`;
    text += `DESCRIPTION:${escapeText(summary)}\r\nEND:VALARM\r\n`;
  }
  if (event.tags.length > 0) {
    for (const tag of event.tags) if (!tag) throw new Error('No value for `name` in ICalCategory given!');
    text += `CATEGORIES:${event.tags.map((tag) => escapeText(tag)).join()}\r\n`;
  }
  if (details.url) text += `URL;VALUE=URI:${escapeText(String(details.url))}\r\n`;
  text += `STATUS:${statusOf(event, details)}\r\n`;
  text += `CREATED:${formatDate(null, event.createdAt)}\r\n`;
  text += `LAST-MODIFIED:${formatDate(null, event.updatedAt)}\r\n`;
  if (separateEnd) text += timeProperty('DTEND', separateEnd);
  text += 'END:VEVENT\r\n';
  return { text: fold(text), ...zones };
}

function inOrder(start: Instant, end: Instant): [Instant, Instant] {
  return start.at.getTime() > end.at.getTime() ? [end, start] : [start, end];
}

/** ical-generator refuses all-day dates in a zone luxon does not know. */
function validZone(zone: string): string {
  if (!knownZone(zone)) throw new Error(`Unknown time zone ${zone}`);
  return zone;
}

function timeProperty(name: string, instant: Instant): string {
  if (!instant.zone) return `${name}:${formatDate(null, instant.at)}\r\n`;
  return `${name};TZID=${instant.zone}:${wallClock(instant, false)}\r\n`;
}

/** The date or time in the instant's zone, as luxon computes it for ical-generator. */
function wallClock(instant: Instant, dateOnly: boolean): string {
  const at = instant.at.getTime();
  const offsetMinutes = instant.zone ? offsetOf(instant.zone, at) : 0;
  return formatDate(null, new Date(at + offsetMinutes * 60_000), dateOnly, true);
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Per zone and UTC day: the offset all day long, or null on a day the offset changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset in minutes at the instant, as luxon reads it from Intl. Asking Intl is the
 * costly part of writing a time, and offsets change at most once or twice a year, so a day whose
 * first and last millisecond have the same offset is taken to keep it all day; on the days a
 * zone switches, every instant is asked for.
 */
function offsetOf(zone: string, at: number): number {
  const iana = knownZone(zone);
  if (!iana) return 0;
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map<number, number | null>()));
  const day = Math.floor(at / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = iana.offset(day * DAY_MS);
    offset = first === iana.offset((day + 1) * DAY_MS - 1) ? first : null;
    days.set(day, offset);
  }
  return offset ?? iana.offset(at);
}

/**
 * ical-generator's line folding (after 74 octets, counting a surrogate pair as 4 and any other
 * UTF-16 unit by its UTF-8 length). Most lines are ASCII: those are cut every 74 characters
 * without looking at each one, and an entry none of whose lines needs cutting is returned as it is.
 */
function fold(text: string): string {
  if (text.length <= 74 / 3) return text;
  let folded = '';
  let foldedUpTo = 0;
  let wide = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\r\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (wide < lineStart) wide = nextWide(text, lineStart);
    const ascii = wide >= lineEnd;
    if (!ascii || lineEnd - lineStart > 74) {
      folded += text.slice(foldedUpTo, lineStart);
      folded += ascii ? foldAscii(text, lineStart, lineEnd) : foldWide(text, lineStart, lineEnd);
      foldedUpTo = lineEnd;
    }
    lineStart = lineEnd + 2;
  }
  return foldedUpTo === 0 ? text : folded + text.slice(foldedUpTo);
}

const WIDE = /[^\x00-\x7f]/g;

/** Where the next character outside ASCII is, from `from` on; the text's length if none. */
function nextWide(text: string, from: number): number {
  WIDE.lastIndex = from;
  return WIDE.exec(text)?.index ?? text.length;
}

function foldAscii(text: string, lineStart: number, lineEnd: number): string {
  let folded = '';
  let pieceStart = lineStart;
  for (; lineEnd - pieceStart > 74; pieceStart += 74) folded += `${text.slice(pieceStart, pieceStart + 74)}\r\n `;
  return folded + text.slice(pieceStart, lineEnd);
}

function foldWide(text: string, lineStart: number, lineEnd: number): string {
  let folded = '';
  let pieceStart = lineStart;
  let octets = 0;
  for (let index = lineStart; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    let size = 3;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (code >= 0xd800 && code <= 0xdbff) size = 4;
    octets += size;
    if (octets > 74) {
      folded += `${text.slice(pieceStart, index)}\r\n `;
      pieceStart = index;
      octets = size;
    }
    // The low half of a pair belongs to its high half, even past the end of the line.
    if (size === 4) index++;
  }
  return folded + text.slice(pieceStart, lineEnd);
}

const ESCAPED = /[\\;,\r\n]/;

/** ical-generator's escape outside parameters, for a text that mostly needs none. */
function escapeText(value: string): string {
  return ESCAPED.test(value) ? value.replace(/[\\;,]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n') : value;
}

function locationLines(location: ReturnType<typeof locate>): string {
  if (location === null) return '';
  const place = typeof location === 'string' ? { title: location } : location;
  let lines = '';
  if ('title' in place && place.title) {
    lines += `LOCATION:${escapeText(place.title + (place.address ? `\n${place.address}` : ''))}\r\n`;
  }
  if (place.geo?.lat && place.geo.lon) {
    lines += `GEO:${escapeText(String(place.geo.lat))};${escapeText(String(place.geo.lon))}\r\n`;
  }
  return lines;
}

function organizerLine(organizer: { name: string; email: string }): string {
  const name = parameterText(organizer.name);
  if (!name) throw new Error('`organizer.name` is empty!');
  if (!organizer.email) throw new Error('`organizer.email` is empty!');
  // parameterText leaves nothing that ical-generator's RFC 6868 encoding would change.
  return `ORGANIZER;CN="${name}":mailto:${escapeText(organizer.email)}\r\n`;
}

/** A reminder `seconds` before the start, as ical-generator writes a numeric trigger. */
function triggerLine(seconds: number): string {
  const trigger = -1 * seconds;
  return trigger > 0 ? `TRIGGER;RELATED=END:${duration(trigger)}\r\n` : `TRIGGER:${duration(trigger)}\r\n`;
}

function duration(totalSeconds: number): string {
  let seconds = totalSeconds;
  let text = '';
  if (seconds < 0) {
    text = '-';
    seconds *= -1;
  }
  text += 'P';
  if (seconds >= 86400) {
    text += `${Math.floor(seconds / 86400)}D`;
    seconds %= 86400;
  }
  if (!seconds && text.length > 1) return text;
  text += 'T';
  if (seconds >= 3600) {
    text += `${Math.floor(seconds / 3600)}H`;
    seconds %= 3600;
  }
  if (seconds >= 60) {
    text += `${Math.floor(seconds / 60)}M`;
    seconds %= 60;
  }
  if (seconds > 0) text += `${seconds}S`;
  else if (text.length <= 2) text += '0S';
  return text;
}
