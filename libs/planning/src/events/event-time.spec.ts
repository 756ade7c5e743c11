import { Settings } from 'luxon';
import { DomainError } from '@app/errors';
import { PlanningError } from '../shared/planning.error';
import {
  assertTimeZone,
  describeTime,
  isValidTimeZone,
  parseDay,
  parseInstant,
  parseSpan,
  wallTimeIn,
} from './event-time';

function failure(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

describe('event time', () => {
  describe(isValidTimeZone.name, () => {
    it.each(['Europe/Berlin', 'Africa/Dar_es_Salaam', 'America/Chicago', 'Europe/Bucharest', 'UTC'])(
      'should accept the IANA zone %s',
      (zone) => {
        expect(isValidTimeZone(zone)).toBe(true);
      },
    );

    it.each(['UTC+2', 'GMT-5', 'utc+02:00', 'Berlin', 'Europe/Atlantis', 'CEST+1', '', '+02:00'])(
      'should refuse %p, which is no IANA zone name',
      (zone) => {
        expect(isValidTimeZone(zone)).toBe(false);
      },
    );

    it('should name the field and give an example when refusing', () => {
      expect(failure(() => assertTimeZone('startZone', 'Berlin'))).toMatchObject({
        kind: 'invalid',
        problems: [{ field: 'startZone', message: expect.stringContaining('Europe/Berlin') }],
      });
    });
  });

  describe(parseInstant.name, () => {
    it('should read an ISO 8601 instant with offset regardless of the zone', () => {
      expect(
        parseInstant('startsAt', '2023-09-20T09:30:00+02:00', 'Africa/Dar_es_Salaam').toISOString(),
      ).toBe('2023-09-20T07:30:00.000Z');
      expect(parseInstant('startsAt', '2023-09-20T07:30Z', 'Europe/Berlin').toISOString()).toBe(
        '2023-09-20T07:30:00.000Z',
      );
    });

    it('should read a local wall time in the given zone, summer and winter', () => {
      expect(parseInstant('startsAt', '2023-09-20T09:30', 'Europe/Berlin').toISOString()).toBe(
        '2023-09-20T07:30:00.000Z',
      );
      expect(parseInstant('startsAt', '2024-02-10T09:30:00', 'Europe/Berlin').toISOString()).toBe(
        '2024-02-10T08:30:00.000Z',
      );
      expect(parseInstant('endsAt', '2024-02-10T21:15', 'Africa/Dar_es_Salaam').toISOString()).toBe(
        '2024-02-10T18:15:00.000Z',
      );
    });

    it('should refuse a wall time that the spring-forward gap skips instead of moving it', () => {
      const error = failure(() => parseInstant('startsAt', '2024-03-31T02:30', 'Europe/Berlin'));
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'startsAt' }] });
      expect(error.message).toContain('does not exist in Europe/Berlin');
    });

    it('should refuse a wall time on a day the zone skipped whole, instead of moving it a day', () => {
      const error = failure(() => parseInstant('startsAt', '2011-12-30T10:00', 'Pacific/Apia'));
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'startsAt' }] });
      expect(error.message).toContain('does not exist in Pacific/Apia');
      expect(parseInstant('startsAt', '2011-12-31T10:00', 'Pacific/Apia').toISOString()).toBe(
        '2011-12-30T20:00:00.000Z',
      );
    });

    it.each([
      ['1899-12-31T23:59', 'Europe/Berlin'],
      ['2201-01-01T00:00', 'Europe/Berlin'],
      ['0000-01-01T10:00:00Z', 'UTC'],
      ['+010000-01-01T10:00:00Z', 'UTC'],
      ['2200-12-31T23:00:00-05:00', 'Europe/Berlin'],
    ])('should refuse %p, outside the years 1900 to 2200 in %s', (value, zone) => {
      const error = failure(() => parseInstant('startsAt', value, zone));
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'startsAt' }] });
      expect(error.message).toContain('1900 to 2200');
    });

    it('should accept the first and the last moments of the years 1900 to 2200', () => {
      expect(parseInstant('startsAt', '1900-01-01T00:00', 'UTC').toISOString()).toBe(
        '1900-01-01T00:00:00.000Z',
      );
      expect(parseInstant('endsAt', '2200-12-31T23:59:59', 'Europe/Berlin').toISOString()).toBe(
        '2200-12-31T22:59:59.000Z',
      );
    });

    it('should read an ambiguous autumn wall time as its first occurrence, as iCalendar does', () => {
      expect(parseInstant('startsAt', '2024-10-27T02:30', 'Europe/Berlin').toISOString()).toBe(
        '2024-10-27T00:30:00.000Z',
      );
    });

    it('should judge the gap by the event zone, not by the zone of the server', () => {
      const serverZone = Settings.defaultZone;
      Settings.defaultZone = 'America/New_York';
      try {
        expect(parseInstant('startsAt', '2024-03-10T02:30', 'Europe/Berlin').toISOString()).toBe(
          '2024-03-10T01:30:00.000Z',
        );
        expect(() => parseInstant('startsAt', '2024-03-31T02:30', 'Europe/Berlin')).toThrow(PlanningError);
      } finally {
        Settings.defaultZone = serverZone;
      }
    });

    it.each(['20.09.2023 09:30', '2023-09-20', '2023-09-20T25:00', '2023-13-01T10:00', 'tomorrow', ''])(
      'should refuse %p with a message naming the field',
      (value) => {
        expect(failure(() => parseInstant('endsAt', value, 'Europe/Berlin'))).toMatchObject({
          kind: 'invalid',
          problems: [{ field: 'endsAt' }],
        });
      },
    );

    it('should refuse an impossible date-time even with an offset', () => {
      expect(() => parseInstant('startsAt', '2023-02-30T10:00:00+01:00', 'Europe/Berlin')).toThrow(
        PlanningError,
      );
    });
  });

  describe(parseDay.name, () => {
    it('should read a date as the local midnight that starts it', () => {
      expect(parseDay('startsAt', '2023-09-23', 'Africa/Dar_es_Salaam').toISO()).toBe(
        '2023-09-23T00:00:00.000+03:00',
      );
    });

    it('should refuse a day the zone skipped whole', () => {
      const error = failure(() => parseDay('startsAt', '2011-12-30', 'Pacific/Apia'));
      expect(error).toMatchObject({ kind: 'invalid', problems: [{ field: 'startsAt' }] });
      expect(error.message).toContain('2011-12-30 does not exist in Pacific/Apia');
    });

    it('should keep a day whose midnight the zone skipped', () => {
      expect(parseDay('startsAt', '2018-11-04', 'America/Sao_Paulo').toISODate()).toBe('2018-11-04');
    });

    it.each(['1899-12-31', '2201-01-01', '0000-01-01'])(
      'should refuse %p, outside the years 1900 to 2200',
      (value) => {
        expect(failure(() => parseDay('startsAt', value, 'Europe/Berlin')).message).toContain('1900 to 2200');
      },
    );

    it.each(['23.09.2023', '2023-09-31', '2023-09-23garbage', 'soon'])('should refuse %p', (value) => {
      expect(failure(() => parseDay('startsAt', value, 'Europe/Berlin'))).toMatchObject({
        kind: 'invalid',
        problems: [{ field: 'startsAt' }],
      });
    });
  });

  describe(parseSpan.name, () => {
    it('should store an all-day event until the midnight after its inclusive last day', () => {
      const span = parseSpan({
        startsAt: '2023-09-23',
        endsAt: '2023-09-27',
        startZone: 'Europe/Berlin',
        endZone: 'Europe/Berlin',
        allDay: true,
      });
      expect(span.startsAt.toISOString()).toBe('2023-09-22T22:00:00.000Z');
      expect(span.endsAt.toISOString()).toBe('2023-09-27T22:00:00.000Z');
    });

    it('should accept a one-day event and refuse a last day before the first', () => {
      const oneDay = { startZone: 'Europe/Berlin', endZone: 'Europe/Berlin', allDay: true };
      const signing = parseSpan({ ...oneDay, startsAt: '2022-06-24', endsAt: '2022-06-24' });
      expect(signing.endsAt.getTime() - signing.startsAt.getTime()).toBe(24 * 60 * 60 * 1000);
      expect(
        failure(() => parseSpan({ ...oneDay, startsAt: '2022-06-24', endsAt: '2022-06-23' })),
      ).toMatchObject({
        kind: 'invalid',
        problems: [{ field: 'endsAt' }],
      });
    });

    it('should read each end of a flight in its own zone', () => {
      const span = parseSpan({
        startsAt: '2024-02-10T10:15',
        endsAt: '2024-02-10T23:05',
        startZone: 'Europe/Berlin',
        endZone: 'Africa/Dar_es_Salaam',
        allDay: false,
      });
      expect(span.startsAt.toISOString()).toBe('2024-02-10T09:15:00.000Z');
      expect(span.endsAt.toISOString()).toBe('2024-02-10T20:05:00.000Z');
    });
  });

  describe(describeTime.name, () => {
    it('should give the instant, the wall time in the zone and its offset', () => {
      expect(describeTime(new Date('2024-02-10T20:05:00Z'), 'Africa/Dar_es_Salaam')).toEqual({
        instant: '2024-02-10T20:05:00.000Z',
        local: '2024-02-10T23:05:00',
        zone: 'Africa/Dar_es_Salaam',
        offset: '+03:00',
      });
    });

    it('should show an all-day start as its date and an all-day end as the inclusive last day', () => {
      const start = describeTime(new Date('2023-09-22T22:00:00Z'), 'Europe/Berlin', true);
      const end = describeTime(new Date('2023-09-27T22:00:00Z'), 'Europe/Berlin', true, true);
      expect(start).toMatchObject({ local: '2023-09-23', instant: '2023-09-22T22:00:00.000Z' });
      expect(end).toMatchObject({
        local: '2023-09-27',
        instant: '2023-09-27T22:00:00.000Z',
        offset: '+02:00',
      });
    });
    it('should change the offset exactly at a daylight-saving change on a whole hour', () => {
      expect(describeTime(new Date('2024-03-31T00:59:59Z'), 'Europe/Berlin')).toMatchObject({
        local: '2024-03-31T01:59:59',
        offset: '+01:00',
      });
      expect(describeTime(new Date('2024-03-31T01:00:00Z'), 'Europe/Berlin')).toMatchObject({
        local: '2024-03-31T03:00:00',
        offset: '+02:00',
      });
    });

    it('should change the offset exactly at a change inside an hour, asked twice in that hour', () => {
      for (let round = 0; round < 2; round++) {
        expect(describeTime(new Date('2024-10-05T15:29:00Z'), 'Australia/Lord_Howe')).toMatchObject({
          local: '2024-10-06T01:59:00',
          offset: '+10:30',
        });
        expect(describeTime(new Date('2024-10-05T15:30:00Z'), 'Australia/Lord_Howe')).toMatchObject({
          local: '2024-10-06T02:30:00',
          offset: '+11:00',
        });
      }
    });
  });

  describe(wallTimeIn.name, () => {
    it('should give back a wall time that parseInstant reads as the same instant', () => {
      const instant = new Date('2023-09-20T07:30:00Z');
      const wall = wallTimeIn(instant, 'Europe/Berlin');
      expect(wall).toBe('2023-09-20T09:30:00');
      expect(parseInstant('startsAt', wall, 'Europe/Berlin')).toEqual(instant);
    });
  });
});
