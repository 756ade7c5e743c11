import ICAL from 'ical.js';
import { vtimezoneOf } from './vtimezones';
import { isRepeatedWallTime, transitionsBetween } from './zone-transitions';

/** The wall-clock time Intl gives for the instant, as ical.js takes it. */
function intlWallTime(zone: string, at: number) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((found) => found.type === type)!.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

describe(vtimezoneOf.name, () => {
  it.each([
    'Europe/Berlin', // end of summer time moved from September to October in 1996
    'America/Chicago', // US rules changed in 2007
    'America/Mexico_City', // no daylight saving since 2022
    'America/Sao_Paulo', // none since 2019
    'Africa/Casablanca', // Ramadan breaks, rules changed again recently
    'Pacific/Apia', // skipped 2011-12-30
    'Australia/Lord_Howe', // half-hour daylight saving
    'Asia/Tehran', // daylight saving ended 2022
    'Europe/Dublin',
  ])(
    "should make ical.js read Intl's wall times of %s as their instants around every change, 1990 to 2030",
    (name) => {
      const block = vtimezoneOf(name, { first: 1990, last: 2030 })!;
      const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(block) as unknown[]));
      const transitions = transitionsBetween(name, 1990, 2030);
      expect(transitions.length).toBeGreaterThan(0);
      const instants = transitions.flatMap(({ at }) => [at - 1000, at, at + 3_600_000]);
      for (
        let at = Date.UTC(1990, 0, 1, 5);
        at < Date.UTC(2031, 0, 1);
        at += 13 * 24 * 3_600_000 + 3_600_000
      ) {
        instants.push(at);
      }
      // Wall times that name two instants are written in UTC (see writtenZones), never resolved.
      const once = instants.filter((at) => !isRepeatedWallTime(name, at));
      expect(once.length).toBeGreaterThan(instants.length * 0.8);
      const read = once.map((at) =>
        new Date(ICAL.Time.fromData(intlWallTime(name, at), zone).toUnixTime() * 1000).toISOString(),
      );
      expect(read).toEqual(once.map((at) => new Date(at).toISOString()));
    },
  );

  it('should write a zone whose rules hold as two yearly rules, however many years it covers', () => {
    const block = vtimezoneOf('Europe/Berlin', { first: 2026, last: 2099 })!;
    expect(block.match(/^RRULE:.*$/gm)).toEqual([
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    ]);
    expect(block).not.toMatch(/^RDATE/m);
    expect(block.split('\r\n')[1]).toBe('TZID:Europe/Berlin');
  });

  it('should end a rule that stopped with UNTIL, in UTC', () => {
    const block = vtimezoneOf('America/Mexico_City', { first: 2020, last: 2027 })!;
    expect(block.match(/^RRULE:.*$/gm)).toEqual([
      'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20220403T080000Z',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20221030T070000Z',
    ]);
  });

  it('should know no VTIMEZONE for a name that is no zone', () => {
    expect(vtimezoneOf('Europe/Atlantis', { first: 2026, last: 2026 })).toBeNull();
  });
});
