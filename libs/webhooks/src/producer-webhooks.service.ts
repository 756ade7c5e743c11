import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AnswerFacts,
  answerData,
  failedEmailData,
  PersonSnapshot,
  registers,
  registrationData,
} from './webhook-payloads';
import { WebhookOutbox } from './webhook-outbox.service';

/** An email the outbox gave up on, as the emails lib knows it. */
export interface FailedEmail {
  id: string;
  kind: string;
  attempts: number;
  eventId: string;
  invitationId: string | null;
  personId: string | null;
}

interface EmailContextRow {
  event_title: string;
  event_starts_at: Date;
  event_ends_at: Date;
  person_name: string | null;
  person_organisation_id: string | null;
}

/**
 * What libs that do not own events tell the hosts about, written in their transactions: answers
 * and registrations (invitations lib), emails that failed for good (emails lib). They call this
 * rather than build messages, so every payload is shaped in this lib.
 */
@Injectable()
export class ProducerWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  /** `invitation.answered`, and `registration.created` when the answer registered the person. */
  async answered(manager: EntityManager, facts: AnswerFacts): Promise<void> {
    const occurredAt = facts.respondedAt;
    await this.outbox.publish(manager, {
      type: 'invitation.answered',
      eventId: facts.event.id,
      data: answerData(facts),
      occurredAt,
    });
    if (registers(facts.previousStatus, facts.status)) {
      await this.outbox.publish(manager, {
        type: 'registration.created',
        eventId: facts.event.id,
        data: registrationData(facts),
        occurredAt,
      });
    }
  }

  async emailsFailed(manager: EntityManager, emails: FailedEmail[]): Promise<void> {
    for (const email of emails) {
      const [context]: EmailContextRow[] = await manager.query(
        `SELECT ev.title AS event_title, ev.starts_at AS event_starts_at, ev.ends_at AS event_ends_at,
                p.name AS person_name, p.organisation_id AS person_organisation_id
           FROM events ev LEFT JOIN people p ON p.id = $2
          WHERE ev.id = $1`,
        [email.eventId, email.personId],
      );
      if (!context) continue;
      const person: PersonSnapshot | null =
        email.personId && context.person_name !== null
          ? { id: email.personId, name: context.person_name, organisationId: context.person_organisation_id }
          : null;
      await this.outbox.publish(manager, {
        type: 'email.failed',
        eventId: email.eventId,
        data: failedEmailData({
          emailId: email.id,
          kind: email.kind,
          attempts: email.attempts,
          event: {
            id: email.eventId,
            title: context.event_title,
            startsAt: context.event_starts_at,
            endsAt: context.event_ends_at,
          },
          invitationId: email.invitationId,
          person,
        }),
      });
    }
  }

  dispatchSoon(): void {
    this.outbox.dispatchSoon();
  }
}
