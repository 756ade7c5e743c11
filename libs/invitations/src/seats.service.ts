import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { EmailRequest, EmailsService } from '@app/emails';
import { Event, eventsByIds, lockEvents } from '@app/planning';
import { ProducerWebhooks, WaitlistPromotion } from '@app/webhooks';
import { promotionRecord } from './invitation-audit';
import { isAttending, InvitationStatus } from './invitation-status';
import { RemindersService } from './reminders.service';

/** Seats left of a capacity with so many taken; null when there is no limit. */
export function seatsLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}

interface Waiting {
  kind: 'invitation' | 'choice';
  id: string;
}

/**
 * Seats of events with a capacity: accepted invitations to the event itself plus confirmed seats
 * taken in it through an invitation to the event around it. Whoever changes seats of an event
 * holds its row lock (SELECT … FOR UPDATE), so two people never take the last seat at once.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly emails: EmailsService,
    private readonly reminders: RemindersService,
    private readonly audit: AuditTrail,
    private readonly webhooks: ProducerWebhooks,
  ) {}

  /**
   * Locks events through planning (always in id order, so that transactions locking several never
   * deadlock). Callers lock workshops before the event around them, as planning locks a part before its parent.
   */
  async lock(manager: EntityManager, ids: string[]): Promise<Map<string, Event>> {
    const events = await lockEvents(manager, ids);
    return new Map(events.map((event) => [event.id, event]));
  }

  async taken(manager: EntityManager, eventIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ eventId: string; taken: number }> = await manager.query(
      `SELECT e.id AS "eventId",
              (SELECT count(*) FROM invitations i WHERE i.event_id = e.id AND i.status = 'accepted')::int
            + (SELECT count(*) FROM workshop_choices c WHERE c.event_id = e.id AND c.status = 'confirmed')::int
              AS taken
         FROM unnest($1::uuid[]) AS e(id)`,
      [[...new Set(eventIds)]],
    );
    return new Map(rows.map((row) => [row.eventId, row.taken]));
  }

  /** Free seats, or null when the event has no limit. */
  async free(manager: EntityManager, event: Pick<Event, 'id' | 'capacity'>): Promise<number | null> {
    if (event.capacity === null) return null;
    return seatsLeft(event.capacity, (await this.taken(manager, [event.id])).get(event.id) ?? 0);
  }

  async hasFreeSeat(manager: EntityManager, event: Pick<Event, 'id' | 'capacity'>): Promise<boolean> {
    const free = await this.free(manager, event);
    return free === null || free > 0;
  }

  /**
   * Gives free seats of a locked event to those waiting longest, with an email each, their
   * reminders, an audit entry and a webhook, in the caller's transaction. Anonymous rows of erased
   * people wait for nothing.
   */
  async promote(manager: EntityManager, event: Event): Promise<void> {
    if (event.status === 'cancelled') return;
    const free = await this.free(manager, event);
    if (free === 0) return;
    const waiting: Waiting[] = await manager.query(
      `SELECT kind, id FROM (
         SELECT 'invitation' AS kind, id, COALESCE(responded_at, created_at) AS since
           FROM invitations WHERE event_id = $1 AND status = 'waitlisted' AND person_id IS NOT NULL
         UNION ALL
         SELECT 'choice', c.id, c.created_at FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
          WHERE c.event_id = $1 AND c.status = 'waitlisted' AND i.person_id IS NOT NULL
       ) waiting
       ORDER BY since, id
       LIMIT $2`,
      [event.id, free],
    );
    if (waiting.length === 0) return;
    const batch = randomBytes(4).toString('hex');
    const promotions: EmailRequest[] = [];
    const promoted: Array<WaitlistPromotion & { ownSeat: boolean }> = [];
    const invitationIds = waiting.filter((entry) => entry.kind === 'invitation').map((entry) => entry.id);
    const choiceIds = waiting.filter((entry) => entry.kind === 'choice').map((entry) => entry.id);

    if (invitationIds.length > 0) {
      const [rows]: [Array<{ id: string; personId: string }>, number] = await manager.query(
        `UPDATE invitations SET status = 'accepted', updated_at = now()
          WHERE id = ANY($1::uuid[]) RETURNING id, person_id AS "personId"`,
        [invitationIds],
      );
      for (const row of rows) {
        promotions.push(this.promotionEmail(event, row.id, row.personId, `${row.id}:${batch}`));
        promoted.push({
          invitationId: row.id,
          personId: row.personId,
          invitationStatus: 'accepted',
          ownSeat: true,
        });
      }
      const recipients = rows.map((row) => ({ invitationId: row.id, personId: row.personId }));
      await this.reminders.schedule(manager, event, recipients);
      await this.remindOfConfirmedWorkshops(manager, recipients);
    }

    if (choiceIds.length > 0) {
      const [rows]: [
        Array<{ id: string; invitationId: string; personId: string; status: InvitationStatus }>,
        number,
      ] = await manager.query(
        `UPDATE workshop_choices c SET status = 'confirmed', updated_at = now()
             FROM invitations i
            WHERE c.id = ANY($1::uuid[]) AND i.id = c.invitation_id
        RETURNING c.id, c.invitation_id AS "invitationId", i.person_id AS "personId", i.status`,
        [choiceIds],
      );
      for (const row of rows) {
        promotions.push(this.promotionEmail(event, row.invitationId, row.personId, `${row.id}:${batch}`));
        promoted.push({
          invitationId: row.invitationId,
          personId: row.personId,
          invitationStatus: row.status,
          ownSeat: false,
        });
      }
      const attending = rows.filter((row) => isAttending(row.status));
      await this.reminders.schedule(manager, event, attending);
    }
    await this.emails.queue(manager, promotions);
    await this.audit.record(manager, ...promoted.map((promotion) => promotionRecord(event, promotion)));
    await this.webhooks.promoted(manager, event, promoted);
  }

  /** A person promoted into the event itself now also gets reminders of the workshops they hold. */
  private async remindOfConfirmedWorkshops(
    manager: EntityManager,
    recipients: Array<{ invitationId: string; personId: string }>,
  ): Promise<void> {
    const choices: Array<{ eventId: string; invitationId: string }> = await manager.query(
      `SELECT event_id AS "eventId", invitation_id AS "invitationId" FROM workshop_choices
        WHERE invitation_id = ANY($1::uuid[]) AND status = 'confirmed'`,
      [recipients.map((recipient) => recipient.invitationId)],
    );
    if (choices.length === 0) return;
    const personOf = new Map(recipients.map((recipient) => [recipient.invitationId, recipient.personId]));
    const workshops = await eventsByIds(
      manager,
      choices.map((choice) => choice.eventId),
    );
    for (const workshop of workshops) {
      const holders = choices
        .filter((choice) => choice.eventId === workshop.id)
        .map((choice) => ({
          invitationId: choice.invitationId,
          personId: personOf.get(choice.invitationId)!,
        }));
      await this.reminders.schedule(manager, workshop, holders);
    }
  }

  private promotionEmail(event: Event, invitationId: string, personId: string, key: string): EmailRequest {
    return {
      kind: 'waitlist_promotion',
      eventId: event.id,
      personId,
      invitationId,
      dedupeKey: `waitlist_promotion:${key}`,
      eventSequence: event.sequence,
    };
  }
}
