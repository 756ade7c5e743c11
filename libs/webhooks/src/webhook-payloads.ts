import { Event, EventChange } from '@app/planning';
import { DeliveredEventType, WebhookEventType } from './webhook-event-types';

/**
 * What receivers get, as documented in docs/webhooks.md: ids and a small snapshot, never contact
 * data. People appear by id, name and organisation only — what PeopleVisibility shows any
 * organisation that shares an event with them — because an event's hosts receive these about
 * guests of other organisations too.
 */
export interface WebhookMessage<T extends DeliveredEventType = DeliveredEventType> {
  type: T;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: Record<string, unknown>;
}

export interface EventSnapshot {
  id: string;
  parentId: string | null;
  kind: string;
  title: string;
  status: string;
  visibility: string;
  startsAt: string;
  endsAt: string;
  startZone: string;
  endZone: string;
  allDay: boolean;
  capacity: number | null;
  sequence: number;
  hostOrganisationId: string;
  coHostOrganisationIds: string[];
}

export interface PersonSnapshot {
  id: string;
  name: string;
  organisationId: string | null;
}

export function eventSnapshot(event: Event): EventSnapshot {
  return {
    id: event.id,
    parentId: event.parentId,
    kind: event.kind,
    title: event.title,
    status: event.status,
    visibility: event.visibility,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    startZone: event.startZone,
    endZone: event.endZone,
    allDay: event.allDay,
    capacity: event.capacity,
    sequence: event.sequence,
    hostOrganisationId: event.hostOrganisationId,
    coHostOrganisationIds: (
      event.coHosts?.map((organisation) => organisation.id) ??
      event.coHostIds ??
      []
    ).sort(),
  };
}

const TIME_FIELDS = ['startsAt', 'endsAt', 'startZone', 'endZone', 'allDay'];

/** One type per change: a status change says more than new times, new times more than the rest. */
export function eventChangeType(
  change: Pick<EventChange, 'event' | 'before' | 'changedFields'>,
): WebhookEventType {
  const { event, before } = change;
  if (event.status === 'cancelled' && before.status !== 'cancelled') return 'event.cancelled';
  if (event.status !== 'cancelled' && before.status === 'cancelled') return 'event.uncancelled';
  if (change.changedFields.some((field) => TIME_FIELDS.includes(field))) return 'event.moved';
  return 'event.updated';
}

export function eventChangeData(change: EventChange): Record<string, unknown> {
  return {
    event: eventSnapshot(change.event),
    changedFields: change.changedFields,
    previous: {
      status: change.before.status,
      startsAt: change.before.startsAt.toISOString(),
      endsAt: change.before.endsAt.toISOString(),
    },
    /** Parts (workshops, sessions) that the change carried along: cancelled, brought back or moved with it. */
    parts: change.parts.map((part) => ({
      id: part.event.id,
      parentId: part.event.parentId,
      title: part.event.title,
      status: part.event.status,
      startsAt: part.event.startsAt.toISOString(),
      endsAt: part.event.endsAt.toISOString(),
      previous: {
        status: part.before.status,
        startsAt: part.before.startsAt.toISOString(),
        endsAt: part.before.endsAt.toISOString(),
      },
    })),
  };
}

/** Seats a person holds (or just gave up) in workshops of the event they answered for. */
export interface SeatOutcome {
  eventId: string;
  status: 'confirmed' | 'waitlisted' | 'withdrawn';
}

export interface AnswerFacts {
  invitationId: string;
  event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>;
  person: PersonSnapshot;
  previousStatus: string;
  status: string;
  respondedAt: Date;
  seats: SeatOutcome[];
}

export function answerData(facts: AnswerFacts): Record<string, unknown> {
  return {
    invitation: {
      id: facts.invitationId,
      status: facts.status,
      previousStatus: facts.previousStatus,
      respondedAt: facts.respondedAt.toISOString(),
    },
    event: smallEvent(facts.event),
    person: facts.person,
    seats: facts.seats,
  };
}

/** Statuses in which an answer holds a place (or a place on the waitlist) for the person. */
const REGISTERED = ['accepted', 'waitlisted'];

/** An answer registers someone when it takes them from no place to a place or waitlist place. */
export function registers(previousStatus: string, status: string): boolean {
  return REGISTERED.includes(status) && !REGISTERED.includes(previousStatus);
}

/** Where a registration came from: an answer to an invitation, or a confirmed open sign-up. */
export type RegistrationSource = 'invitation' | 'sign_up';

export function registrationData(
  facts: AnswerFacts,
  source: RegistrationSource = 'invitation',
): Record<string, unknown> {
  return {
    registration: {
      source,
      invitationId: facts.invitationId,
      status: facts.status,
      registeredAt: facts.respondedAt.toISOString(),
    },
    event: smallEvent(facts.event),
    person: facts.person,
    seats: facts.seats.filter((seat) => seat.status !== 'withdrawn'),
  };
}

/** An answer ends a registration when it takes the person from a place (or waitlist place) to none. */
export function unregisters(previousStatus: string, status: string): boolean {
  return REGISTERED.includes(previousStatus) && !REGISTERED.includes(status);
}

/** Why a registration ended: the person's own answer (declined, or maybe after yes), or the organiser withdrew the invitation. */
export type CancellationReason = 'answer' | 'withdrawn';

export function cancellationData(facts: AnswerFacts, reason: CancellationReason): Record<string, unknown> {
  return {
    registration: {
      source: 'invitation',
      invitationId: facts.invitationId,
      status: facts.status,
      previousStatus: facts.previousStatus,
      reason,
      cancelledAt: facts.respondedAt.toISOString(),
    },
    event: smallEvent(facts.event),
    person: facts.person,
    seats: facts.seats,
  };
}

/** A seat given to someone who waited: in the event they are invited to, or in a workshop of it. */
export interface PromotionFacts {
  invitationId: string;
  /** The invitation's status after the promotion (`accepted` when the seat is the event's own). */
  invitationStatus: string;
  /** The event or workshop whose seat it is. */
  event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>;
  person: PersonSnapshot;
  promotedAt: Date;
}

export function promotionData(facts: PromotionFacts): Record<string, unknown> {
  return {
    registration: {
      source: 'waitlist',
      invitationId: facts.invitationId,
      status: facts.invitationStatus,
      promotedAt: facts.promotedAt.toISOString(),
    },
    event: smallEvent(facts.event),
    person: facts.person,
    seat: { eventId: facts.event.id, status: 'confirmed', previousStatus: 'waitlisted' },
  };
}

export interface FailedEmailFacts {
  emailId: string;
  kind: string;
  attempts: number;
  event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>;
  invitationId: string | null;
  /** Null once the person was erased. */
  person: PersonSnapshot | null;
}

/**
 * The SMTP error is left out: replies quote the address. The organisation reads it through
 * GET /events/{id}/emails, where PeopleVisibility decides who sees it.
 */
export function failedEmailData(facts: FailedEmailFacts): Record<string, unknown> {
  return {
    email: { id: facts.emailId, kind: facts.kind, attempts: facts.attempts },
    event: smallEvent(facts.event),
    invitationId: facts.invitationId,
    person: facts.person,
  };
}

function smallEvent(event: Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>) {
  return {
    id: event.id,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
}

export function messageBody(message: WebhookMessage): string {
  return JSON.stringify(message);
}
