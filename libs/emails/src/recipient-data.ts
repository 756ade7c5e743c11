import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCounts, PersonDataHolder, PersonDataHolders } from '@app/planning';
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

  exportPerson(manager: EntityManager, personId: string): Promise<ExportedEmail[]> {
    return manager.query(
      `SELECT e.id, e.kind, e.status, e.event_id AS "eventId", ev.title AS "eventTitle", e.send_at AS "sendAt",
              e.sent_at AS "sentAt", e.attempts, e.skipped_reason AS "skippedReason", e.last_error AS "lastError",
              e.created_at AS "createdAt"
         FROM emails e JOIN events ev ON ev.id = e.event_id
        WHERE e.person_id = $1
        ORDER BY e.created_at, e.id`,
      [personId],
    );
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
