import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditTrail, changedFields, inviteeActor } from '@app/audit';
import { ChangeVersion } from '@app/database';
import { EmailsService } from '@app/emails';
import {
  Actor,
  Event,
  EventsService,
  findEvent,
  findPerson,
  Locale,
  Person,
  roundsOf,
  workshopsOf,
} from '@app/planning';
import { ProducerWebhooks, SeatOutcome } from '@app/webhooks';
import { isWellFormedToken, tokenDigest } from './answer-links';
import { difference, HeldChoice, planChoices, remindedEventIds, statusAfterAnswer } from './attendance';
import { invitationRecord } from './invitation-audit';
import { managedEvent } from './managed-event';
import { Answer, ChoiceStatus, InvitationStatus } from './invitation-status';
import { InvitationError } from './invitations.error';
import { RemindersService } from './reminders.service';
import { SeatsService } from './seats.service';
import { inTransaction, RetryTransaction } from './transactions';
import { oneSeatPerRound } from './workshop-rounds';

export interface AnswerPageWorkshop {
  event: Event;
  seatsLeft: number;
  /** The person's seat: confirmed, waitlisted, or null when they hold none. */
  choice: Exclude<ChoiceStatus, 'withdrawn'> | null;
}

/** Workshops at overlapping times, of which a person holds at most one (`oneSeatPerRound`). */
export interface AnswerPageRound {
  startsAt: Date;
  endsAt: Date;
  workshops: AnswerPageWorkshop[];
}

/** What the answer page shows: the event, the person's answer, and the workshops to choose from. */
export interface AnswerPage {
  invitationId: string;
  status: InvitationStatus;
  respondedAt: Date | null;
  /** They signed up themselves (open sign-up) rather than being invited. */
  signedUp: boolean;
  person: { name: string; locale: Locale; timeZone: string };
  event: Event;
  seatsLeft: number | null;
  workshops: AnswerPageWorkshop[];
  /** The same workshops by round, in start order. */
  rounds: AnswerPageRound[];
}

export interface AnswerInput {
  answer: Answer;
  /** Every workshop the person wants afterwards; seats left out are given up. */
  workshopIds: string[];
  /** A new seat may replace a held one of its round (`oneSeatPerRound`); without it that is refused. */
  replace?: boolean;
  /**
   * Written with the answer, in its transaction (the registration questions' answers): what it
   * throws undoes the answer, so both are saved or neither.
   */
  alongside?: (manager: EntityManager, answered: AnsweredInvitation) => Promise<void>;
}

/** The invitation being answered, and who answers it, for what is written alongside. */
export interface AnsweredInvitation {
  invitationId: string;
  eventId: string;
  personId: string;
  actor: AuditActor;
}

/** An answer an organiser records for someone, e.g. after a phone call. */
export interface AnswerOnBehalfInput extends AnswerInput {
  /** The status the organiser saw; when the invitation has another by now, nothing is changed. */
  expectedStatus?: InvitationStatus;
}

/** Who answers: the invitee through their link, or an organiser on their behalf. */
interface Answering {
  who: AuditActor | null;
  /** Locks the invitation and reads its status; throws when it can no longer be answered. */
  lock(manager: EntityManager): Promise<InvitationStatus>;
}

interface LinkedInvitation {
  id: string;
  eventId: string;
  personId: string;
  status: InvitationStatus;
  respondedAt: Date | null;
  signedUp: boolean;
  personName: string;
  personLocale: Locale;
  personTimeZone: string;
  personOrganisationId: string | null;
}

/** An invitation as read, before its invitee is looked up (gone once the person was erased). */
type InvitationRow = Omit<LinkedInvitation, 'personId' | `person${string}`> & { personId: string | null };

function linkedInvitation(invitation: InvitationRow, person: Person): LinkedInvitation {
  return {
    ...invitation,
    personId: person.id,
    personName: person.name,
    personLocale: person.locale,
    personTimeZone: person.timeZone,
    personOrganisationId: person.organisationId,
  };
}

/** The invited person's side: open the answer link, answer, choose workshops. */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly emails: EmailsService,
    private readonly seats: SeatsService,
    private readonly reminders: RemindersService,
    private readonly audit: AuditTrail,
    private readonly webhooks: ProducerWebhooks,
    private readonly changes: ChangeVersion,
    private readonly events: EventsService,
  ) {}

  async page(token: string): Promise<AnswerPage> {
    const manager = this.dataSource.manager;
    const invitation = await this.byToken(manager, token);
    const event = await findEvent(manager, invitation.eventId);
    if (!event) throw InvitationError.unknownLink();
    const workshops = await workshopsOf(manager, event.id);
    const taken = await this.seats.taken(manager, [event.id, ...workshops.map((workshop) => workshop.id)]);
    const held: Array<{ eventId: string; status: AnswerPageWorkshop['choice'] }> = await manager.query(
      `SELECT event_id AS "eventId", status FROM workshop_choices WHERE invitation_id = $1 AND status <> 'withdrawn'`,
      [invitation.id],
    );
    const seatOf = new Map(held.map((choice) => [choice.eventId, choice.status]));
    const seatsLeft = (of: Event) =>
      of.capacity === null ? null : Math.max(0, of.capacity - (taken.get(of.id) ?? 0));
    const offered = workshops.map((workshop) => ({
      event: workshop,
      seatsLeft: seatsLeft(workshop) ?? 0,
      choice: seatOf.get(workshop.id) ?? null,
    }));
    const byId = new Map(offered.map((workshop) => [workshop.event.id, workshop]));
    return {
      invitationId: invitation.id,
      status: invitation.status,
      respondedAt: invitation.respondedAt,
      signedUp: invitation.signedUp,
      person: {
        name: invitation.personName,
        locale: invitation.personLocale,
        timeZone: invitation.personTimeZone,
      },
      event,
      seatsLeft: seatsLeft(event),
      workshops: offered,
      rounds: roundsOf(workshops).map((round) => ({
        startsAt: round.startsAt,
        endsAt: round.endsAt,
        workshops: round.parts.map((part) => byId.get(part.id)!),
      })),
    };
  }

  /**
   * Records an answer and the workshops chosen with it. Seats are taken under row locks of the
   * workshops and the event, so the last seat goes to exactly one person; the next waits. Seats
   * given up go to whoever waits longest, in the same transaction. Answering the same again
   * changes nothing.
   */
  async answer(token: string, input: AnswerInput): Promise<void> {
    await this.recorded(async (manager) => {
      const found = await this.byToken(manager, token);
      return this.answerIn(manager, found, input, {
        who: null,
        lock: async (locker) => {
          const locked: Array<{ status: InvitationStatus }> = await locker.query(
            `SELECT status FROM invitations WHERE id = $1 AND answer_token_digest = $2 FOR UPDATE`,
            [found.id, tokenDigest(token)],
          );
          if (locked.length === 0) throw InvitationError.unknownLink();
          return locked[0].status;
        },
      });
    });
  }

  /**
   * Records an answer for the invitee, as their answer link would, by an organiser of the event's
   * hosts (a phone call): the same seats, waitlists and emails; the audit trail names the
   * organiser and says it was on the invitee's behalf.
   */
  async answerFor(
    actor: Actor,
    eventId: string,
    invitationId: string,
    input: AnswerOnBehalfInput,
  ): Promise<void> {
    await managedEvent(this.dataSource.manager, this.events, actor, eventId, {
      what: 'answer for the invitees of events it neither hosts nor co-hosts',
      write: true,
    });
    await this.recorded(async (manager) => {
      const found = await this.byId(manager, eventId, invitationId);
      return this.answerIn(manager, found, input, {
        who: actor.who,
        lock: async (locker) => {
          const locked: Array<{ status: InvitationStatus }> = await locker.query(
            `SELECT status FROM invitations WHERE id = $1 FOR UPDATE`,
            [found.id],
          );
          const status = locked[0]?.status;
          if (!status) throw InvitationError.notFound('invitation', invitationId);
          if (status === 'cancelled') throw InvitationError.withdrawn();
          if (input.expectedStatus && input.expectedStatus !== status) {
            throw new InvitationError(
              'conflict',
              'invitation_changed',
              'The answer changed since the page was loaded; look at it again before you change it.',
            );
          }
          return status;
        },
      });
    });
  }

  private async recorded(work: (manager: EntityManager) => Promise<boolean>): Promise<void> {
    const changed = await inTransaction(this.dataSource, work);
    if (changed) {
      this.emails.dispatchSoon();
      this.webhooks.dispatchSoon();
      // The answer form redirects itself, past ChangeCatchUpInterceptor.
      await this.changes.catchUp();
    }
  }

  private async answerIn(
    manager: EntityManager,
    found: LinkedInvitation,
    input: AnswerInput,
    answering: Answering,
  ): Promise<boolean> {
    const offeredWorkshops = await workshopsOf(manager, found.eventId);
    const offered = new Set(offeredWorkshops.map((workshop) => workshop.id));
    const asked = [...new Set(input.workshopIds)];
    const foreign = asked.filter((id) => !offered.has(id));
    if (foreign.length > 0) {
      throw InvitationError.invalid('workshop', 'These workshops cannot be chosen for this event.');
    }
    const heldBefore = await this.choices(manager, found.id);
    const workshops = await this.seats.lock(manager, [
      ...asked,
      ...heldBefore.filter((choice) => choice.status !== 'withdrawn').map((choice) => choice.eventId),
    ]);
    const event = (await this.seats.lock(manager, [found.eventId])).get(found.eventId)!;
    const current = await answering.lock(manager);
    if (event.status === 'cancelled') throw InvitationError.eventCancelled();
    await input.alongside?.(manager, {
      invitationId: found.id,
      eventId: found.eventId,
      personId: found.personId,
      actor: answering.who ?? inviteeActor({ id: found.personId, name: found.personName }),
    });
    const held = await this.choices(manager, found.id);
    const active = held.filter((choice) => choice.status !== 'withdrawn');
    if (active.some((choice) => !workshops.has(choice.eventId))) throw new RetryTransaction();
    // Declining gives up every seat, so it never conflicts with a round.
    const { wanted, replaced } =
      input.answer === 'decline'
        ? { wanted: [], replaced: [] }
        : oneSeatPerRound(offeredWorkshops, held, asked, input.replace ?? false);

    const seatFree =
      input.answer !== 'accept' || current === 'accepted' || (await this.seats.hasFreeSeat(manager, event));
    const status = statusAfterAnswer(current, input.answer, seatFree);
    // Seats in a cancelled workshop wait for it to come back: the answer page does not offer it,
    // so leaving it out is no wish to give the seat up. Declining gives up every seat.
    const suspended = held
      .filter((choice) => choice.status !== 'withdrawn' && !offered.has(choice.eventId))
      .map((choice) => choice.eventId);
    const plan = planChoices(held, status === 'declined' ? [] : [...wanted, ...suspended]);

    const confirmedBefore = active
      .filter((choice) => choice.status === 'confirmed')
      .map((choice) => choice.eventId);
    const confirmed = new Set(confirmedBefore);
    const freed: Event[] = [];
    for (const choice of plan.withdraw) {
      await manager.query(
        `UPDATE workshop_choices SET status = 'withdrawn', updated_at = now() WHERE invitation_id = $1 AND event_id = $2`,
        [found.id, choice.eventId],
      );
      confirmed.delete(choice.eventId);
      if (choice.status === 'confirmed') freed.push(workshops.get(choice.eventId)!);
    }
    for (const workshopId of [...plan.request].sort()) {
      const seat = (await this.seats.hasFreeSeat(manager, workshops.get(workshopId)!))
        ? 'confirmed'
        : 'waitlisted';
      await manager.query(
        `INSERT INTO workshop_choices (invitation_id, event_id, status) VALUES ($1, $2, $3)
         ON CONFLICT (invitation_id, event_id)
           DO UPDATE SET status = EXCLUDED.status, created_at = now(), updated_at = now()`,
        [found.id, workshopId, seat],
      );
      if (seat === 'confirmed') confirmed.add(workshopId);
    }
    if (status !== current) {
      await manager.query(
        `UPDATE invitations SET status = $2, responded_at = now(), updated_at = now() WHERE id = $1`,
        [found.id, status],
      );
    }

    const remindedBefore = remindedEventIds(event.id, current, confirmedBefore);
    const remindedAfter = remindedEventIds(event.id, status, [...confirmed]);
    const reason = status === 'declined' ? 'invitation declined' : 'no longer attending';
    for (const eventId of difference(remindedBefore, remindedAfter)) {
      await this.reminders.stop(manager, eventId, reason, found.id);
    }
    const recipient = [{ invitationId: found.id, personId: found.personId }];
    for (const eventId of difference(remindedAfter, remindedBefore)) {
      await this.reminders.schedule(manager, workshops.get(eventId) ?? event, recipient);
    }

    for (const workshop of freed) await this.seats.promote(manager, workshop);
    if (current === 'accepted' && status !== 'accepted') await this.seats.promote(manager, event);
    const changed = status !== current || plan.withdraw.length > 0 || plan.request.length > 0;
    if (changed) {
      await this.audit.record(
        manager,
        invitationRecord(
          answering.who ?? inviteeActor({ id: found.personId, name: found.personName }),
          'invitation.answered',
          event,
          found,
          {
            changes: changedFields({ status: current }, { status }),
            details: {
              ...(answering.who ? { onBehalf: true } : {}),
              answer: input.answer,
              workshopsRequested: [...plan.request].sort(),
              workshopsGivenUp: plan.withdraw.map((choice) => choice.eventId).sort(),
              ...(replaced.length > 0
                ? {
                    seatsReplaced: replaced.map((swap) => ({ given: swap.given.id, taken: swap.taken.id })),
                  }
                : {}),
            },
          },
        ),
      );
      await this.webhooks.answered(
        manager,
        {
          invitationId: found.id,
          event,
          person: { id: found.personId, name: found.personName, organisationId: found.personOrganisationId },
          previousStatus: current,
          status,
          respondedAt: new Date(),
        },
        () =>
          this.seatOutcomes(
            manager,
            found.id,
            plan.withdraw.map((choice) => choice.eventId),
          ),
      );
    }
    return changed;
  }

  /** The seats the person holds after an answer, and those the answer gave up. */
  private seatOutcomes(
    manager: EntityManager,
    invitationId: string,
    withdrawn: string[],
  ): Promise<SeatOutcome[]> {
    return manager.query(
      `SELECT event_id AS "eventId", status FROM workshop_choices
        WHERE invitation_id = $1 AND (status <> 'withdrawn' OR event_id = ANY($2::uuid[]))
        ORDER BY event_id`,
      [invitationId, withdrawn],
    );
  }

  private async byToken(manager: EntityManager, token: string): Promise<LinkedInvitation> {
    if (!isWellFormedToken(token)) throw InvitationError.unknownLink();
    const [invitation]: InvitationRow[] = await manager.query(
      `SELECT id, event_id AS "eventId", person_id AS "personId", status, responded_at AS "respondedAt",
              signed_up AS "signedUp"
           FROM invitations WHERE answer_token_digest = $1`,
      [tokenDigest(token)],
    );
    // Links of withdrawn invitations and of erased people lead nowhere.
    if (!invitation?.personId || invitation.status === 'cancelled') throw InvitationError.unknownLink();
    const person = await findPerson(manager, invitation.personId);
    if (!person) throw InvitationError.unknownLink();
    return linkedInvitation(invitation, person);
  }

  /** An invitation an organiser answers for: withdrawn ones and erased people's cannot be. */
  private async byId(
    manager: EntityManager,
    eventId: string,
    invitationId: string,
  ): Promise<LinkedInvitation> {
    const [invitation]: InvitationRow[] = await manager.query(
      `SELECT id, event_id AS "eventId", person_id AS "personId", status, responded_at AS "respondedAt",
              signed_up AS "signedUp"
           FROM invitations WHERE id = $1 AND event_id = $2`,
      [invitationId, eventId],
    );
    const person = invitation?.personId ? await findPerson(manager, invitation.personId) : null;
    if (!invitation || !person) throw InvitationError.notFound('invitation', invitationId);
    if (invitation.status === 'cancelled') throw InvitationError.withdrawn();
    return linkedInvitation(invitation, person);
  }

  private async choices(manager: EntityManager, invitationId: string): Promise<HeldChoice[]> {
    return manager.query(
      `SELECT event_id AS "eventId", status FROM workshop_choices WHERE invitation_id = $1`,
      [invitationId],
    );
  }
}
