import {
  escape,
  foldLines,
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
  return renderWithAttendee(input, parameterText(input.attendee.name), input.attendee.email, input.url);
}

function renderWithAttendee(
  input: InvitationCalendarInput,
  name: string,
  email: string,
  url: string | null | undefined,
): string {
  const calendar = useIanaTimezones(
    new ICalCalendar({
      prodId: PRODUCT_ID,
      method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    }),
  );
  const entry = addEventToCalendar(calendar, input.event, { organizer: input.organizer, url });
  // Answers go through the answer link; nothing reads iTIP replies sent to the organiser mailbox.
  entry.createAttendee({
    name,
    email,
    role: ICalAttendeeRole.REQ,
    status: PARTSTAT[input.attendee.participation],
    rsvp: false,
  });
  if (input.method === 'CANCEL') entry.status(ICalEventStatus.CANCELLED);
  return calendarText(calendar);
}

/** Where one recipient's values go. parameterText and the API's input checks keep control characters out of real ones. */
const NAME_MARK = '\u0000name\u0000';
const EMAIL_MARK = '\u0000email\u0000';
const URL_MARK = '\u0000url\u0000';
/** ical-generator folds a line by breaking it with CRLF and one space; content never holds a CRLF of its own. */
const FOLD = /\r\n /g;
const KEPT_TEMPLATES = 64;

/**
 * Invitation calendars for the many recipients of one event, byte for byte what
 * renderInvitationCalendar writes for each (a spec compares the two): ical-generator renders the
 * event once per language version, method and answer, with marks where a recipient's name,
 * address and answer link go, and each recipient's calendar is that text with their values,
 * escaped and folded as ical-generator does. A fan-out of ten thousand renders the event a few
 * times instead of ten thousand. Keeps the most recently used templates.
 */
export class InvitationCalendars {
  private readonly templates = new Map<string, string>();

  render(input: InvitationCalendarInput): string {
    const name = parameterText(input.attendee.name);
    const template = this.template(input, name !== '');
    return foldLines(
      template
        .replace(NAME_MARK, () => escape(name, true))
        .replace(EMAIL_MARK, () => escape(input.attendee.email, false))
        .replace(URL_MARK, () => escape(input.url, false)),
    );
  }

  /** ical-generator leaves out what is empty: a name (CN) and a link (URL) change the lines, not just their values. */
  private template(input: InvitationCalendarInput, named: boolean): string {
    const key = JSON.stringify([
      input.method,
      input.attendee.participation,
      named,
      Boolean(input.url),
      input.organizer,
      input.event,
    ]);
    let template = this.templates.get(key);
    if (template === undefined) {
      const url = input.url ? URL_MARK : null;
      template = renderWithAttendee(input, named ? NAME_MARK : '', EMAIL_MARK, url).replace(FOLD, '');
      if (this.templates.size >= KEPT_TEMPLATES) this.templates.delete(this.templates.keys().next().value!);
    } else {
      this.templates.delete(key);
    }
    this.templates.set(key, template);
    return template;
  }
}
