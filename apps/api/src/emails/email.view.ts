import { Email, EmailKind, EmailStatus } from '@app/emails';
import { Page } from '@app/planning';

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
  person: { id: string; name: string; email: string };
  invitationId: string | null;
  sendAt: string;
  /** Set from the first attempt on; the same for every copy of this email. */
  messageId: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  skippedReason: string | null;
  /** For reminders: minutes before the start. */
  offsetMinutes: number | null;
  createdAt: string;
  updatedAt: string;
}

export function toEmailView(email: Email): EmailView {
  return {
    id: email.id,
    kind: email.kind,
    status: email.status,
    event: { id: email.event.id, title: email.event.title },
    person: { id: email.person.id, name: email.person.name, email: email.person.email },
    invitationId: email.invitationId,
    sendAt: email.sendAt.toISOString(),
    messageId: email.messageId,
    attempts: email.attempts,
    lastError: email.lastError,
    sentAt: email.sentAt?.toISOString() ?? null,
    skippedReason: email.skippedReason,
    offsetMinutes: email.offsetMinutes,
    createdAt: email.createdAt.toISOString(),
    updatedAt: email.updatedAt.toISOString(),
  };
}

export function toEmailPage(page: Page<Email>): Page<EmailView> {
  return { items: page.items.map(toEmailView), nextCursor: page.nextCursor };
}
