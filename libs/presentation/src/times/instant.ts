import { DateTime } from 'luxon';
import { zoneName } from './zone-name';

/**
 * A moment in the reader's zone, e.g. when an email was written or sent:
 * "2 Dec 2026, 18:30 Berlin (CET)".
 */
export function formatInstant(at: Date, intlLocale: string, readerZone: string): string {
  const moment = DateTime.fromJSDate(at, { zone: readerZone }).setLocale(intlLocale);
  const text = moment.toLocaleString({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${text} ${zoneName(readerZone, at, intlLocale)}`;
}

/**
 * A calendar date without time or zone (an arrival date someone entered, `2031-05-02`) as the
 * reader writes dates: "2 May 2031". It is the same day everywhere, so no zone is applied.
 */
export function formatCalendarDate(isoDate: string, intlLocale: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return date.isValid
    ? date.setLocale(intlLocale).toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' })
    : isoDate;
}
