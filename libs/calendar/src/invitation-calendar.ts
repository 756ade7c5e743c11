import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { CalendarEvent } from './calendar-event';
import { parameterText } from './calendar-text';
import { addEventToCalendar } from './event-entry';
import { calendarText, PRODUCT_ID, useIanaTimezones } from './feed-calendar';

/** iTIP methods an invitation email uses: REQUEST adds or updates the entry, CANCEL removes it. */
export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** The attendee's answer so far, as PARTSTAT. */
export type ParticipationStatus = 'NEEDS-ACTION' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED';

export interface InvitationCalendarInput {
  method: InvitationMethod;
  event: CalendarEvent;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string; participation: ParticipationStatus };
  /** The answer page: where the person accepts or declines. */
  url?: string | null;
}

const PARTSTAT: Record<ParticipationStatus, ICalAttendeeStatus> = {
  'NEEDS-ACTION': ICalAttendeeStatus.NEEDSACTION,
  ACCEPTED: ICalAttendeeStatus.ACCEPTED,
  TENTATIVE: ICalAttendeeStatus.TENTATIVE,
  DECLINED: ICalAttendeeStatus.DECLINED,
};

/**
 * The iCalendar attachment of an invitation email: the same VEVENT as the feeds (UID, SEQUENCE,
 * times), with METHOD, ORGANIZER and this one ATTENDEE, so mail clients offer "add to calendar"
 * and later update or remove that same entry. A cancellation of one person's participation
 * cancels the entry for them even while the event itself goes on.
 */
export function renderInvitationCalendar(input: InvitationCalendarInput): string {
  const calendar = useIanaTimezones(
    new ICalCalendar({
      prodId: PRODUCT_ID,
      method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    }),
  );
  const entry = addEventToCalendar(calendar, input.event, { organizer: input.organizer, url: input.url });
  // Answers go through the answer link; nothing reads iTIP replies sent to the organiser mailbox.
  entry.createAttendee({
    name: parameterText(input.attendee.name),
    email: input.attendee.email,
    role: ICalAttendeeRole.REQ,
    status: PARTSTAT[input.attendee.participation],
    rsvp: false,
  });
  if (input.method === 'CANCEL') entry.status(ICalEventStatus.CANCELLED);
  return calendarText(calendar);
}
