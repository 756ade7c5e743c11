import { Injectable } from '@nestjs/common';
import { InvitationsService, SignUpSettings, SignUpsService } from '@app/invitations';
import {
  Actor,
  Event,
  EventsService,
  EventTree,
  Locale,
  OrganisationsService,
  PartnershipsService,
} from '@app/planning';

/** Top-level events a programme list shows at most per list it reads (own events, each partnership's). */
const EVENTS_PER_LIST = 100;

const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

export interface Programme {
  organisationName: string;
  /** Hosted or co-hosted by the organisation: editable by its organisers. */
  own: EventTree[];
  /** Of the organisation's partnerships, hosted by others: read only. */
  partners: EventTree[];
}

export interface NewEventDefaults {
  zone: string;
  language: Locale;
}

export interface EventEditor {
  event: EventTree;
  /** The event this one is part of, if it is a part. */
  parent: Event | null;
  /** Whether the actor's organisation hosts or co-hosts it (and so may change it, but as a viewer). */
  hosted: boolean;
  /** Where the actor's organisation is, for the zones the editor offers first. */
  organisationZone: string;
}

/** The programme screen's reads: events with their parts, and who hears of a change. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
    private readonly partnerships: PartnershipsService,
    private readonly invitations: InvitationsService,
    private readonly signUps: SignUpsService,
  ) {}

  async programme(actor: Actor): Promise<Programme> {
    const [organisation, partnerships] = await Promise.all([
      this.organisations.get(actor.organisationId),
      this.partnerships.list({ organisationId: actor.organisationId, limit: EVENTS_PER_LIST }),
    ]);
    const base = { topLevel: true, limit: EVENTS_PER_LIST };
    const [own, ...partnerPages] = await Promise.all([
      this.events.list(actor, { ...base, organisationId: actor.organisationId }, AS_LOADED),
      ...partnerships.items.map((partnership) =>
        this.events.list(actor, { ...base, partnershipId: partnership.id }, AS_LOADED),
      ),
    ]);
    const ownIds = new Set(own.items.map((event) => event.id));
    const partners = new Map(
      partnerPages
        .flatMap((page) => page.items)
        .filter((event) => !ownIds.has(event.id))
        .map((event) => [event.id, event]),
    );
    const trees = (events: Event[]) => Promise.all(events.map((event) => this.events.get(actor, event.id)));
    return {
      organisationName: organisation.name,
      own: await trees(own.items),
      partners: (await trees([...partners.values()])).sort(
        (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
      ),
    };
  }

  async editor(actor: Actor, id: string): Promise<EventEditor> {
    const event = await this.events.get(actor, id);
    const [parent, hosted, organisation] = await Promise.all([
      event.parentId ? this.events.get(actor, event.parentId) : null,
      this.events.isHostedBy(actor, id),
      this.organisations.get(actor.organisationId),
    ]);
    return { event, parent, hosted, organisationZone: organisation.timeZone };
  }

  /** Open sign-up of an event the actor's organisation hosts; null for others' events and parts. */
  async signUp(actor: Actor, editor: EventEditor): Promise<SignUpSettings | null> {
    if (!editor.hosted || editor.event.parentId) return null;
    return this.signUps.settings(actor, editor.event.id);
  }

  /** The zone new events of the organisation start in and the language they are written in, unless the organiser picks others. */
  async newEventDefaults(actor: Actor): Promise<NewEventDefaults> {
    const organisation = await this.organisations.get(actor.organisationId);
    return { zone: organisation.timeZone, language: organisation.defaultLocale };
  }

  /** How many invited people a move or cancellation of the event (with its parts) emails. */
  informedCount(actor: Actor, id: string): Promise<number> {
    return this.invitations.informedCount(actor, id);
  }
}
