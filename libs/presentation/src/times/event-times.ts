import { DateTime } from 'luxon';
import { MessageKey } from '../messages/catalog';
import { zoneName } from './zone-name';

/** When something happens: instants plus the IANA zone of each end (a flight lands elsewhere). */
export interface TimeSpan {
  startsAt: Date;
  startZone: string;
  /** For all-day events the midnight after the last day, in `endZone`. */
  endsAt: Date;
  endZone: string;
  allDay: boolean;
}

export interface WhenLine {
  /** Plain "When" where one line says it all: the reader is at the venue, or the event is all-day. */
  label: Extract<MessageKey, 'common.when' | 'common.whenYourTime' | 'common.whenVenueTime'>;
  text: string;
}

const DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * When the event happens, for a reader in `readerZone`: in their zone and, when that differs, in
 * local time at the venue, each end in its own zone. All-day events are dates, the same wherever
 * one reads them.
 */
export function describeWhen(span: TimeSpan, intlLocale: string, readerZone: string): WhenLine[] {
  return remembered(`when|${spanKey(span)}|${readerZone}|${intlLocale}`, () => {
    const reader = formatSpan(span, intlLocale, readerZone);
    if (span.allDay || (span.startZone === readerZone && span.endZone === readerZone)) {
      return [{ label: 'common.when', text: reader }];
    }
    return [
      { label: 'common.whenYourTime', text: reader },
      { label: 'common.whenVenueTime', text: formatSpan(span, intlLocale) },
    ];
  });
}

/**
 * One line: both ends in `zone`, or each end in its own zone when no zone is given (local time at
 * the venue; a flight reads "20:00 Berlin (CEST) – 06:30 Dar es Salaam (EAT)" as on the ticket).
 * E.g. "Saturday, 23 September 2023, 10:00 – 18:00 Dar es Salaam (EAT)".
 */
export function formatSpan(span: TimeSpan, intlLocale: string, zone?: string): string {
  return remembered(`span|${spanKey(span)}|${zone}|${intlLocale}`, () => {
    if (span.allDay) return dates(span, intlLocale);
    const startZone = zone ?? span.startZone;
    const endZone = zone ?? span.endZone;
    const start = DateTime.fromJSDate(span.startsAt, { zone: startZone }).setLocale(intlLocale);
    const end = DateTime.fromJSDate(span.endsAt, { zone: endZone }).setLocale(intlLocale);
    const startText = `${start.toLocaleString(DATE)}, ${start.toLocaleString(TIME)}`;
    const endTime = end.toLocaleString(TIME);
    if (startZone !== endZone) {
      return `${startText} ${zoneName(startZone, span.startsAt, intlLocale)} – ${end.toLocaleString(DATE)}, ${endTime} ${zoneName(endZone, span.endsAt, intlLocale)}`;
    }
    const endText = start.hasSame(end, 'day') ? endTime : `${end.toLocaleString(DATE)}, ${endTime}`;
    return `${startText} – ${endText} ${zoneName(startZone, span.startsAt, intlLocale)}`;
  });
}

/** A span with no zones of its own (a round of workshops: first start to last end) in the reader's zone. */
export function formatSpanIn(
  span: { startsAt: Date; endsAt: Date },
  intlLocale: string,
  zone: string,
): string {
  return formatSpan({ ...span, startZone: zone, endZone: zone, allDay: false }, intlLocale, zone);
}

/**
 * When it starts (or started, before a move), in the given zone with its name, e.g. "Saturday,
 * 23 September 2023, 10:00 Berlin (CEST)"; the date alone for an all-day event.
 */
export function formatStart(
  start: Pick<TimeSpan, 'startsAt' | 'startZone' | 'allDay'>,
  intlLocale: string,
): string {
  const moment = DateTime.fromJSDate(start.startsAt, { zone: start.startZone }).setLocale(intlLocale);
  if (start.allDay) return moment.toLocaleString(DATE);
  return `${moment.toLocaleString(DATE)}, ${moment.toLocaleString(TIME)} ${zoneName(start.startZone, start.startsAt, intlLocale)}`;
}

/** The day it starts, in the reader's zone (an all-day event's own date), for subjects. */
export function startDate(span: TimeSpan, intlLocale: string, readerZone: string): string {
  const zone = span.allDay ? span.startZone : readerZone;
  return remembered(`start|${spanKey(span)}|${zone}|${intlLocale}`, () =>
    DateTime.fromJSDate(span.startsAt, { zone })
      .setLocale(intlLocale)
      .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' }),
  );
}

/** The start as an ISO 8601 instant with the offset at the venue, for `<time datetime>`. */
export function machineReadableStart(span: TimeSpan): string {
  const start = DateTime.fromJSDate(span.startsAt, { zone: span.startZone });
  return (span.allDay ? start.toISODate() : start.toISO()) ?? span.startsAt.toISOString();
}

function dates(span: TimeSpan, intlLocale: string): string {
  const first = DateTime.fromJSDate(span.startsAt, { zone: span.startZone }).setLocale(intlLocale);
  const last = DateTime.fromJSDate(span.endsAt, { zone: span.endZone })
    .minus({ days: 1 })
    .setLocale(intlLocale);
  return first.hasSame(last, 'day')
    ? first.toLocaleString(DATE)
    : `${first.toLocaleString(DATE)} – ${last.toLocaleString(DATE)}`;
}

/**
 * A fan-out renders the same event for thousands of readers in a handful of zones and languages;
 * formatting once per combination saves most of the time and garbage of luxon and Intl.
 */
const MEMO_LIMIT = 1_000;
const memo = new Map<string, unknown>();

function remembered<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

function spanKey(span: TimeSpan): string {
  return `${span.startsAt.getTime()}|${span.startZone}|${span.endsAt.getTime()}|${span.endZone}|${span.allDay}`;
}

/**
 * The times of a span on one line of a day's programme, each end in its own zone, with the end's
 * date only when it falls on another day there: "16:40 Dar es Salaam (EAT) – Thu 28 Oct, 06:15
 * Berlin (CEST)" for an overnight flight, "14:00 – 15:30 Berlin (CEST)" in one place.
 */
export function formatTimesOfDay(span: TimeSpan, intlLocale: string): string {
  return remembered(`times|${spanKey(span)}|${intlLocale}`, () => {
    if (span.allDay) return dates(span, intlLocale);
    const start = DateTime.fromJSDate(span.startsAt, { zone: span.startZone }).setLocale(intlLocale);
    const end = DateTime.fromJSDate(span.endsAt, { zone: span.endZone }).setLocale(intlLocale);
    const startZone = zoneName(span.startZone, span.startsAt, intlLocale);
    const endZone = zoneName(span.endZone, span.endsAt, intlLocale);
    const sameDay = start.toISODate() === end.toISODate();
    const endText = sameDay
      ? end.toLocaleString(TIME)
      : `${end.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' })}, ${end.toLocaleString(TIME)}`;
    if (span.startZone === span.endZone && startZone === endZone) {
      return `${start.toLocaleString(TIME)} – ${endText} ${endZone}`;
    }
    return `${start.toLocaleString(TIME)} ${startZone} – ${endText} ${endZone}`;
  });
}

/** A day as a heading of a day's programme: "Thursday, 28 October 2027". */
export function formatDay(isoDate: string, intlLocale: string): string {
  return DateTime.fromISO(isoDate).setLocale(intlLocale).toLocaleString(DATE);
}
