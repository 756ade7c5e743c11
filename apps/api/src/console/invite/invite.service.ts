import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '@app/errors';
import {
  AnswerSummary,
  InvitationError,
  InvitationsService,
  InvitationStatus,
  InvitationView,
  InviteRequest,
  InviteResult,
  InvitePreview,
  mayInvite,
} from '@app/invitations';
import {
  Actor,
  Event,
  EventsService,
  EventTree,
  isAdmin,
  MAX_PAGE_SIZE,
  Organisation,
  OrganisationsService,
  Partnership,
  PartnershipsService,
  PeopleService,
  PersonView,
} from '@app/planning';
import { EventEndedError } from './invite-problems';

/** People a search shows at most, besides those already chosen. */
const SEARCH_RESULTS = 20;
/** Invitations the page names, of those already sent. */
const INVITED_SHOWN = 30;

/** What the organiser chose on the form, as posted. */
export interface InviteSelection {
  personIds: string[];
  organisationIds: string[];
  partnershipIds: string[];
  workshopIds: string[];
  q: string;
}

export const NO_SELECTION: InviteSelection = {
  personIds: [],
  organisationIds: [],
  partnershipIds: [],
  workshopIds: [],
  q: '',
};

export interface ChoosableWorkshop {
  event: Event;
  seatsLeft: number | null;
}

/** Everything the invite page of one event shows. */
export interface InviteScreen {
  event: Event;
  /** Neither over nor cancelled: people can still be invited. */
  open: boolean;
  mayInvite: boolean;
  summary: AnswerSummary;
  invited: InvitationView[];
  organisations: Organisation[];
  partnerships: Partnership[];
  workshops: ChoosableWorkshop[];
  /** The chosen people first, then those the search found. */
  people: PersonView[];
  /** The invitation status of those of `people` who hold an invitation. */
  invitedPeople: Map<string, InvitationStatus>;
}

/** What an event's page lists of one's events: as loaded, nothing to reuse. */
const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

/**
 * The Invitations screen: reads what the form offers from planning and invitations, and invites
 * or previews through InvitationsService, with the signed-in person's actor so that the API's
 * rules apply.
 */
@Injectable()
export class InviteService {
  constructor(
    private readonly events: EventsService,
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
    private readonly partnerships: PartnershipsService,
    private readonly invitations: InvitationsService,
  ) {}

  /** The organisation's events that have not ended, drafts included, cancelled ones left out. */
  async upcomingEvents(actor: Actor, now = new Date()): Promise<Event[]> {
    const page = await this.events.list(
      actor,
      { organisationId: actor.organisationId, topLevel: true, from: now, limit: MAX_PAGE_SIZE },
      AS_LOADED,
    );
    return page.items.filter((event) => event.status !== 'cancelled');
  }

  /** The invite page: refused (403/404) as the API refuses reading the event's invitations. */
  async screen(actor: Actor, eventId: string, selection: InviteSelection, now = new Date()): Promise<InviteScreen> {
    const [event, summary, invited, organisations, partnerships, people] = await Promise.all([
      this.events.get(actor, eventId),
      this.invitations.summary(actor, eventId),
      this.invitations.list(actor, eventId, { limit: INVITED_SHOWN }),
      this.organisations.list({ limit: MAX_PAGE_SIZE }),
      this.partnerships.list({
        organisationId: isAdmin(actor) ? undefined : actor.organisationId,
        limit: MAX_PAGE_SIZE,
      }),
      this.peopleShown(actor, selection),
    ]);
    const invitedPeople = await this.invitations.statusesOf(
      actor,
      eventId,
      people.map((person) => person.id),
    );
    const seats = new Map(summary.workshops.map((workshop) => [workshop.id, workshop.seatsLeft]));
    return {
      event,
      open: event.status !== 'cancelled' && event.endsAt > now,
      mayInvite: mayInvite(actor),
      summary,
      invited: invited.items,
      organisations: organisations.items,
      partnerships: partnerships.items,
      workshops: partsOf(event)
        .filter((part) => seats.has(part.id) && part.status !== 'cancelled')
        .map((part) => ({ event: part, seatsLeft: seats.get(part.id) ?? null })),
      people,
      invitedPeople,
    };
  }

  /** Refuses (403/404) those who may not invite to the event, as inviting would. */
  async assertMayInvite(actor: Actor, eventId: string): Promise<void> {
    await this.invitations.invitableEvent(actor, eventId);
  }

  /** Who the choice names and the emails it would send; stores and sends nothing. */
  async preview(
    actor: Actor,
    eventId: string,
    selection: InviteSelection,
    now = new Date(),
  ): Promise<InvitePreview> {
    await this.assertOpen(actor, eventId, now);
    return this.invitations.preview(actor, eventId, wellFormed(selection), now);
  }

  async send(actor: Actor, eventId: string, selection: InviteSelection, now = new Date()): Promise<InviteResult> {
    await this.assertOpen(actor, eventId, now);
    return this.invitations.invite(actor, eventId, wellFormed(selection));
  }

  /**
   * The console invites to events that have not ended. The API still accepts an ended event, for
   * clients that record who took part afterwards; a form offers only what makes sense now.
   */
  private async assertOpen(actor: Actor, eventId: string, now: Date): Promise<void> {
    const event = await this.invitations.invitableEvent(actor, eventId);
    if (event.endsAt <= now) throw new EventEndedError();
  }

  private async peopleShown(actor: Actor, selection: InviteSelection): Promise<PersonView[]> {
    // A chosen person the actor no longer sees is left out here; inviting them reports it.
    const chosen = await Promise.all(
      selection.personIds.filter((id) => isUUID(id)).map((id) => this.people.get(actor, id).catch(unlessNotFound)),
    );
    const found = await this.people.list(actor, { q: selection.q || undefined, limit: SEARCH_RESULTS });
    const shown = chosen.filter((person): person is PersonView => person !== null);
    const ids = new Set(shown.map((person) => person.id));
    return [...shown, ...found.items.filter((person) => !ids.has(person.id))];
  }
}

function unlessNotFound(error: unknown): null {
  if (error instanceof DomainError && error.kind === 'not_found') return null;
  throw error;
}

/** Every part at any depth, in the tree's order. */
function partsOf(event: EventTree): Event[] {
  return event.children.flatMap((child) => [child, ...partsOf(child)]);
}

/** The request, after refusing ids that are no ids at all as the lib refuses unknown ones. */
function wellFormed(selection: InviteSelection): InviteRequest {
  const fields = [
    ['personIds', 'person'],
    ['organisationIds', 'organisation'],
    ['partnershipIds', 'partnership'],
  ] as const;
  for (const [field, what] of fields) {
    const malformed = selection[field].filter((id) => !isUUID(id));
    if (malformed.length > 0) throw InvitationError.unknownIds(field, what, malformed);
  }
  const badWorkshops = selection.workshopIds.filter((id) => !isUUID(id));
  if (badWorkshops.length > 0) {
    throw InvitationError.invalid('workshopIds', `Not part of this event: ${badWorkshops.join(', ')}.`);
  }
  return {
    personIds: selection.personIds,
    organisationIds: selection.organisationIds,
    partnershipIds: selection.partnershipIds,
    workshopIds: selection.workshopIds,
  };
}
