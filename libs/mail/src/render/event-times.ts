import { DateTime } from 'luxon';
import { CalendarEvent } from '@app/calendar';
import { MailLocale } from './texts';

export interface TimeLine {
  /** Null when the recipient's zone is the venue's: one line says it all. */
  label: 'yourTime' | 'venueTime' | null;
  text: string;
}

const INTL_LOCALE: Record<MailLocale, string> = { de: 'de-DE', en: 'en-GB', sw: 'sw-TZ' };
const DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * When the event happens, for a reader in `readerZone`: in their zone and, when that differs,
 * in local time at the venue (a flight's end in the zone it lands in). All-day events are dates,
 * the same wherever one reads them.
 */
export function describeWhen(event: CalendarEvent, readerZone: string, locale: MailLocale): TimeLine[] {
  return remembered(`when|${spanKey(event)}|${readerZone}|${locale}`, () =>
    computeWhen(event, readerZone, locale),
  );
}

function computeWhen(event: CalendarEvent, readerZone: string, locale: MailLocale): TimeLine[] {
  const intl = INTL_LOCALE[locale];
  if (event.allDay) {
    const first = DateTime.fromJSDate(event.startsAt, { zone: event.startZone }).setLocale(intl);
    const last = DateTime.fromJSDate(event.endsAt, { zone: event.endZone })
      .minus({ days: 1 })
      .setLocale(intl);
    const text = first.hasSame(last, 'day')
      ? first.toLocaleString(DATE)
      : `${first.toLocaleString(DATE)} – ${last.toLocaleString(DATE)}`;
    return [{ label: null, text }];
  }
  const reader = span(event.startsAt, readerZone, event.endsAt, readerZone, intl);
  if (event.startZone === readerZone && event.endZone === readerZone) return [{ label: null, text: reader }];
  return [
    { label: 'yourTime', text: reader },
    { label: 'venueTime', text: span(event.startsAt, event.startZone, event.endsAt, event.endZone, intl) },
  ];
}

/** The date of the start in the reader's zone, for subjects. */
export function startDate(event: CalendarEvent, readerZone: string, locale: MailLocale): string {
  const zone = event.allDay ? event.startZone : readerZone;
  return remembered(`start|${spanKey(event)}|${zone}|${locale}`, () =>
    DateTime.fromJSDate(event.startsAt, { zone })
      .setLocale(INTL_LOCALE[locale])
      .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' }),
  );
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

function spanKey(event: CalendarEvent): string {
  return `${event.startsAt.getTime()}|${event.startZone}|${event.endsAt.getTime()}|${event.endZone}|${event.allDay}`;
}

function span(startsAt: Date, startZone: string, endsAt: Date, endZone: string, intl: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone: startZone }).setLocale(intl);
  const end = DateTime.fromJSDate(endsAt, { zone: endZone }).setLocale(intl);
  const startText = `${start.toLocaleString(DATE)}, ${start.toLocaleString(TIME)}`;
  if (startZone !== endZone) {
    return `${startText} (${zoneLabel(start)}) – ${end.toLocaleString(DATE)}, ${end.toLocaleString(TIME)} (${zoneLabel(end)})`;
  }
  const endText = start.hasSame(end, 'day')
    ? end.toLocaleString(TIME)
    : `${end.toLocaleString(DATE)}, ${end.toLocaleString(TIME)}`;
  return `${startText} – ${endText} (${zoneLabel(start)})`;
}

function zoneLabel(time: DateTime): string {
  return `${String(time.zoneName).replace(/_/g, ' ')}, UTC${time.toFormat('ZZ')}`;
}
