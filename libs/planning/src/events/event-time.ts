import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { PlanningError } from '../shared/planning.error';

const OFFSET_OR_Z = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export function isValidTimeZone(zone: string): boolean {
  // Luxon, and Intl since Node 24, also accept fixed offsets like "UTC+2" or "+02:00"; only real
  // IANA names carry DST rules.
  return IANAZone.isValidZone(zone) && !/^((utc|gmt)?[+-])/i.test(zone);
}

export function assertTimeZone(field: string, zone: string): void {
  if (!isValidTimeZone(zone)) {
    throw PlanningError.invalid(field, `"${zone}" is not an IANA time zone name (such as Europe/Berlin).`);
  }
}

/** Years an event may lie in: beyond them a date is a typing error, not a plan. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/**
 * Reads a point in time as the API accepts it: an ISO 8601 instant with offset (or Z), or a local
 * wall time ("2023-09-20T09:30") in the given zone. A local time that the zone skips (an hour
 * at a daylight-saving change, or a whole day, as Pacific/Apia skipped 2011-12-30) does not exist
 * and is refused rather than silently moved.
 */
export function parseInstant(field: string, value: string, zone: string): Date {
  if (OFFSET_OR_Z.test(value) && value.includes('T')) {
    const parsed = DateTime.fromISO(value, { setZone: true });
    if (!parsed.isValid) throw PlanningError.invalid(field, `"${value}" is not a valid ISO 8601 date-time.`);
    assertYear(field, value, parsed.setZone(zone));
    return parsed.toJSDate();
  }
  if (!LOCAL_DATE_TIME.test(value)) {
    throw PlanningError.invalid(
      field,
      `"${value}" is neither an ISO 8601 date-time with offset nor a local date-time like 2023-09-20T09:30.`,
    );
  }
  const local = DateTime.fromISO(value, { zone });
  if (!local.isValid) throw PlanningError.invalid(field, `"${value}" is not a valid date-time.`);
  // The wall time as typed, read in UTC because UTC has no gaps (the server's own zone may).
  // luxon moves a skipped time forward by the length of the gap, which may be a whole day.
  const wall = DateTime.fromISO(value, { zone: 'utc' });
  if (!sameWallTime(local, wall)) {
    throw PlanningError.invalid(
      field,
      `${value} does not exist in ${zone}: the clocks there skipped it (for daylight saving or a change of the zone's offset).`,
    );
  }
  assertYear(field, value, local);
  // A wall time in the hour that repeats when the clocks go back means its first occurrence, as in
  // iCalendar (RFC 5545, 3.3.5), so that calendars show the instant we store.
  const [first] = local.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return (first ?? local).toJSDate();
}

function sameWallTime(a: DateTime, b: DateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

function assertYear(field: string, value: string, local: DateTime): void {
  if (local.year < FIRST_YEAR || local.year > LAST_YEAR) {
    throw PlanningError.invalid(
      field,
      `"${value}" lies in the year ${local.year}; events lie in the years ${FIRST_YEAR} to ${LAST_YEAR}.`,
    );
  }
}

/** Reads an all-day date ("2023-09-23") as the local midnight that starts it. */
export function parseDay(field: string, value: string, zone: string): DateTime {
  const datePart = value.slice(0, 10);
  const timePart = value.slice(10);
  const day = DateTime.fromISO(datePart, { zone });
  const readable = timePart === '' || DateTime.fromISO(value, { setZone: true }).isValid;
  if (!DATE_ONLY.test(datePart) || !day.isValid || !readable) {
    throw PlanningError.invalid(
      field,
      `"${value}" is not a date like 2023-09-23 (all-day events take dates).`,
    );
  }
  // A day the zone skipped whole comes back from luxon as the day after.
  if (day.toISODate() !== datePart) {
    throw PlanningError.invalid(
      field,
      `${datePart} does not exist in ${zone}: the clocks there skipped that day.`,
    );
  }
  assertYear(field, value, day);
  return day.startOf('day');
}

/**
 * The span of an event from API input. For all-day events the end is the last day itself, as
 * people say it ("23.–27.09."), and is stored as the midnight after it, as calendars expect.
 */
export function parseSpan(input: {
  startsAt: string;
  endsAt: string;
  startZone: string;
  endZone: string;
  allDay: boolean;
}): { startsAt: Date; endsAt: Date } {
  if (input.allDay) {
    const firstDay = parseDay('startsAt', input.startsAt, input.startZone);
    const lastDay = parseDay('endsAt', input.endsAt, input.endZone);
    // Compared as dates: stored as midnights, a last day before the first would pass as a zero span.
    if (lastDay.toISODate()! < firstDay.toISODate()!) {
      throw PlanningError.invalid('endsAt', 'The last day lies before the first day.');
    }
    return { startsAt: firstDay.toJSDate(), endsAt: lastDay.plus({ days: 1 }).toJSDate() };
  }
  return {
    startsAt: parseInstant('startsAt', input.startsAt, input.startZone),
    endsAt: parseInstant('endsAt', input.endsAt, input.endZone),
  };
}

export interface LocalTime {
  /** The instant, in UTC. */
  instant: string;
  /** Wall-clock time in `zone`, without offset (a date only for all-day events). */
  local: string;
  zone: string;
  /** The zone's UTC offset at that instant, e.g. +02:00. */
  offset: string;
}

export function describeTime(instant: Date, zone: string, allDay = false, isEnd = false): LocalTime {
  const fixed = FixedOffsetZone.instance(offsetMinutes(zone, instant.getTime()));
  const zoned = DateTime.fromMillis(instant.getTime(), { zone: fixed });
  return {
    instant: instant.toISOString(),
    local: allDay
      ? (isEnd ? zoned.minus({ days: 1 }) : zoned).toISODate()!
      : zoned.toISO({ includeOffset: false, suppressMilliseconds: true })!,
    zone,
    offset: fixed.formatOffset(instant.getTime(), 'short'),
  };
}

const HOUR_MS = 3_600_000;
/** Hours remembered per zone; a list of ten thousand events over years needs about as many. */
const MAX_HOURS_PER_ZONE = 100_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at an instant, from the IANA rules (ICU, through luxon). Luxon
 * asks Intl.DateTimeFormat anew for every instant, several times per formatted time, which made
 * the wall times the most expensive part of an event list. An offset changes only at a transition,
 * months apart, so the offset of a whole UTC hour is kept once the zone has the same offset at both
 * ends of that hour; an hour with a transition inside is computed for each instant.
 */
function offsetMinutes(zone: string, epochMs: number): number {
  let hours = offsetsByZone.get(zone);
  if (!hours) {
    hours = new Map();
    offsetsByZone.set(zone, hours);
  }
  const hour = Math.floor(epochMs / HOUR_MS);
  const known = hours.get(hour);
  if (known !== undefined) return known;
  const rules = IANAZone.create(zone);
  const atStart = rules.offset(hour * HOUR_MS);
  if (atStart !== rules.offset((hour + 1) * HOUR_MS - 1)) return rules.offset(epochMs);
  if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
  hours.set(hour, atStart);
  return atStart;
}

/** Calendar days from the local day of `instant` in the day's zone to `day` (negative when earlier). */
export function daysBetween(instant: Date, day: DateTime): number {
  const from = DateTime.fromJSDate(instant, { zone: day.zone }).startOf('day');
  return Math.round(day.startOf('day').diff(from, 'days').days);
}

/** Wall-clock date-time of an instant in a zone, in the form the API accepts back. */
export function wallTimeIn(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ includeOffset: false, suppressMilliseconds: true })!;
}

/** Time fields a change of an event may carry, each optional (a PATCH, a console form). */
export interface TimeChanges {
  startsAt?: string;
  endsAt?: string;
  startZone?: string;
  endZone?: string;
  allDay?: boolean;
}

/** When and in which zones an event lies now. */
export interface EventTimes {
  startsAt: Date;
  endsAt: Date;
  startZone: string;
  endZone: string;
  allDay: boolean;
}

/**
 * The times an event has after these changes, or null when they touch none: what an update saves
 * and what a preview of it compares. A new zone without a new time keeps the wall-clock time and
 * moves the instant: whoever fixes "Europe/Berlin" to "Africa/Dar_es_Salaam" means the 09:00 they
 * typed happens in Morogoro. Throws PlanningError (invalid_input) for times that do not parse.
 */
export function timesAfter(event: EventTimes, changes: TimeChanges): EventTimes | null {
  const fields = ['startsAt', 'endsAt', 'startZone', 'endZone', 'allDay'] as const;
  if (!fields.some((field) => changes[field] !== undefined)) return null;
  const allDay = changes.allDay ?? event.allDay;
  if (allDay !== event.allDay && (changes.startsAt === undefined || changes.endsAt === undefined)) {
    throw PlanningError.invalid(
      'allDay',
      'Give startsAt and endsAt when switching an event to or from all-day.',
    );
  }
  const startZone = changes.startZone ?? event.startZone;
  const endZone = changes.endZone ?? event.endZone;
  assertTimeZone('startZone', startZone);
  assertTimeZone('endZone', endZone);
  const currentEnd = event.allDay ? new Date(event.endsAt.getTime() - 1) : event.endsAt;
  const span = parseSpan({
    startsAt: changes.startsAt ?? wallTimeIn(event.startsAt, event.startZone),
    endsAt: changes.endsAt ?? wallTimeIn(currentEnd, event.endZone),
    startZone,
    endZone,
    allDay,
  });
  // An end nobody touched keeps its instant: read back from its wall time, one in the hour that
  // repeats in autumn would jump to that hour's first occurrence.
  const keepStart = changes.startsAt === undefined && startZone === event.startZone;
  const keepEnd = changes.endsAt === undefined && endZone === event.endZone;
  return {
    startsAt: keepStart ? event.startsAt : span.startsAt,
    endsAt: keepEnd ? event.endsAt : span.endsAt,
    startZone,
    endZone,
    allDay,
  };
}
