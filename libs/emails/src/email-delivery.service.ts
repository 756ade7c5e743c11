import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FailedEmail, ProducerWebhooks } from '@app/webhooks';
import { EmailKind, EmailStatus, EventEmailKind } from './email-kind';

/**
 * An outbox row claimed for an SMTP attempt: what the row says about the email. What the email
 * shows and whether it still applies is for the lib that wrote it to decide (for invitation
 * emails, InvitationEmails in the invitations lib).
 */
export interface ClaimedEmail {
  id: string;
  kind: EmailKind;
  /** Null for sign-in emails. */
  eventId: string | null;
  /** Sign-in emails: the request whose link they carry. */
  signInRequestId: string | null;
  /** Sign-up emails: the pending sign-up whose confirmation link they carry. */
  signUpId: string | null;
  /** Null once the person was erased, and for sign-in emails. */
  personId: string | null;
  invitationId: string | null;
  sendAt: Date;
  /** For reminders: the event start the reminder was computed from. */
  eventStartsAt: Date | null;
  offsetMinutes: number | null;
  /** SMTP attempts made before this one. */
  previousAttempts: number;
  /** An update about the same event and invitation with a higher sequence exists. */
  superseded: boolean;
  /** The previous attempt stopped between claiming and recording (a crash): it may have been sent. */
  interrupted: boolean;
}

/** A claimed email about an event (every kind but sign-in emails). */
export type EventEmailClaim = ClaimedEmail & { eventId: string; kind: EventEmailKind };

type RecordedRow = Omit<FailedEmail, 'eventId'> & { eventId: string | null; status: EmailStatus };

/** Records outcomes of rows still held by the job that claimed them; returns the rows it changed. */
const RECORD_OUTCOMES = `WITH outcome AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[])
             AS o(id, job_id, status, error, reason)
       ),
       held AS (
         SELECT e.id FROM emails e JOIN outcome ON outcome.id = e.id AND outcome.job_id = e.job_id
          WHERE e.status = 'sending'
          ORDER BY e.id
            FOR UPDATE OF e
       )
       UPDATE emails e
          SET status = outcome.status,
              last_error = COALESCE(outcome.error, e.last_error),
              skipped_reason = COALESCE(outcome.reason, e.skipped_reason),
              sent_at = CASE WHEN outcome.status = 'sent' THEN now() ELSE e.sent_at END,
              attempts = CASE WHEN outcome.status = 'skipped' THEN e.attempts - 1 ELSE e.attempts END,
              updated_at = now()
         FROM held JOIN outcome ON outcome.id = held.id
        WHERE e.id = held.id
    RETURNING e.id, e.status, e.kind, e.attempts, e.event_id AS "eventId", e.invitation_id AS "invitationId",
              e.person_id AS "personId"`;

/** How one claimed email's attempt ended, as recorded on its row; `jobId` is the job that claimed it. */
export type DeliveryOutcome = { emailId: string; jobId: string } & (
  | { status: 'sent' }
  | { status: 'retrying' | 'failed'; error: string }
  /** It no longer applies; its attempt count goes back, as nothing was sent. */
  | { status: 'skipped'; reason: string }
);

/**
 * The delivery state of outbox rows, as the mail job moves them along, several rows per
 * statement. Every transition is conditional on the current state and on the job that holds the
 * row, so a concurrent skip, or a second job carrying the same row, cannot send a row twice or
 * overwrite a result.
 */
@Injectable()
export class EmailDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: ProducerWebhooks,
  ) {}

  /**
   * Claims pending rows for an SMTP attempt by the job `jobId` — status `sending`, one more
   * attempt, the Message-ID recorded before anything is sent, so a crash leaves visible `sending`
   * rows — and returns what the rows say (ClaimedEmail). A `sending`
   * row is claimed again only by the job that claimed it (that job was interrupted and runs
   * again). Rows gone or no longer pending (sent, failed, skipped, or held by another job) are
   * left out; a row claimed but no longer applicable is to be recorded as skipped. Rows are
   * locked in id order, so that two claims of overlapping rows wait for each other instead of
   * deadlocking.
   */
  async claim(jobId: string, emails: Array<{ id: string; messageId: string }>): Promise<ClaimedEmail[]> {
    if (emails.length === 0) return [];
    return this.dataSource.query(
      `WITH wanted AS (
         SELECT w.id, w.message_id FROM unnest($1::uuid[], $2::varchar[]) AS w(id, message_id)
       ),
       prior AS (
         SELECT e.id, e.status, e.attempts, wanted.message_id
           FROM emails e JOIN wanted ON wanted.id = e.id
          WHERE e.status IN ('queued', 'retrying') OR (e.status = 'sending' AND e.job_id = $3)
          ORDER BY e.id
            FOR UPDATE OF e
       ),
       claimed AS (
         UPDATE emails e
            SET status = 'sending', attempts = e.attempts + 1, message_id = prior.message_id,
                job_id = $3, updated_at = now()
           FROM prior
          WHERE e.id = prior.id
      RETURNING e.id, e.kind, e.send_at, e.event_starts_at, e.invitation_id, e.offset_minutes, e.event_id,
                e.sign_in_request_id, e.sign_up_id, e.person_id, e.event_sequence, prior.status AS previous_status, prior.attempts AS previous_attempts)
       SELECT c.id, c.kind, c.event_id AS "eventId", c.sign_in_request_id AS "signInRequestId",
              c.sign_up_id AS "signUpId", c.person_id AS "personId", c.invitation_id AS "invitationId",
              c.send_at AS "sendAt", c.event_starts_at AS "eventStartsAt", c.offset_minutes AS "offsetMinutes",
              c.previous_attempts AS "previousAttempts", c.previous_status = 'sending' AS interrupted,
              EXISTS (SELECT 1 FROM emails n
                       WHERE n.kind = 'update' AND n.invitation_id = c.invitation_id
                         AND n.event_id = c.event_id AND n.event_sequence > c.event_sequence) AS superseded
         FROM claimed c`,
      [emails.map((email) => email.id), emails.map((email) => email.messageId), jobId],
    );
  }

  /**
   * Records how the attempts of claimed rows ended, in one statement. A row no longer `sending`
   * for the job that claimed it (another job took it up after an abandoned attempt) is left as
   * it is. Emails that failed for good are told to the event's hosts' webhooks in the same
   * transaction.
   */
  async record(outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const parameters = [
      outcomes.map((outcome) => outcome.emailId),
      outcomes.map((outcome) => outcome.jobId),
      outcomes.map((outcome) => outcome.status),
      outcomes.map((outcome) => ('error' in outcome ? outcome.error.slice(0, 2000) : null)),
      outcomes.map((outcome) => ('reason' in outcome ? outcome.reason.slice(0, 64) : null)),
    ];
    // The common case, nothing failed for good, stays one statement without a transaction around it.
    if (!outcomes.some((outcome) => outcome.status === 'failed')) {
      await this.dataSource.query(RECORD_OUTCOMES, parameters);
      return;
    }
    const failed = await this.dataSource.transaction(async (manager) => {
      const [recorded]: [RecordedRow[], number] = await manager.query(RECORD_OUTCOMES, parameters);
      // A failed sign-in email concerns no organisation's event: no webhook tells of it.
      const failedForGood = recorded.filter(
        (row): row is RecordedRow & FailedEmail => row.status === 'failed' && row.eventId !== null,
      );
      if (failedForGood.length > 0) await this.webhooks.emailsFailed(manager, failedForGood);
      return failedForGood.length;
    });
    if (failed > 0) this.webhooks.dispatchSoon();
  }
}
