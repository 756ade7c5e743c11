import { CalendarEvent, ParticipationStatus } from '@app/calendar';
import { EmailKind } from '@app/emails';

/** Everything one email shows; gathered by the mail job from the database at send time. */
export interface EmailContent {
  kind: EmailKind;
  recipient: { name: string; email: string; locale: string; timeZone: string };
  /** The event the email is about (a workshop for workshop emails). */
  event: CalendarEvent;
  /** The invited event around a workshop, named for context. */
  parentEvent: CalendarEvent | null;
  /** Where the person answers; null when there is none (cancellations, revoked links). */
  answerUrl: string | null;
  participation: ParticipationStatus;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
