import { types } from 'pg';
import { parseTimestamptz } from './timestamptz';

const postgresDate = types.getTypeParser(1184, 'text') as (text: string) => Date | number | null;

function same(text: string): void {
  const fast = parseTimestamptz(text);
  const reference = postgresDate(text);
  expect({ text, value: fast instanceof Date ? fast.getTime() : fast }).toEqual({
    text,
    value: reference instanceof Date ? reference.getTime() : reference,
  });
}

describe(parseTimestamptz.name, () => {
  it('should read what PostgreSQL writes exactly as pg does', () => {
    const pad = (value: number, length = 2) => String(value).padStart(length, '0');
    const fractions = ['', '.5', '.25', '.123', '.1234', '.999999', '.000001', '.0005', '.07'];
    const zones = ['+00', '+01', '+02', '-05', '+05:30', '-03:30', '+05:45', '+14', '-12', '+00:53:28', '-00:25:21'];
    let seed = 7;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let run = 0; run < 5000; run++) {
      const year = 1900 + next(200);
      const text =
        `${pad(year, 4)}-${pad(1 + next(12))}-${pad(1 + next(28))} ` +
        `${pad(next(24))}:${pad(next(60))}:${pad(next(60))}` +
        `${fractions[next(fractions.length)]}${zones[next(zones.length)]}`;
      same(text);
    }
  });

  it('should leave other forms to pg’s parser', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '0099-12-31 23:59:59+00',
      '12345-01-01 00:00:00+00',
      '2027-03-04 09:00:00',
      '2027-03-04T09:00:00+01',
      '2027-03-04 09:00:00+1',
      '2027-03-04 09:00:00Z',
    ]) {
      same(text);
    }
  });
});
