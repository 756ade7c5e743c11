import { CalendarEvent, ParticipationStatus } from '@app/calendar';
import { EventEmailKind } from '@app/emails';

/** A part of the event in the recipient's programme (a workshop, a session, a travel leg). */
export interface ProgrammeEntry {
  event: CalendarEvent;
  /** The recipient only waits for a seat in it. */
  waitlisted: boolean;
}

/** Everything one email shows; gathered by the mail job from the database at send time. */
export interface EmailContent {
  kind: EventEmailKind;
  recipient: { name: string; email: string; locale: string; timeZone: string };
  /** The event the email is about (a workshop for workshop emails). */
  event: CalendarEvent;
  /** The invited event around a workshop, named for context. */
  parentEvent: CalendarEvent | null;
  /** Where the person answers; null when there is none (cancellations, revoked links). */
  answerUrl: string | null;
  /** The participant's own programme page (all their events of this host); null when withdrawn. */
  programmeUrl: string | null;
  participation: ParticipationStatus;
  /**
   * Cancellations and updates: the event's parts in the recipient's programme, so that one email
   * tells of all a change carried along. Empty for other kinds and events without parts.
   */
  parts: ProgrammeEntry[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
