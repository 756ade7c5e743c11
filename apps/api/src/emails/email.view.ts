import { EmailEntry, EmailKind, EmailStatus } from '@app/emails';
import { Page, PersonView } from '@app/planning';

export interface EmailView {
  id: string;
  kind: EmailKind;
  /**
   * queued | sending | sent | retrying | failed | skipped. A `sending` email whose updatedAt is
   * minutes old was interrupted mid-send: it may have arrived; the worker sends it again with the
   * same Message-ID when its job is retried.
   */
  status: EmailStatus;
  event: { id: string; title: string };
  /** The recipient; people of other organisations by name and organisation only. */
  person: PersonView;
  invitationId: string | null;
  sendAt: string;
  /** Set from the first attempt on; the same for every copy of this email. */
  messageId: string | null;
  attempts: number;
  /**
   * The last SMTP error. Null for recipients of other organisations: SMTP replies quote the
   * address; their own organisation sees it in the person's email history.
   */
  lastError: string | null;
  sentAt: string | null;
  skippedReason: string | null;
  /** For reminders: minutes before the start. */
  offsetMinutes: number | null;
  createdAt: string;
  updatedAt: string;
}

export function toEmailView({ email, person }: EmailEntry): EmailView {
  return {
    id: email.id,
    kind: email.kind,
    status: email.status,
    // Listed per event or per person: sign-in emails, the only ones without an event, are neither.
    event: { id: email.event!.id, title: email.event!.title },
    person,
    invitationId: email.invitationId,
    sendAt: email.sendAt.toISOString(),
    messageId: email.messageId,
    attempts: email.attempts,
    lastError: person.contactVisible ? email.lastError : null,
    sentAt: email.sentAt?.toISOString() ?? null,
    skippedReason: email.skippedReason,
    offsetMinutes: email.offsetMinutes,
    createdAt: email.createdAt.toISOString(),
    updatedAt: email.updatedAt.toISOString(),
  };
}

export function toEmailPage(page: Page<EmailEntry>): Page<EmailView> {
  return { items: page.items.map(toEmailView), nextCursor: page.nextCursor };
}
