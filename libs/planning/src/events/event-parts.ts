import { DateTime, Duration } from 'luxon';
import { EventBefore, PartChange } from './event-change';
import { Event } from './event.entity';
import { EventStatus } from './event-kind';

/** What of the event's state before a change decides how its parts follow. */
export interface EventPosition {
  startsAt: Date;
  endsAt: Date;
  startZone: string;
  endZone: string;
  status: EventStatus;
}

/**
 * How far an event moved as a whole, in wall-clock terms of its own zones: both ends by the same
 * calendar days and time. Null when it did not move, or was stretched, shrunk or given another
 * zone: then its parts stay where they are (and must still lie inside it).
 *
 * Days count as calendar days, so a city day moved by a week across a daylight-saving change
 * keeps its 09:00 workshop at 09:00, as the organiser who moved the day expects.
 */
export function wholeShift(before: EventPosition, after: EventPosition): Duration | null {
  if (before.startZone !== after.startZone || before.endZone !== after.endZone) return null;
  const start = wallShift(before.startsAt, after.startsAt, after.startZone);
  const end = wallShift(before.endsAt, after.endsAt, after.endZone);
  const same = start.days === end.days && start.milliseconds === end.milliseconds;
  if (!same || (start.days === 0 && start.milliseconds === 0)) return null;
  return start;
}

function wallShift(from: Date, to: Date, zone: string): Duration {
  return DateTime.fromJSDate(to, { zone })
    .diff(DateTime.fromJSDate(from, { zone }), ['days', 'milliseconds'])
    .normalize();
}

/**
 * Remembers where a published event started when it moves (an earlier move is forgotten), so that
 * the public can be told it was rescheduled; a draft moves unrecorded, as nobody saw it.
 */
export function recordMove(
  event: Event,
  before: { startsAt: Date; startZone: string; status: EventStatus },
): void {
  if (before.status !== 'published' || event.startsAt.getTime() === before.startsAt.getTime()) return;
  event.previousStartsAt = before.startsAt;
  event.previousStartZone = before.startZone;
}

/**
 * Carries a change of an event to its parts (at any depth), in place, and returns those that
 * changed with their state before:
 * - cancelled: every part not cancelled yet is cancelled too and remembers its status;
 * - brought back: exactly the parts cancelled with it return to that status (to draft when the
 *   event returns as a draft, so that no published part hides inside an unpublished event);
 * - published: its draft parts are published with it, since invitees and calendars see no draft,
 *   and a city day published without its workshops would show an empty programme;
 * - moved as a whole: every part moves by the same wall-clock shift.
 * Each changed part's SEQUENCE goes up, so calendars replace their copy.
 */
export function carryToParts(before: EventPosition, event: Event, parts: Event[]): PartChange[] {
  const cancelled = before.status !== 'cancelled' && event.status === 'cancelled';
  const reopened = before.status === 'cancelled' && event.status !== 'cancelled';
  const published = before.status === 'draft' && event.status === 'published';
  const shift = wholeShift(before, event);
  const changes: PartChange[] = [];
  for (const part of parts) {
    const previous: EventBefore = {
      startsAt: part.startsAt,
      endsAt: part.endsAt,
      status: part.status,
      capacity: part.capacity,
      reminderOffsets: part.reminderOffsets,
      sequence: part.sequence,
    };
    let changed = false;
    if (cancelled && part.status !== 'cancelled') {
      part.resumeStatus = part.status;
      part.status = 'cancelled';
      changed = true;
    } else if (reopened && part.status === 'cancelled' && part.resumeStatus !== null) {
      part.status = event.status === 'draft' ? 'draft' : part.resumeStatus;
      part.resumeStatus = null;
      changed = true;
    } else if (published && part.status === 'draft') {
      part.status = 'published';
      changed = true;
    }
    if (shift) {
      part.startsAt = shifted(part.startsAt, part.startZone, shift);
      part.endsAt = shifted(part.endsAt, part.endZone, shift);
      recordMove(part, { ...previous, startZone: part.startZone });
      changed = true;
    }
    if (changed) {
      part.sequence += 1;
      changes.push({ event: part, before: previous });
    }
  }
  return changes;
}

/** The same wall-clock time in `zone`, shifted by calendar days and time. */
export function shifted(instant: Date, zone: string, shift: Duration): Date {
  return DateTime.fromJSDate(instant, { zone }).plus(shift).toJSDate();
}
