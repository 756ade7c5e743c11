import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, changedFields } from '@app/audit';
import { EmailRequest, EmailsService } from '@app/emails';
import {
  Actor,
  ancestorIdsOf,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  Event,
  eventsByIds,
  EventsService,
  EventTimes,
  findEvent,
  Locale,
  LOCALES,
  MAX_PAGE_SIZE,
  Page,
  PageRequest,
  partIdsOf,
  peopleByIds,
  peopleNamedBy,
  PeopleVisibility,
  Person,
  PlanningError,
  PersonData,
  PersonView,
  roundMatesOf,
  TimeChanges,
  timesAfter,
  unknownOrganisationIds,
  unknownPartnershipIds,
  workshopsOf,
} from '@app/planning';
import { EmailContent } from '@app/mail';
import { ProducerWebhooks } from '@app/webhooks';
import { AnswerLinks } from './answer-links';
import { ChoiceView, choicesOf } from './choice-views';
import { invitationRecord } from './invitation-audit';
import { InvitationEmails } from './invitation-emails.service';
import { managedEvent } from './managed-event';
import { Invitation } from './invitation.entity';
import { ChoiceStatus, INVITATION_STATUSES, InvitationStatus, isAttending } from './invitation-status';
import { InvitationError } from './invitations.error';
import { informedRecipients, invitedTo } from './recipients';
import { RemindersService } from './reminders.service';
import { SeatsService } from './seats.service';
import { inTransaction, RetryTransaction } from './transactions';
import { oneSeatPerRound, roundMateIds } from './workshop-rounds';

export interface InviteRequest {
  personIds?: string[];
  organisationIds?: string[];
  partnershipIds?: string[];
  /** Workshops or sessions inside the event (parts with a capacity) to reserve seats in. */
  workshopIds?: string[];
}

export interface InviteResult {
  eventId: string;
  /** Distinct people the request named, directly or through organisations and partnerships. */
  recipients: number;
  invited: number;
  /** Invitations that had been withdrawn and are valid again, with a new link. */
  reinvited: number;
  alreadyInvited: number;
  workshops: Array<{ workshopId: string; confirmed: number; waitlisted: number; heldOtherInRound: number }>;
}

/** Whether the actor's role may invite (and withdraw); hosting the event is checked besides. */
export function mayInvite(actor: Actor): boolean {
  return actor.role !== 'viewer';
}

/** How many already-invited people a preview names. */
const PREVIEW_NAMES = 50;

export interface InvitePreview {
  eventId: string;
  /** Distinct people the request names, directly or through organisations and partnerships. */
  recipients: number;
  /** Those who would get an invitation email: not invited yet, or again after a withdrawal. */
  newlyInvited: number;
  alreadyInvited: number;
  /** The first of those already invited, by name. */
  alreadyInvitedNames: string[];
  /**
   * Per language of those who would get an email (in the order of LOCALES): how many, and the
   * email the first of them by name would get; null when it would not be sent.
   */
  languages: Array<{ locale: Locale; people: number; email: EmailContent | null }>;
}

/** Someone a change of a workshop's times would leave with seats in two workshops of one round. */
export interface SeatsJoined {
  personId: string;
  name: string;
  /** The moved workshop first, then those it now overlaps in which the person holds a seat. */
  workshops: Array<{ id: string; title: string }>;
}

export interface InvitationFilter extends PageRequest {
  status?: InvitationStatus;
  workshopId?: string;
}

export interface InvitationView {
  id: string;
  eventId: string;
  status: InvitationStatus;
  respondedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The invitee; people of other organisations than the reader's by name and organisation only. */
  person: PersonView;
  choices: ChoiceView[];
}

export interface SeatsView {
  capacity: number | null;
  taken: number;
  seatsLeft: number | null;
}

export interface WorkshopSummary extends SeatsView {
  id: string;
  title: string;
  kind: Event['kind'];
  status: Event['status'];
  startsAt: Date;
  endsAt: Date;
  startZone: string;
  confirmed: number;
  waitlisted: number;
  withdrawn: number;
}

export interface AnswerSummary extends SeatsView {
  eventId: string;
  title: string;
  status: Event['status'];
  total: number;
  counts: Record<InvitationStatus, number>;
  workshops: WorkshopSummary[];
}

/** A row of a statement that selects INVITATION_COLUMNS: the invitation, and its invitee's columns prefixed. */
type InvitationRow = Pick<
  InvitationView,
  'id' | 'eventId' | 'status' | 'respondedAt' | 'createdAt' | 'updatedAt'
> & {
  [Column in keyof PersonData as `person_${Column}`]: PersonData[Column];
};

/** The organiser's side of invitations: invite, see the answers, withdraw an invitation. */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly emails: EmailsService,
    private readonly seats: SeatsService,
    private readonly reminders: RemindersService,
    private readonly links: AnswerLinks,
    private readonly visibility: PeopleVisibility,
    private readonly audit: AuditTrail,
    private readonly webhooks: ProducerWebhooks,
    private readonly invitationEmails: InvitationEmails,
  ) {}

  /**
   * Invites people, whole organisations and partnerships in one transaction with their
   * invitation emails: bulk statements, so ten thousand people take one request. Inviting
   * someone again changes nothing and sends nothing, except seats in newly named workshops.
   */
  async invite(actor: Actor, eventId: string, request: InviteRequest): Promise<InviteResult> {
    const { personIds, organisationIds, partnershipIds, workshopIds } = await this.checkedRequest(
      actor,
      eventId,
      request,
    );
    const result = await inTransaction(this.dataSource, async (manager) => {
      const mates = await roundMateIds(manager, eventId, workshopIds);
      // The whole round is locked, so that nobody is given two seats of it by requests at once.
      const workshops = await this.seats.lock(manager, [...workshopIds, ...[...mates.values()].flat()]);
      const event = await findEvent(manager, eventId, 'pessimistic_read');
      if (!event) throw InvitationError.notFound('event', eventId);
      if (event.status === 'cancelled') {
        throw new InvitationError(
          'conflict',
          'event_cancelled',
          'The event is cancelled; nobody can be invited to it.',
        );
      }
      const recipients = await peopleNamedBy(manager, { personIds, organisationIds, partnershipIds });
      const { invited, reinvited } = await this.createInvitations(manager, actor, event, recipients);
      const seats = [];
      for (const workshopId of workshopIds) {
        const workshop = workshops.get(workshopId)!;
        seats.push(
          await this.reserveSeats(manager, event.id, workshop, mates.get(workshopId) ?? [], recipients),
        );
      }
      return {
        eventId,
        recipients: recipients.length,
        invited,
        reinvited,
        alreadyInvited: recipients.length - invited - reinvited,
        workshops: seats,
      };
    });
    this.emails.dispatchSoon();
    this.logger.log(`Invited ${result.invited} (+${result.reinvited} again) people to event ${eventId}`);
    return result;
  }

  /**
   * What inviting would do, without doing it: who the request names, who of them is invited
   * already, and per language the invitation email the others would get, as the mail job would
   * write it. Refuses what `invite` refuses; stores and sends nothing.
   */
  async preview(
    actor: Actor,
    eventId: string,
    request: InviteRequest,
    now = new Date(),
  ): Promise<InvitePreview> {
    const named = await this.checkedRequest(actor, eventId, request);
    const manager = this.dataSource.manager;
    const event = await findEvent(manager, eventId);
    if (!event) throw InvitationError.notFound('event', eventId);
    if (event.status === 'cancelled') throw InvitationError.eventCancelled();
    const recipients = await peopleNamedBy(manager, named);
    const known = await invitationStatuses(manager, eventId, recipients);
    const people = [...(await peopleByIds(manager, recipients)).values()].sort(byName);
    // A withdrawn invitation is given again, with an email, as `invite` does.
    const invitedAlready = (person: Person) => (known.get(person.id) ?? 'cancelled') !== 'cancelled';
    const invited = people.filter(invitedAlready);
    const emailed = people.filter((person) => !invitedAlready(person));
    const languages = LOCALES.flatMap((locale) => {
      const speakers = emailed.filter((person) => person.locale === locale);
      return speakers.length > 0 ? [{ locale, people: speakers.length, sample: speakers[0] }] : [];
    });
    const emails = await this.invitationEmails.preview(
      eventId,
      languages.map((language) => language.sample),
      now,
    );
    return {
      eventId,
      recipients: recipients.length,
      newlyInvited: emailed.length,
      alreadyInvited: invited.length,
      alreadyInvitedNames: invited.slice(0, PREVIEW_NAMES).map((person) => person.name),
      languages: languages.map((language, index) => ({
        locale: language.locale,
        people: language.people,
        email: emails[index].content ?? null,
      })),
    };
  }

  /**
   * The invitees who would hold seats in two workshops of one round if this part had the times
   * these changes give it (`oneSeatPerRound`): what the console and the API warn of before an
   * organiser makes the change. Once it is made they keep both seats and are asked to choose, so
   * the list says who. Changes that leave the times alone, of events that are no workshop, or whose
   * times do not parse, join nobody (saving says why), without checking who asks.
   */
  async seatsJoinedByChange(actor: Actor, partId: string, changes: TimeChanges): Promise<SeatsJoined[]> {
    const manager = this.dataSource.manager;
    // Most changes move no workshop: those are left to the change itself, which answers unknown
    // ids and refusals as it always did.
    const part = await findEvent(manager, partId);
    if (!part?.parentId || part.capacity === null) return [];
    let span: EventTimes | null;
    try {
      span = timesAfter(part, changes);
    } catch (error) {
      if (error instanceof PlanningError) return [];
      throw error;
    }
    if (!span) return [];
    await this.managedEvent(actor, partId, 'change events it neither hosts nor co-hosts', true);
    const workshopId = part.id;
    const joined: SeatsJoined[] = [];
    for (const eventId of await ancestorIdsOf(manager, workshopId)) {
      const workshops = await workshopsOf(manager, eventId);
      const workshop = workshops.find((each) => each.id === workshopId);
      if (!workshop) continue;
      const before = new Set((roundMatesOf(workshops).get(workshopId) ?? []).map((mate) => mate.id));
      const moved = workshops.map((each) =>
        each.id === workshopId ? { ...each, startsAt: span.startsAt, endsAt: span.endsAt } : each,
      );
      const mates = (roundMatesOf(moved).get(workshopId) ?? []).filter((mate) => !before.has(mate.id));
      if (mates.length === 0) continue;
      const rows: Array<{ personId: string; name: string; otherIds: string[] }> = await manager.query(
        `SELECT i.person_id AS "personId", p.name, array_agg(other.event_id ORDER BY other.event_id) AS "otherIds"
           FROM invitations i
           JOIN person_directory p ON p.id = i.person_id
           JOIN workshop_choices seat ON seat.invitation_id = i.id AND seat.event_id = $2 AND seat.status <> 'withdrawn'
           JOIN workshop_choices other ON other.invitation_id = i.id AND other.event_id = ANY($3::uuid[])
                                      AND other.status <> 'withdrawn'
          WHERE i.event_id = $1 AND i.status <> 'cancelled'
          GROUP BY i.id, i.person_id, p.name ORDER BY p.name, i.id`,
        [eventId, workshopId, mates.map((mate) => mate.id)],
      );
      const titleOf = new Map(mates.map((mate) => [mate.id, mate.title]));
      for (const row of rows) {
        joined.push({
          personId: row.personId,
          name: row.name,
          workshops: [workshop.id, ...row.otherIds].map((id) => ({
            id,
            title: id === workshop.id ? workshop.title : titleOf.get(id)!,
          })),
        });
      }
    }
    return joined;
  }

  /** The event, if the actor may invite people to it: what `invite` checks before the request. */
  async invitableEvent(actor: Actor, eventId: string): Promise<Event> {
    return this.managedEvent(actor, eventId, 'invite people to events it neither hosts nor co-hosts', true);
  }

  /** The status of each of these people's invitation to the event, for those who have one. */
  async statusesOf(
    actor: Actor,
    eventId: string,
    personIds: string[],
  ): Promise<Map<string, InvitationStatus>> {
    await this.eventWithInvitationsSeenBy(actor, eventId);
    return invitationStatuses(this.dataSource.manager, eventId, personIds);
  }

  async list(actor: Actor, eventId: string, filter: InvitationFilter): Promise<Page<InvitationView>> {
    await this.eventWithInvitationsSeenBy(actor, eventId);
    const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const parameters: unknown[] = [eventId, filter.status ?? null, filter.workshopId ?? null, limit + 1];
    let after = '';
    if (filter.cursor) {
      const [name, id] = decodeCursor(filter.cursor);
      parameters.push(String(name), id);
      after = 'AND (p.name, i.id) > ($5, $6::uuid)';
    }
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT ${INVITATION_COLUMNS}
         FROM invitations i JOIN person_directory p ON p.id = i.person_id
        WHERE i.event_id = $1
          AND ($2::varchar IS NULL OR i.status = $2)
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM workshop_choices c
                WHERE c.invitation_id = i.id AND c.event_id = $3 AND c.status <> 'withdrawn'))
          ${after}
        ORDER BY p.name, i.id
        LIMIT $4`,
      parameters,
    );
    const items = await this.withChoices(actor, rows.slice(0, limit));
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last.person.name, last.id) : null };
  }

  async get(actor: Actor, eventId: string, invitationId: string): Promise<InvitationView> {
    await this.eventWithInvitationsSeenBy(actor, eventId);
    return this.view(actor, this.dataSource.manager, eventId, invitationId);
  }

  /** Answers per status, and seats per workshop. */
  async summary(actor: Actor, eventId: string): Promise<AnswerSummary> {
    const event = await this.eventWithInvitationsSeenBy(actor, eventId);
    const manager = this.dataSource.manager;
    const statusRows: Array<{ status: InvitationStatus; count: number }> = await manager.query(
      `SELECT status, count(*)::int AS count FROM invitations WHERE event_id = $1 GROUP BY status`,
      [eventId],
    );
    const counts = Object.fromEntries(INVITATION_STATUSES.map((status) => [status, 0])) as Record<
      InvitationStatus,
      number
    >;
    for (const row of statusRows) counts[row.status] = row.count;
    const workshops = await eventsByIds(manager, await partIdsOf(manager, eventId));
    const choosable = workshops.filter((workshop) => workshop.capacity !== null);
    const taken = await this.seats.taken(manager, [eventId, ...choosable.map((workshop) => workshop.id)]);
    const choiceRows: Array<{ eventId: string; status: ChoiceStatus; count: number }> = await manager.query(
      `SELECT event_id AS "eventId", status, count(*)::int AS count FROM workshop_choices
        WHERE event_id = ANY($1::uuid[]) GROUP BY event_id, status`,
      [choosable.map((workshop) => workshop.id)],
    );
    const choiceCount = (workshopId: string, status: ChoiceStatus) =>
      choiceRows.find((row) => row.eventId === workshopId && row.status === status)?.count ?? 0;
    return {
      eventId,
      title: event.title,
      status: event.status,
      ...seatsView(event.capacity, taken.get(eventId) ?? 0),
      total: statusRows.reduce((sum, row) => sum + row.count, 0),
      counts,
      workshops: choosable.map((workshop) => ({
        id: workshop.id,
        title: workshop.title,
        kind: workshop.kind,
        status: workshop.status,
        startsAt: workshop.startsAt,
        endsAt: workshop.endsAt,
        startZone: workshop.startZone,
        ...seatsView(workshop.capacity, taken.get(workshop.id) ?? 0),
        confirmed: choiceCount(workshop.id, 'confirmed'),
        waitlisted: choiceCount(workshop.id, 'waitlisted'),
        withdrawn: choiceCount(workshop.id, 'withdrawn'),
      })),
    };
  }

  /**
   * How many people would get an update or cancellation email if the event changed as a whole
   * (moved or cancelled with its parts): those informed of the event itself, and those invited to
   * one of its parts alone. Each person counts once, as they get one email for the whole change.
   */
  async informedCount(actor: Actor, eventId: string): Promise<number> {
    const event = await this.eventWithInvitationsSeenBy(actor, eventId);
    const manager = this.dataSource.manager;
    const people = new Set((await informedRecipients(manager, event)).map((recipient) => recipient.personId));
    for (const partId of await partIdsOf(manager, eventId)) {
      for (const recipient of await invitedTo(manager, partId)) people.add(recipient.personId);
    }
    return people.size;
  }

  /**
   * Withdraws an invitation: its link stops working, its seats go to those waiting, its
   * reminders are not sent, and the person gets a cancellation for their calendar.
   */
  async withdraw(actor: Actor, eventId: string, invitationId: string): Promise<InvitationView> {
    await this.managedEvent(
      actor,
      eventId,
      'withdraw invitations to events it neither hosts nor co-hosts',
      true,
    );
    const view = await inTransaction(this.dataSource, async (manager) => {
      const held = await this.heldWorkshopIds(manager, invitationId);
      const workshops = await this.seats.lock(manager, held);
      const [event] = [...(await this.seats.lock(manager, [eventId])).values()];
      const invitation = await manager.findOne(Invitation, {
        where: { id: invitationId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event || !invitation) throw InvitationError.notFound('invitation', invitationId);
      const stillHeld = await this.heldWorkshopIds(manager, invitationId);
      if (stillHeld.some((id) => !workshops.has(id))) throw new RetryTransaction();
      if (invitation.status !== 'cancelled') {
        await this.withdrawIn(manager, event, invitation, workshops);
        const changes = changedFields({ status: invitation.status }, { status: 'cancelled' });
        await this.audit.record(
          manager,
          invitationRecord(actor.who, 'invitation.withdrawn', event, invitation, { changes }),
        );
        const withdrawn = { invitationId: invitation.id, event, previousStatus: invitation.status };
        await this.webhooks.withdrawn(manager, { ...withdrawn, personId: invitation.personId });
      }
      return this.view(actor, manager, eventId, invitationId);
    });
    this.emails.dispatchSoon();
    this.webhooks.dispatchSoon();
    return view;
  }

  /**
   * Sends the invitation email again, with the invitation's link as it is (a phone call: "I cannot
   * find your email"). Nothing is sent to someone withdrawn or who declined, nor for a cancelled event.
   */
  async resend(actor: Actor, eventId: string, invitationId: string): Promise<void> {
    await this.managedEvent(
      actor,
      eventId,
      'resend invitations to events it neither hosts nor co-hosts',
      true,
    );
    await this.dataSource.transaction(async (manager) => {
      const [event] = [...(await this.seats.lock(manager, [eventId])).values()];
      const invitation = await manager.findOne(Invitation, {
        where: { id: invitationId, eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event || !invitation?.personId) throw InvitationError.notFound('invitation', invitationId);
      if (event.status === 'cancelled') throw InvitationError.eventCancelled();
      if (invitation.status === 'cancelled') throw InvitationError.withdrawn();
      if (invitation.status === 'declined') {
        throw new InvitationError(
          'conflict',
          'invitation_declined',
          'The person declined, so the invitation email would not go out; answer for them to change that.',
        );
      }
      await this.emails.queue(manager, [
        {
          kind: 'invitation',
          eventId,
          personId: invitation.personId,
          invitationId,
          dedupeKey: `invitation:${invitationId}:resent:${randomBytes(4).toString('hex')}`,
          eventSequence: event.sequence,
        },
      ]);
      await this.audit.record(manager, invitationRecord(actor.who, 'invitation.resent', event, invitation));
    });
    this.emails.dispatchSoon();
  }

  /**
   * The answer link of an invitation, for mails sent later (reminders, updates); null when the
   * invitation is gone or its link was revoked.
   */
  async answerUrl(invitationId: string): Promise<string | null> {
    const rows: Array<{ sealed: Buffer | null }> = await this.dataSource.query(
      `SELECT answer_token_sealed AS sealed FROM invitations WHERE id = $1`,
      [invitationId],
    );
    const sealed = rows[0]?.sealed;
    return sealed ? this.links.urlFromSealed(sealed) : null;
  }

  private async withdrawIn(
    manager: EntityManager,
    event: Event,
    invitation: Invitation,
    workshops: Map<string, Event>,
  ): Promise<void> {
    const previous = invitation.status;
    await manager.query(
      `UPDATE invitations SET status = 'cancelled', answer_token_digest = NULL, answer_token_sealed = NULL,
              updated_at = now() WHERE id = $1`,
      [invitation.id],
    );
    const [freed]: [Array<{ eventId: string }>, number] = await manager.query(
      `UPDATE workshop_choices SET status = 'withdrawn', updated_at = now()
        WHERE invitation_id = $1 AND status <> 'withdrawn'
        RETURNING event_id AS "eventId"`,
      [invitation.id],
    );
    await this.reminders.stop(manager, event.id, 'invitation withdrawn', invitation.id);
    for (const workshop of workshops.values()) {
      await this.reminders.stop(manager, workshop.id, 'invitation withdrawn', invitation.id);
    }
    // An erased person's invitation has nobody left to tell.
    if (previous !== 'declined' && invitation.personId !== null) {
      await this.emails.queue(manager, [
        {
          kind: 'cancellation',
          eventId: event.id,
          personId: invitation.personId,
          invitationId: invitation.id,
          dedupeKey: `cancellation:${invitation.id}:withdrawn:${randomBytes(4).toString('hex')}`,
          eventSequence: event.sequence,
        },
      ]);
    }
    for (const { eventId } of freed) {
      const workshop = workshops.get(eventId);
      if (workshop) await this.seats.promote(manager, workshop);
    }
    if (previous === 'accepted') await this.seats.promote(manager, event);
  }

  /**
   * The ids of a request, each once, after the checks that inviting and its preview share: someone
   * is named, the actor manages the event, every id is known (people: seen by the actor), and the
   * workshops lie inside the event.
   */
  private async checkedRequest(
    actor: Actor,
    eventId: string,
    request: InviteRequest,
  ): Promise<Required<InviteRequest>> {
    const personIds = unique(request.personIds ?? []);
    const organisationIds = unique(request.organisationIds ?? []);
    const partnershipIds = unique(request.partnershipIds ?? []);
    const workshopIds = unique(request.workshopIds ?? []);
    if (personIds.length + organisationIds.length + partnershipIds.length === 0) {
      throw InvitationError.invalid(
        'personIds',
        'Name at least one person, organisation or partnership to invite.',
      );
    }
    await this.invitableEvent(actor, eventId);
    const reader = this.dataSource.manager;
    const unseen = await this.visibility.unseen(actor, personIds);
    if (unseen.length > 0) throw InvitationError.unknownIds('personIds', 'person', unseen);
    const unknownOrganisations = await unknownOrganisationIds(reader, organisationIds);
    if (unknownOrganisations.length > 0) {
      throw InvitationError.unknownIds('organisationIds', 'organisation', unknownOrganisations);
    }
    const unknownPartnerships = await unknownPartnershipIds(reader, partnershipIds);
    if (unknownPartnerships.length > 0) {
      throw InvitationError.unknownIds('partnershipIds', 'partnership', unknownPartnerships);
    }
    await this.assertWorkshopsInside(reader, eventId, workshopIds);
    return { personIds, organisationIds, partnershipIds, workshopIds };
  }

  /** The event, when the actor may see its invitations: its hosts' and co-hosts' keys, viewers too. */
  private eventWithInvitationsSeenBy(actor: Actor, eventId: string): Promise<Event> {
    const what = 'see the invitations of events it neither hosts nor co-hosts';
    return this.managedEvent(actor, eventId, what, false);
  }

  private managedEvent(actor: Actor, eventId: string, what: string, write: boolean): Promise<Event> {
    return managedEvent(this.dataSource.manager, this.events, actor, eventId, { what, write });
  }

  private async assertWorkshopsInside(
    manager: EntityManager,
    eventId: string,
    workshopIds: string[],
  ): Promise<void> {
    if (workshopIds.length === 0) return;
    const parts = new Set(await partIdsOf(manager, eventId));
    const outside = workshopIds.filter((id) => !parts.has(id));
    if (outside.length > 0) {
      throw InvitationError.invalid('workshopIds', `Not part of this event: ${outside.join(', ')}.`);
    }
    const workshops = await eventsByIds(manager, workshopIds);
    const unlimited = workshops.filter((workshop) => workshop.capacity === null);
    if (unlimited.length > 0) {
      throw InvitationError.invalid(
        'workshopIds',
        `These parts have no capacity and belong to everyone's programme already: ${unlimited.map((w) => w.id).join(', ')}.`,
      );
    }
    const cancelled = workshops.filter((workshop) => workshop.status === 'cancelled');
    if (cancelled.length > 0) {
      throw InvitationError.invalid('workshopIds', `Cancelled: ${cancelled.map((w) => w.id).join(', ')}.`);
    }
    oneSeatPerRound(await workshopsOf(manager, eventId), [], workshopIds, false);
  }

  private async createInvitations(
    manager: EntityManager,
    actor: Actor,
    event: Event,
    personIds: string[],
  ): Promise<{ invited: number; reinvited: number }> {
    const known = await invitationStatuses(manager, event.id, personIds);
    // Links only for those who get an invitation now: sealing costs a little per person.
    const fresh = personIds.filter((personId) => !known.has(personId));
    const withdrawn = personIds.filter((personId) => known.get(personId) === 'cancelled');
    const inserted = fresh.length
      ? await this.withNewLinks<Array<{ id: string; personId: string }>>(
          manager,
          fresh,
          `INSERT INTO invitations (event_id, person_id, status, answer_token_digest, answer_token_sealed)
           SELECT $1, person_id, 'invited', decode(digest, 'hex'), decode(sealed, 'hex')
             FROM unnest($2::uuid[], $3::text[], $4::text[]) AS link(person_id, digest, sealed)
           ON CONFLICT (event_id, person_id) DO NOTHING
           RETURNING id, person_id AS "personId"`,
          event.id,
        )
      : [];
    // A withdrawn invitation comes back with a new link; the old one stays dead.
    const reactivated = withdrawn.length
      ? (
          await this.withNewLinks<[Array<{ id: string; personId: string }>, number]>(
            manager,
            withdrawn,
            `UPDATE invitations i
                SET status = 'invited', responded_at = NULL, updated_at = now(),
                    answer_token_digest = decode(link.digest, 'hex'), answer_token_sealed = decode(link.sealed, 'hex')
               FROM unnest($2::uuid[], $3::text[], $4::text[]) AS link(person_id, digest, sealed)
              WHERE i.event_id = $1 AND i.person_id = link.person_id AND i.status = 'cancelled'
              RETURNING i.id, i.person_id AS "personId"`,
            event.id,
          )
        )[0]
      : [];
    const again = randomBytes(4).toString('hex');
    const email = (invitation: { id: string; personId: string }, dedupeKey: string): EmailRequest => ({
      kind: 'invitation',
      eventId: event.id,
      personId: invitation.personId,
      invitationId: invitation.id,
      dedupeKey,
      eventSequence: event.sequence,
    });
    await this.emails.queue(manager, [
      ...inserted.map((invitation) => email(invitation, `invitation:${invitation.id}`)),
      ...reactivated.map((invitation) => email(invitation, `invitation:${invitation.id}:${again}`)),
    ]);
    await this.audit.record(
      manager,
      ...inserted.map((invitation) => invitationRecord(actor.who, 'invitation.created', event, invitation)),
      ...reactivated.map((invitation) =>
        invitationRecord(actor.who, 'invitation.reinvited', event, invitation),
      ),
    );
    return { invited: inserted.length, reinvited: reactivated.length };
  }

  /** Runs a statement with $1 = eventId, $2 = people, $3/$4 = a new link's digest and sealed token for each. */
  private async withNewLinks<T>(
    manager: EntityManager,
    personIds: string[],
    sql: string,
    eventId: string,
  ): Promise<T> {
    const links = this.links.issueMany(personIds.length);
    return manager.query(sql, [
      eventId,
      personIds,
      links.map((link) => link.digest.toString('hex')),
      links.map((link) => link.sealed.toString('hex')),
    ]);
  }

  /**
   * Seats for the invited people in a locked workshop, in invitation order: confirmed while
   * seats are free, waitlisted after. People who declined, or hold or wait already, are left out.
   */
  /**
   * Seats in a workshop for the invitees of the event. Who holds a seat (or waits) in another
   * workshop of its round keeps that one and gets none here (`oneSeatPerRound`); they are counted.
   */
  private async reserveSeats(
    manager: EntityManager,
    eventId: string,
    workshop: Event,
    roundMateIds: string[],
    personIds: string[],
  ): Promise<InviteResult['workshops'][number]> {
    const free = (await this.seats.free(manager, workshop)) ?? Number.MAX_SAFE_INTEGER;
    const [{ heldOtherInRound }]: Array<{ heldOtherInRound: number }> = await manager.query(
      `SELECT count(*)::int AS "heldOtherInRound" FROM invitations i
        WHERE i.event_id = $1 AND i.person_id = ANY($3::uuid[]) AND i.status NOT IN ('declined', 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM workshop_choices c
                           WHERE c.invitation_id = i.id AND c.event_id = $2 AND c.status <> 'withdrawn')
          AND EXISTS (SELECT 1 FROM workshop_choices o
                       WHERE o.invitation_id = i.id AND o.event_id = ANY($4::uuid[]) AND o.status <> 'withdrawn')`,
      [eventId, workshop.id, personIds, roundMateIds],
    );
    const rows: Array<{
      invitationId: string;
      personId: string;
      status: ChoiceStatus;
      invitationStatus: InvitationStatus;
    }> = await manager.query(
      `WITH candidates AS (
           SELECT i.id, i.person_id, i.status, row_number() OVER (ORDER BY i.created_at, i.id) AS position
             FROM invitations i
            WHERE i.event_id = $1 AND i.person_id = ANY($3::uuid[]) AND i.status NOT IN ('declined', 'cancelled')
              AND NOT EXISTS (SELECT 1 FROM workshop_choices c
                               WHERE c.invitation_id = i.id AND c.event_id = $2 AND c.status <> 'withdrawn')
              AND NOT EXISTS (SELECT 1 FROM workshop_choices o
                               WHERE o.invitation_id = i.id AND o.event_id = ANY($5::uuid[]) AND o.status <> 'withdrawn')
         ), seated AS (
           INSERT INTO workshop_choices (invitation_id, event_id, status)
           SELECT id, $2, CASE WHEN position <= $4 THEN 'confirmed' ELSE 'waitlisted' END FROM candidates
           ON CONFLICT (invitation_id, event_id)
             DO UPDATE SET status = EXCLUDED.status, created_at = now(), updated_at = now()
           RETURNING invitation_id, status
         )
         SELECT s.invitation_id AS "invitationId", c.person_id AS "personId", s.status,
                c.status AS "invitationStatus"
           FROM seated s JOIN candidates c ON c.id = s.invitation_id`,
      [eventId, workshop.id, personIds, free, roundMateIds],
    );
    const attending = rows.filter((row) => row.status === 'confirmed' && isAttending(row.invitationStatus));
    await this.reminders.schedule(manager, workshop, attending);
    return {
      workshopId: workshop.id,
      confirmed: rows.filter((row) => row.status === 'confirmed').length,
      waitlisted: rows.filter((row) => row.status === 'waitlisted').length,
      heldOtherInRound,
    };
  }

  private async heldWorkshopIds(manager: EntityManager, invitationId: string): Promise<string[]> {
    const rows: Array<{ eventId: string }> = await manager.query(
      `SELECT event_id AS "eventId" FROM workshop_choices WHERE invitation_id = $1 AND status <> 'withdrawn'`,
      [invitationId],
    );
    return rows.map((row) => row.eventId);
  }

  private async view(
    actor: Actor,
    manager: EntityManager,
    eventId: string,
    invitationId: string,
  ): Promise<InvitationView> {
    const rows: InvitationRow[] = await manager.query(
      `SELECT ${INVITATION_COLUMNS} FROM invitations i JOIN person_directory p ON p.id = i.person_id
        WHERE i.id = $1 AND i.event_id = $2`,
      [invitationId, eventId],
    );
    if (rows.length === 0) throw InvitationError.notFound('invitation', invitationId);
    const [view] = await this.withChoices(actor, rows, manager);
    return view;
  }

  private async withChoices(
    actor: Actor,
    rows: InvitationRow[],
    manager = this.dataSource.manager,
  ): Promise<InvitationView[]> {
    const choices = await choicesOf(
      manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      status: row.status,
      respondedAt: row.respondedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      person: this.visibility.present(actor, inviteeOf(row)),
      choices: choices.get(row.id) ?? [],
    }));
  }
}

const INVITATION_COLUMNS = `i.id, i.event_id AS "eventId", i.status, i.responded_at AS "respondedAt",
  i.created_at AS "createdAt", i.updated_at AS "updatedAt", p.id AS "person_id", p.name AS "person_name",
  p.organisation_id AS "person_organisationId", p.email AS "person_email", p.department AS "person_department",
  p.locale AS "person_locale", p.time_zone AS "person_timeZone", p.created_at AS "person_createdAt",
  p.updated_at AS "person_updatedAt"`;

function inviteeOf(row: InvitationRow): PersonData {
  return {
    id: row.person_id,
    name: row.person_name,
    organisationId: row.person_organisationId,
    email: row.person_email,
    department: row.person_department,
    locale: row.person_locale,
    timeZone: row.person_timeZone,
    createdAt: row.person_createdAt,
    updatedAt: row.person_updatedAt,
  };
}

/** The status of each of these people's invitation to the event, for those who have one. */
async function invitationStatuses(
  manager: EntityManager,
  eventId: string,
  personIds: string[],
): Promise<Map<string, InvitationStatus>> {
  const existing: Array<{ personId: string; status: InvitationStatus }> = await manager.query(
    `SELECT person_id AS "personId", status FROM invitations WHERE event_id = $1 AND person_id = ANY($2::uuid[])`,
    [eventId, personIds],
  );
  return new Map(existing.map((invitation) => [invitation.personId, invitation.status]));
}

function byName(a: Person, b: Person): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function seatsView(capacity: number | null, taken: number): SeatsView {
  return { capacity, taken, seatsLeft: capacity === null ? null : Math.max(0, capacity - taken) };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
