import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event, findEvent, personNames } from '@app/planning';
import {
  AnswerFacts,
  answerData,
  cancellationData,
  failedEmailData,
  promotionData,
  registers,
  registrationData,
  SeatOutcome,
  unregisters,
} from './webhook-payloads';
import { WebhookEventType } from './webhook-event-types';
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

/** An invitation withdrawn by the organiser, as the invitations lib knows it. */
export interface WithdrawnInvitation {
  invitationId: string;
  event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>;
  personId: string | null;
  previousStatus: string;
}

/** A seat the waitlist gave someone, as the invitations lib knows it. */
export interface WaitlistPromotion {
  invitationId: string;
  personId: string;
  invitationStatus: string;
}

type AnswerEventType = Extract<
  WebhookEventType,
  'invitation.answered' | 'registration.created' | 'registration.cancelled'
>;

/**
 * What libs that do not own events tell the hosts about, written in their transactions: answers
 * and registrations (invitations lib), emails that failed for good (emails lib). They call this
 * rather than build messages, so every payload is shaped in this lib.
 */
@Injectable()
export class ProducerWebhooks {
  constructor(private readonly outbox: WebhookOutbox) {}

  /**
   * `invitation.answered`; with it `registration.created` when the answer registered the person,
   * `registration.cancelled` when it ended their registration (declined, or maybe after yes).
   * Most organisations have no endpoint: then one read decides, and the seats are never loaded.
   */
  async answered(
    manager: EntityManager,
    facts: Omit<AnswerFacts, 'seats'>,
    loadSeats: () => Promise<SeatOutcome[]>,
  ): Promise<void> {
    const types: AnswerEventType[] = ['invitation.answered'];
    if (registers(facts.previousStatus, facts.status)) types.push('registration.created');
    if (unregisters(facts.previousStatus, facts.status)) types.push('registration.cancelled');
    const subscribed = await this.outbox.subscribedTypes(manager, facts.event.id, types);
    if (subscribed.size === 0) return;
    const complete: AnswerFacts = { ...facts, seats: await loadSeats() };
    const dataOf: Record<AnswerEventType, () => Record<string, unknown>> = {
      'invitation.answered': () => answerData(complete),
      'registration.created': () => registrationData(complete),
      'registration.cancelled': () => cancellationData(complete, 'answer'),
    };
    for (const type of types.filter((candidate) => subscribed.has(candidate))) {
      await this.outbox.publish(manager, {
        type,
        eventId: facts.event.id,
        data: dataOf[type](),
        occurredAt: facts.respondedAt,
      });
    }
  }

  /**
   * `registration.created` with `source: "sign_up"` for a confirmed open sign-up that gave the
   * person a place or a waitlist place (someone invited before keeps their invitation: nothing new).
   */
  async signedUp(manager: EntityManager, facts: Omit<AnswerFacts, 'seats'>): Promise<void> {
    if (!registers(facts.previousStatus, facts.status)) return;
    const subscribed = await this.outbox.subscribedTypes(manager, facts.event.id, ['registration.created']);
    if (subscribed.size === 0) return;
    await this.outbox.publish(manager, {
      type: 'registration.created',
      eventId: facts.event.id,
      data: registrationData({ ...facts, seats: [] }, 'sign_up'),
      occurredAt: facts.respondedAt,
    });
  }

  /** `registration.cancelled` for an invitation the organiser withdrew from someone registered. */
  async withdrawn(manager: EntityManager, invitation: WithdrawnInvitation): Promise<void> {
    if (!invitation.personId || !unregisters(invitation.previousStatus, 'cancelled')) return;
    const [person] = await personNames(manager, [invitation.personId]);
    if (!person) return;
    const withdrawnAt = new Date();
    await this.outbox.publish(manager, {
      type: 'registration.cancelled',
      eventId: invitation.event.id,
      data: cancellationData(
        {
          invitationId: invitation.invitationId,
          event: invitation.event,
          person,
          previousStatus: invitation.previousStatus,
          status: 'cancelled',
          respondedAt: withdrawnAt,
          seats: [],
        },
        'withdrawn',
      ),
      occurredAt: withdrawnAt,
    });
  }

  /** `registration.promoted`, one per person the waitlist gave a seat of `event` (an event or a workshop). */
  async promoted(
    manager: EntityManager,
    event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>,
    promotions: WaitlistPromotion[],
  ): Promise<void> {
    if (promotions.length === 0) return;
    const people = new Map(
      (
        await personNames(
          manager,
          promotions.map((promotion) => promotion.personId),
        )
      ).map((person) => [person.id, person]),
    );
    const promotedAt = new Date();
    for (const promotion of promotions) {
      const person = people.get(promotion.personId);
      if (!person) continue;
      await this.outbox.publish(manager, {
        type: 'registration.promoted',
        eventId: event.id,
        data: promotionData({ ...promotion, event, person, promotedAt }),
        occurredAt: promotedAt,
      });
    }
  }

  async emailsFailed(manager: EntityManager, emails: FailedEmail[]): Promise<void> {
    for (const email of emails) {
      const event = await findEvent(manager, email.eventId);
      if (!event) continue;
      const [person = null] = email.personId ? await personNames(manager, [email.personId]) : [];
      await this.outbox.publish(manager, {
        type: 'email.failed',
        eventId: email.eventId,
        data: failedEmailData({
          emailId: email.id,
          kind: email.kind,
          attempts: email.attempts,
          event: { id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt },
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
