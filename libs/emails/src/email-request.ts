import { EmailKind } from './email-kind';

/** What a producer asks for; the row it becomes is the outbox entry and the visible delivery state. */
export interface EmailRequest {
  kind: EmailKind;
  /** The event the email is about (a workshop's own id for workshop emails). */
  eventId: string;
  personId: string;
  invitationId?: string | null;
  /** Writing a request with a key that exists already is a no-op. At most 300 characters. */
  dedupeKey: string;
  /** When it is due; now when absent. */
  sendAt?: Date;
  eventSequence: number;
  /** Reminders: the event start they were computed from. */
  eventStartsAt?: Date | null;
  offsetMinutes?: number | null;
}

export interface ObsoleteEmailFilter {
  eventId: string;
  kinds?: EmailKind[];
  invitationId?: string;
  /** Shown to organisers as the skipped reason; at most 64 characters. */
  reason: string;
}
