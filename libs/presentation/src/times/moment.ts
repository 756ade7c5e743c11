import { DateTime } from 'luxon';
import { zoneName } from './zone-name';

const MOMENT = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * When something happened (a key was issued, an entry recorded), in the reader's zone, named:
 * e.g. "2 Dec 2026, 19:40 Berlin (CET)".
 */
export function formatMoment(at: Date, intlLocale: string, zone: string): string {
  const text = DateTime.fromJSDate(at, { zone }).setLocale(intlLocale).toLocaleString(MOMENT);
  return `${text} ${zoneName(zone, at, intlLocale)}`;
}
