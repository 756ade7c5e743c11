import { types } from 'pg';

const TIMESTAMPTZ = 1184;
const parseAny = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date | number | null;

/**
 * A timestamptz as PostgreSQL writes it in ISO style ("2027-03-04 09:00:00.25+01", "+05:30"),
 * read by position: the same Date that pg's own parser (postgres-date) gives, without its
 * regular expressions, which took a tenth of a cold feed render. Any other form (BC, infinity,
 * years past 9999) goes to pg's parser.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const zoneAt = zoneStart(text);
  if (zoneAt < 0 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32) return parseAny(text);
  const offsetMs = zoneOffsetMs(text, zoneAt);
  if (offsetMs === null) return parseAny(text);
  const milliseconds = zoneAt > 19 ? 1000 * parseFloat(text.slice(19, zoneAt)) : 0;
  const year = digits(text, 0, 4);
  // postgres-date keeps years 0 to 99 from meaning 1900 to 1999: its way is the reference.
  if (!(year >= 100)) return parseAny(text);
  const utc = Date.UTC(
    year,
    digits(text, 5, 2) - 1,
    digits(text, 8, 2),
    digits(text, 11, 2),
    digits(text, 14, 2),
    digits(text, 17, 2),
    milliseconds,
  );
  return Number.isNaN(utc) ? parseAny(text) : new Date(utc - offsetMs);
}

/** pg's type parsers with timestamptz read by parseTimestamptz. */
export const fastTimestampTypes = { getTypeParser: typeParser as typeof types.getTypeParser };

function typeParser(oid: number, format: 'text' | 'binary' = 'text'): (value: string) => unknown {
  if (oid === TIMESTAMPTZ && format === 'text') return parseTimestamptz;
  return types.getTypeParser(oid, format) as (value: string) => unknown;
}

/** Where the zone (+ or -) starts after "YYYY-MM-DD HH:MM:SS[.fraction]", or -1. */
function zoneStart(text: string): number {
  if (text.length < 22) return -1;
  let index = 19;
  if (text.charCodeAt(index) === 46) {
    index++;
    while (isDigit(text.charCodeAt(index))) index++;
  }
  const sign = text.charCodeAt(index);
  return sign === 43 || sign === 45 ? index : -1;
}

/** The offset "+HH", "+HH:MM" or "+HH:MM:SS" in ms, or null for anything else. */
function zoneOffsetMs(text: string, at: number): number | null {
  const rest = text.length - at - 1;
  if (rest !== 2 && rest !== 5 && rest !== 8) return null;
  let seconds = digits(text, at + 1, 2) * 3600;
  if (rest >= 5) seconds += digits(text, at + 4, 2) * 60;
  if (rest === 8) seconds += digits(text, at + 7, 2);
  if (Number.isNaN(seconds)) return null;
  return (text.charCodeAt(at) === 45 ? -seconds : seconds) * 1000;
}

/** The number written by `length` digits at `at`; NaN if one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let index = at; index < at + length; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) return Number.NaN;
    value = value * 10 + code - 48;
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
