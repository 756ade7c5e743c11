import { PlanningError } from '../shared/planning.error';
import { EventStatus } from './event-kind';

export interface Span {
  startsAt: Date;
  endsAt: Date;
}

export function assertSpan(span: Span): void {
  if (span.endsAt.getTime() < span.startsAt.getTime()) {
    throw PlanningError.invalid('endsAt', 'The end lies before the start.');
  }
}

export function assertInsideParent(child: Span, parent: Span & { title: string }): void {
  if (child.startsAt < parent.startsAt || child.endsAt > parent.endsAt) {
    throw PlanningError.invalid(
      'startsAt',
      `The event must lie within its parent "${parent.title}" (${parent.startsAt.toISOString()} – ${parent.endsAt.toISOString()}).`,
    );
  }
}

export function assertChildrenInside(parent: Span, children: Array<Span & { title: string }>): void {
  const outside = children.filter(
    (child) => child.startsAt < parent.startsAt || child.endsAt > parent.endsAt,
  );
  if (outside.length > 0) {
    const titles = outside.map((child) => `"${child.title}"`).join(', ');
    throw PlanningError.invalid(
      'startsAt',
      `The new span would leave ${outside.length} part(s) outside the event: ${titles}. Move them first.`,
    );
  }
}

/** A title as stored: trimmed, and never blank, since lists and calendars show little else. */
export function normaliseTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw PlanningError.invalid('title', 'The title must not be blank.');
  return trimmed;
}

export function assertCapacity(capacity: number | null | undefined): void {
  if (capacity != null && (!Number.isInteger(capacity) || capacity < 0)) {
    throw PlanningError.invalid('capacity', 'Capacity must be a whole number of at least 0.');
  }
}

/** 7 days and 1 day before the start, unless the organiser sets others (e.g. 120 for a workshop). */
export const DEFAULT_REMINDER_OFFSETS = [10080, 1440];
export const MAX_REMINDER_OFFSET = 366 * 24 * 60;

/** Offsets as stored: whole minutes, each once, the earliest reminder first. */
export function normaliseReminderOffsets(offsets: number[]): number[] {
  const invalid = offsets.filter(
    (offset) => !Number.isInteger(offset) || offset < 1 || offset > MAX_REMINDER_OFFSET,
  );
  if (invalid.length > 0) {
    throw PlanningError.invalid(
      'reminderOffsetsMinutes',
      `Reminder offsets are whole minutes between 1 and ${MAX_REMINDER_OFFSET} before the start.`,
    );
  }
  return [...new Set(offsets)].sort((a, b) => b - a);
}

/**
 * A cancelled event is frozen: the only change it accepts is being brought back (to draft or
 * published), and then nothing else in the same request, so that the un-cancelling is deliberate.
 */
export function assertEditableAfterCancellation(
  current: EventStatus,
  changedFields: string[],
  nextStatus: EventStatus | undefined,
): void {
  if (current !== 'cancelled') return;
  const reopening = nextStatus !== undefined && nextStatus !== 'cancelled';
  const otherChanges = changedFields.filter((field) => field !== 'status');
  if (!reopening || otherChanges.length > 0) {
    throw PlanningError.conflict(
      'event_cancelled',
      'This event is cancelled. It cannot be edited; only its status can be set back to draft or published.',
    );
  }
}

/** Fields whose change alters what a calendar shows, and so raises the event's SEQUENCE. */
export const CALENDAR_FIELDS = [
  'title',
  'startsAt',
  'endsAt',
  'startZone',
  'endZone',
  'allDay',
  'venueName',
  'venueAddress',
  'venueNotes',
  'venueLatitude',
  'venueLongitude',
  'onlineUrl',
  'status',
  // Calendars show each reader the texts in their language (personal feeds).
  'translations',
] as const;

export function changesCalendar(changedFields: string[]): boolean {
  return changedFields.some((field) => (CALENDAR_FIELDS as readonly string[]).includes(field));
}
