import { CalendarEvent } from './calendar-event';
import { YearSpan } from './vtimezones';
import { isRepeatedWallTime, knownZone } from './zone-transitions';

/** Where each end of a timed event is written: as wall-clock time in a zone, or null for UTC. */
export interface WrittenZones {
  start: string | null;
  end: string | null;
}

/** The zones a VEVENT refers to, which decide the feed's VTIMEZONE components. */
export interface EntryZones {
  /**
   * The zone ical-generator knows the entry by, which it asks a VTIMEZONE for: the zone of
   * DTSTART, else of DTEND; null for all-day entries and times written in UTC.
   */
  startZone: string | null;
  /** The zone of a DTEND written on its own (the arrival zone of a flight). */
  endZone: string | null;
  /** The UTC years of the entry's start and end. */
  years: YearSpan;
}

/**
 * A time is written in its zone unless the zone is UTC (ical-generator keeps no zone for it),
 * unknown to the runtime, or repeats the wall-clock time when the clocks go back. For a repeated
 * hour RFC 5545 means the first occurrence, but ical.js, node-ical and python's icalendar all read
 * the second one, so either occurrence written as wall time is read wrong by some reader: only UTC
 * gives every reader the same instant.
 */
export function writtenZones(event: CalendarEvent): WrittenZones {
  return {
    start: writtenZone(event.startZone, event.startsAt),
    end: writtenZone(event.endZone, event.endsAt),
  };
}

function writtenZone(zone: string, at: Date): string | null {
  if (zone === 'UTC' || !knownZone(zone)) return null;
  return isRepeatedWallTime(zone, at.getTime()) ? null : zone;
}

/** The zones of the VEVENT that `createEventEntry` and `renderFeedEntry` write for the event. */
export function entryZones(event: CalendarEvent, written: WrittenZones | null): EntryZones {
  const startYear = event.startsAt.getUTCFullYear();
  const endYear = event.endsAt.getUTCFullYear();
  const years = { first: Math.min(startYear, endYear), last: Math.max(startYear, endYear) };
  if (!written) return { startZone: null, endZone: null, years };
  const startZone = written.start ?? written.end;
  return { startZone, endZone: written.start === written.end ? null : written.end, years };
}
