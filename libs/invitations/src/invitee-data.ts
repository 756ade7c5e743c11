import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditActor, AuditTrail, changedFields } from '@app/audit';
import { EmailsService } from '@app/emails';
import {
  ErasedCounts,
  eventsByIds,
  PersonDataHolder,
  PersonDataHolders,
  upcomingEventIds,
} from '@app/planning';
import { ChoiceView, choicesOf } from './choice-views';
import { invitationRecord } from './invitation-audit';
import { ChoiceStatus, InvitationStatus } from './invitation-status';
import { SeatsService } from './seats.service';

/** An invitation in a person's export, with their answer and workshop choices. */
export interface ExportedInvitation {
  id: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  status: InvitationStatus;
  respondedAt: Date | null;
  /** Whether the answer link still works; the link itself is a secret and not exported. */
  answerLinkActive: boolean;
  createdAt: Date;
  updatedAt: Date;
  choices: ChoiceView[];
}

/**
 * The invitations part of exporting and erasing a person.
 *
 * Erasing keeps every invitation as an anonymous row, so an event's number of invitations and
 * answers stays right. For events not over yet the person can no longer come: their seats are
 * given up (withdrawn), the invitation counts as withdrawn, and whoever waits longest gets the
 * seat with the usual email, as when someone declines. Events already over keep the answer as it
 * was, so their attendance stays as it happened.
 */
@Injectable()
export class InviteeData implements PersonDataHolder, OnModuleInit {
  readonly section = 'invitations';

  constructor(
    private readonly holders: PersonDataHolders,
    private readonly seats: SeatsService,
    private readonly emails: EmailsService,
    private readonly audit: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  /** Whoever got a seat hears of it now rather than at the relay's next pass. */
  erasureCommitted(): void {
    this.emails.dispatchSoon();
  }

  async exportPerson(manager: EntityManager, personId: string): Promise<ExportedInvitation[]> {
    const invitations: Array<Omit<ExportedInvitation, 'eventTitle' | 'eventStartsAt' | 'choices'>> =
      await manager.query(
        `SELECT id, event_id AS "eventId", status, responded_at AS "respondedAt",
                answer_token_digest IS NOT NULL AS "answerLinkActive", created_at AS "createdAt", updated_at AS "updatedAt"
           FROM invitations WHERE person_id = $1 ORDER BY id`,
        [personId],
      );
    const events = await eventsByIds(
      manager,
      invitations.map((invitation) => invitation.eventId),
    );
    const choices = await choicesOf(
      manager,
      invitations.map((invitation) => invitation.id),
    );
    // In the events' start order, as the person lived them.
    return events.flatMap((event) =>
      invitations
        .filter((invitation) => invitation.eventId === event.id)
        .map((invitation) => ({
          ...invitation,
          eventTitle: event.title,
          eventStartsAt: event.startsAt,
          choices: choices.get(invitation.id) ?? [],
        })),
    );
  }

  async erasePerson(manager: EntityManager, personId: string, erasedBy: AuditActor): Promise<ErasedCounts> {
    const held: Array<{ workshopId: string }> = await manager.query(
      `SELECT DISTINCT c.event_id AS "workshopId"
         FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
        WHERE i.person_id = $1 AND c.status <> 'withdrawn'`,
      [personId],
    );
    const invited: Array<{ eventId: string }> = await manager.query(
      `SELECT event_id AS "eventId" FROM invitations WHERE person_id = $1`,
      [personId],
    );
    // Workshops before the events around them, as every other seat change locks them.
    const workshops = await this.seats.lock(
      manager,
      await upcomingEventIds(
        manager,
        held.map((row) => row.workshopId),
      ),
    );
    const events = await this.seats.lock(
      manager,
      await upcomingEventIds(
        manager,
        invited.map((row) => row.eventId),
      ),
    );

    const [freedSeats]: [Array<{ workshopId: string; was: ChoiceStatus }>, number] = await manager.query(
      `UPDATE workshop_choices c SET status = 'withdrawn', updated_at = now()
         FROM invitations i, workshop_choices before
        WHERE i.id = c.invitation_id AND before.id = c.id
          AND i.person_id = $1 AND c.status <> 'withdrawn' AND c.event_id = ANY($2::uuid[])
      RETURNING c.event_id AS "workshopId", before.status AS was`,
      [personId, [...workshops.keys()]],
    );
    const [withdrawn]: [Array<{ id: string; eventId: string; was: InvitationStatus }>, number] =
      await manager.query(
        `UPDATE invitations i SET status = 'cancelled', updated_at = now()
           FROM invitations before
          WHERE before.id = i.id AND i.person_id = $1 AND i.event_id = ANY($2::uuid[])
            AND i.status NOT IN ('declined', 'cancelled')
        RETURNING i.id, i.event_id AS "eventId", before.status AS was`,
        [personId, [...events.keys()]],
      );
    // Without the person's id: the erasure unlinks the trail from them, these entries included.
    await this.audit.record(
      manager,
      ...withdrawn.map((invitation) =>
        invitationRecord(
          erasedBy,
          'invitation.withdrawn',
          events.get(invitation.eventId)!,
          { id: invitation.id, personId: null },
          {
            changes: changedFields({ status: invitation.was }, { status: 'cancelled' }),
            details: { byErasure: true },
          },
        ),
      ),
    );
    const [, anonymised]: [unknown, number] = await manager.query(
      `UPDATE invitations SET person_id = NULL, answer_token_digest = NULL, answer_token_sealed = NULL,
              updated_at = now()
        WHERE person_id = $1`,
      [personId],
    );

    const freedWorkshops = new Set(
      freedSeats.filter((seat) => seat.was === 'confirmed').map((seat) => seat.workshopId),
    );
    for (const workshopId of freedWorkshops) await this.seats.promote(manager, workshops.get(workshopId)!);
    const freedEvents = new Set(
      withdrawn
        .filter(
          (invitation) => invitation.was === 'accepted' && events.get(invitation.eventId)?.capacity != null,
        )
        .map((invitation) => invitation.eventId),
    );
    for (const eventId of freedEvents) await this.seats.promote(manager, events.get(eventId)!);

    return {
      invitationsAnonymised: anonymised,
      invitationsWithdrawn: withdrawn.length,
      seatsFreed: freedSeats.filter((seat) => seat.was === 'confirmed').length + freedEvents.size,
    };
  }
}
