import { DateTime } from 'luxon';
import { reminderTimes, upcomingReminderTimes } from './reminder-times';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();

describe(reminderTimes.name, () => {
  it('should keep the wall-clock time for "1 day before" across the change to summer time', () => {
    // 31 March 2024: clocks in Berlin jump from 02:00 to 03:00, so the day before has 23 hours.
    const [dayBefore] = reminderTimes(berlin('2024-03-31T09:00'), 'Europe/Berlin', [1440]);
    expect(DateTime.fromJSDate(dayBefore.sendAt, { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2024-03-30T09:00:00.000+01:00',
    );
    expect(berlin('2024-03-31T09:00').getTime() - dayBefore.sendAt.getTime()).toBe(23 * 3600_000);
  });

  it('should keep the wall-clock time for "7 days before" across the change to winter time', () => {
    const [weekBefore] = reminderTimes(berlin('2023-10-30T18:30'), 'Europe/Berlin', [10080]);
    expect(DateTime.fromJSDate(weekBefore.sendAt, { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2023-10-23T18:30:00.000+02:00',
    );
  });

  it('should count offsets that are not whole days as exact durations', () => {
    const start = berlin('2024-03-31T04:00');
    const [twoHours] = reminderTimes(start, 'Europe/Berlin', [120]);
    expect(start.getTime() - twoHours.sendAt.getTime()).toBe(120 * 60_000);
  });

  it('should count days in the zone the event starts in, not the server zone', () => {
    const start = DateTime.fromISO('2023-09-23T10:00', { zone: 'Africa/Dar_es_Salaam' }).toJSDate();
    const [dayBefore] = reminderTimes(start, 'Africa/Dar_es_Salaam', [1440]);
    expect(
      DateTime.fromJSDate(dayBefore.sendAt, { zone: 'Africa/Dar_es_Salaam' }).toFormat('yyyy-MM-dd HH:mm'),
    ).toBe('2023-09-22 10:00');
  });
});

describe(upcomingReminderTimes.name, () => {
  it('should leave out reminders whose time has already passed', () => {
    const start = berlin('2024-05-10T09:00');
    const now = berlin('2024-05-05T12:00');
    const upcoming = upcomingReminderTimes(start, 'Europe/Berlin', [10080, 1440, 120], now);
    expect(upcoming.map((time) => time.offsetMinutes)).toEqual([1440, 120]);
  });
});
