import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCounts, eventsByIds, PersonDataHolder, PersonDataHolders } from '@app/planning';
import { EmailKind, EmailStatus } from './email-kind';

/** An email to the person in an export: what it was about, and how its delivery went. */
export interface ExportedEmail {
  id: string;
  kind: EmailKind;
  status: EmailStatus;
  eventId: string;
  eventTitle: string;
  sendAt: Date;
  sentAt: Date | null;
  attempts: number;
  skippedReason: string | null;
  lastError: string | null;
  createdAt: Date;
}

/**
 * The outbox part of exporting and erasing a person. The outbox stores no bodies or addresses
 * (the mail job renders them at send time from the person row), so erasing detaches the rows
 * from the person: an event's email counts by status stay right, without a recipient.
 */
@Injectable()
export class RecipientData implements PersonDataHolder, OnModuleInit {
  readonly section = 'emails';

  constructor(private readonly holders: PersonDataHolders) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  async exportPerson(manager: EntityManager, personId: string): Promise<ExportedEmail[]> {
    const emails: Array<Omit<ExportedEmail, 'eventTitle'>> = await manager.query(
      `SELECT id, kind, status, event_id AS "eventId", send_at AS "sendAt", sent_at AS "sentAt", attempts,
              skipped_reason AS "skippedReason", last_error AS "lastError", created_at AS "createdAt"
         FROM emails WHERE person_id = $1
        ORDER BY created_at, id`,
      [personId],
    );
    const titles = new Map(
      (
        await eventsByIds(
          manager,
          emails.map((email) => email.eventId),
        )
      ).map((event) => [event.id, event.title]),
    );
    // Every email has its event: the outbox row goes when the event does (ON DELETE CASCADE).
    return emails.map((email) => ({ ...email, eventTitle: titles.get(email.eventId)! }));
  }

  /**
   * Emails not sent yet are skipped, never sent: also one a worker holds in `sending`, whose
   * result it can then no longer record (it may be on the wire already; nothing can call it back).
   * SMTP errors often quote the address, so they go too.
   */
  async erasePerson(manager: EntityManager, personId: string): Promise<ErasedCounts> {
    const [, skipped]: [unknown, number] = await manager.query(
      `UPDATE emails SET status = 'skipped', skipped_reason = 'person_erased', updated_at = now()
        WHERE person_id = $1 AND status IN ('queued', 'retrying', 'sending')`,
      [personId],
    );
    const [, detached]: [unknown, number] = await manager.query(
      `UPDATE emails SET person_id = NULL, last_error = NULL, updated_at = now() WHERE person_id = $1`,
      [personId],
    );
    return { emailsSkipped: skipped, emailsAnonymised: detached };
  }
}
