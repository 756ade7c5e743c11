import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import nodeIcal, { VEvent } from 'node-ical';

export interface ReadTime {
  /** The instant, as the parser computes it from the VTIMEZONE in the same file. */
  instant: string;
  /** TZID of the property, or null for UTC and DATE values. */
  zone: string | null;
  /** Wall-clock time (or date) as written. */
  local: string;
  isDate: boolean;
}

export interface ReadEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  geo: [number, number] | null;
  url: string | null;
  status: string | null;
  transparency: string | null;
  sequence: number;
  stamp: string;
  lastModified: string | null;
  categories: string[];
  organizer: { name: string | null; address: string } | null;
  attendees: string[];
  alarmsMinutesBefore: number[];
  start: ReadTime;
  end: ReadTime | null;
}

export interface ReadCalendar {
  name: string | null;
  timeZone: string | null;
  method: string | null;
  productId: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  /** TZIDs of the VTIMEZONE components. */
  timezones: string[];
  events: ReadEvent[];
}

/**
 * Reads an iCalendar text with ical.js, a parser independent of the generator, the way a
 * calendar client would: times are resolved through the VTIMEZONE components of the same file,
 * never through a zone database of the parser's own.
 */
export function readCalendar(text: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const textOf = (component: ICAL.Component, name: string): string | null => {
    const value = component.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value);
  };
  return {
    name: unescapeText(textOf(calendar, 'x-wr-calname')),
    timeZone: textOf(calendar, 'x-wr-timezone'),
    method: textOf(calendar, 'method'),
    productId: textOf(calendar, 'prodid'),
    refreshInterval: textOf(calendar, 'refresh-interval'),
    publishedTtl: textOf(calendar, 'x-published-ttl'),
    timezones: calendar
      .getAllSubcomponents('vtimezone')
      .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => readEvent(vevent)),
  };
}

function readEvent(vevent: ICAL.Component): ReadEvent {
  const value = (name: string): string | null => {
    const found = vevent.getFirstPropertyValue(name);
    return found === null || found === undefined ? null : String(found);
  };
  const organizer = vevent.getFirstProperty('organizer');
  const geo = vevent.getFirstPropertyValue('geo') as unknown as [number, number] | null;
  const end = vevent.getFirstProperty('dtend');
  return {
    uid: String(value('uid')),
    summary: String(value('summary')),
    description: value('description'),
    location: value('location'),
    geo: geo ? [Number(geo[0]), Number(geo[1])] : null,
    url: value('url'),
    status: value('status'),
    transparency: value('transp'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    stamp: timeOf(vevent.getFirstProperty('dtstamp')!).instant,
    lastModified: vevent.getFirstProperty('last-modified')
      ? timeOf(vevent.getFirstProperty('last-modified')!).instant
      : null,
    categories: vevent.getAllProperties('categories').flatMap((property) => property.getValues().map(String)),
    organizer: organizer
      ? {
          name: (organizer.getParameter('cn') as string | undefined) ?? null,
          address: String(organizer.getFirstValue()),
        }
      : null,
    attendees: vevent.getAllProperties('attendee').map((property) => String(property.getFirstValue())),
    alarmsMinutesBefore: vevent
      .getAllSubcomponents('valarm')
      .map((alarm) => -(alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 60),
    start: timeOf(vevent.getFirstProperty('dtstart')!),
    end: end ? timeOf(end) : null,
  };
}

/**
 * X- properties are TEXT unless said otherwise (RFC 5545 §3.8.8.2), as clients read them;
 * ical.js leaves values of properties it does not know as written.
 */
function unescapeText(value: string | null): string | null {
  return value === null
    ? null
    : value.replace(/\\([\\;,nN])/g, (_, character: string) =>
        character.toLowerCase() === 'n' ? '\n' : character,
      );
}

function timeOf(property: ICAL.Property): ReadTime {
  const time = property.getFirstValue() as ICAL.Time;
  const zone = (property.getParameter('tzid') as string | undefined) ?? null;
  if (zone && time.zone?.tzid !== zone) {
    throw new Error(`No VTIMEZONE for ${zone}: the parser could not resolve ${property.name}`);
  }
  return {
    instant: time.isDate ? time.toString() : time.toJSDate().toISOString(),
    zone,
    local: time.toString(),
    isDate: time.isDate,
  };
}

/** What node-ical, a second independent parser, reads from a VEVENT. */
export interface NodeIcalEvent {
  uid: string;
  start: string;
  end: string | null;
  /** The zone node-ical resolved the start in. */
  startZone: string | null;
  organizerName: string | null;
  attendeeNames: string[];
}

/**
 * Reads an iCalendar text with node-ical, which resolves TZID names through its own zone data
 * rather than the VTIMEZONE: a second opinion next to `readCalendar`.
 */
export function readWithNodeIcal(text: string): NodeIcalEvent[] {
  const paramOf = (value: unknown): string | null => {
    if (value && typeof value === 'object' && 'params' in value) {
      const { CN } = (value as { params: { CN?: string } }).params;
      return CN ?? null;
    }
    return null;
  };
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((component): component is VEvent => component?.type === 'VEVENT')
    .map((event) => ({
      uid: event.uid,
      start: event.start.toISOString(),
      end: event.end ? event.end.toISOString() : null,
      startZone: event.start.tz ?? null,
      organizerName: paramOf(event.organizer),
      attendeeNames: [event.attendee ?? []]
        .flat()
        .map(paramOf)
        .filter((name) => name !== null),
    }));
}

export interface PythonIcalendarEvent {
  uid: string;
  start: string;
  end: string | null;
  /** The TZID Python's icalendar kept on the start, or null for UTC. */
  startZone: string | null;
  attendeeNames: string[];
}

/**
 * Python's `icalendar` (Debian's python3-icalendar), reading through pytz by TZID name: the third
 * independent reader the calendar instants are checked against, next to ical.js and node-ical.
 */
const PYTHON_READER = `
import json, sys
from datetime import datetime, timezone
from icalendar import Calendar

def instant(prop):
    if prop is None:
        return None
    value = prop.dt
    if not isinstance(value, datetime):
        return value.isoformat()
    return value.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')

def attendees(component):
    found = component.get('ATTENDEE', [])
    found = found if isinstance(found, list) else [found]
    return [a.params.get('CN') for a in found if a.params.get('CN') is not None]

events = []
for component in Calendar.from_ical(sys.stdin.buffer.read()).walk('VEVENT'):
    start = component.get('DTSTART')
    events.append({
        'uid': str(component.get('UID')),
        'start': instant(start),
        'end': instant(component.get('DTEND')),
        'startZone': start.params.get('TZID'),
        'attendeeNames': [str(name) for name in attendees(component)],
    })
json.dump(events, sys.stdout)
`;

export const PYTHON_WITH_ICALENDAR = process.env.PYTHON_ICALENDAR ?? '/usr/bin/python3';

export function readWithPythonIcalendar(text: string): PythonIcalendarEvent[] {
  const run = spawnSync(PYTHON_WITH_ICALENDAR, ['-c', PYTHON_READER], { input: text, encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`Python's icalendar could not read the calendar: ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonIcalendarEvent[];
}
