import { DateTime } from 'luxon';

const MINUTES_PER_DAY = 24 * 60;

export interface ReminderTime {
  offsetMinutes: number;
  sendAt: Date;
}

/**
 * When each reminder is due. Whole-day offsets count calendar days in the zone the event starts
 * in, so "1 day before" an event at 09:00 is 09:00 the day before even across a daylight-saving
 * change; other offsets are exact durations.
 */
export function reminderTimes(startsAt: Date, startZone: string, offsets: number[]): ReminderTime[] {
  const start = DateTime.fromJSDate(startsAt, { zone: startZone });
  return offsets.map((offsetMinutes) => ({
    offsetMinutes,
    sendAt: (offsetMinutes % MINUTES_PER_DAY === 0
      ? start.minus({ days: offsetMinutes / MINUTES_PER_DAY })
      : start.minus({ minutes: offsetMinutes })
    ).toJSDate(),
  }));
}

/** Reminders still ahead: one whose time has passed is not sent late, so it is not scheduled. */
export function upcomingReminderTimes(
  startsAt: Date,
  startZone: string,
  offsets: number[],
  now: Date,
): ReminderTime[] {
  return reminderTimes(startsAt, startZone, offsets).filter((time) => time.sendAt.getTime() > now.getTime());
}
