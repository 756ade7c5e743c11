import { Injectable } from '@nestjs/common';
import { FeedLink, FeedLinks, FeedsService, FeedTokensService, FeedTokenStatus } from '@app/feeds';
import {
  Actor,
  Event,
  EventsService,
  OrganisationsService,
  PartnershipsService,
  PeopleService,
  PersonView,
} from '@app/planning';

/** Partnerships and upcoming events the screen lists at most; more is a list nobody reads. */
const FEEDS_PER_LIST = 50;
const PEOPLE_PER_PAGE = 50;

export interface NamedFeed {
  name: string;
  link: FeedLink;
}

export interface EventFeed extends NamedFeed {
  event: Event;
  /** Whether the feed shows the event now (the feeds lib's rule: published or cancelled public events). */
  listed: boolean;
}

export interface PersonFeedToken {
  person: PersonView;
  token: FeedTokenStatus;
}

export interface FeedsScreen {
  organisationName: string;
  organisation: FeedLink;
  public: FeedLink;
  partnerships: NamedFeed[];
  events: EventFeed[];
  people: PersonFeedToken[];
  nextPeopleCursor: string | null;
}

/** What an event list has nothing to reuse from: the screen is read fresh each time. */
const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

/**
 * The feeds screen: every feed address of the organisation, its partnerships and its upcoming
 * events, and its people's personal links, read through the services that own each.
 */
@Injectable()
export class FeedsScreenService {
  constructor(
    private readonly links: FeedLinks,
    private readonly feeds: FeedsService,
    private readonly tokens: FeedTokensService,
    private readonly organisations: OrganisationsService,
    private readonly partnerships: PartnershipsService,
    private readonly events: EventsService,
    private readonly people: PeopleService,
  ) {}

  async screen(actor: Actor, peopleCursor?: string, now = new Date()): Promise<FeedsScreen> {
    const organisationId = actor.organisationId;
    const [organisation, partnerships, events, people] = await Promise.all([
      this.organisations.get(organisationId),
      this.partnerships.list({ organisationId, limit: FEEDS_PER_LIST }),
      this.events.list(
        actor,
        { organisationId, topLevel: true, from: now, limit: FEEDS_PER_LIST },
        AS_LOADED,
      ),
      this.people.list(actor, { organisationId, limit: PEOPLE_PER_PAGE, cursor: peopleCursor }),
    ]);
    const [eventFeeds, tokens] = await Promise.all([
      Promise.all(
        events.items
          .filter((event) => event.status !== 'draft')
          .map(async (event) => ({
            name: event.title,
            event,
            link: this.links.event(event.id),
            listed: await this.feeds.exists({ kind: 'event', eventId: event.id }),
          })),
      ),
      Promise.all(
        people.items.map(async (person) => ({ person, token: await this.tokens.status(actor, person.id) })),
      ),
    ]);
    return {
      organisationName: organisation.name,
      organisation: this.links.organisation(organisation.code),
      public: this.links.public(),
      partnerships: partnerships.items.map((partnership) => ({
        name: partnership.name,
        link: this.links.partnership(partnership.id),
      })),
      events: eventFeeds,
      people: tokens,
      nextPeopleCursor: people.nextCursor,
    };
  }

  /** The person's name for a confirmation, as the actor may see them (404 otherwise). */
  async personName(actor: Actor, personId: string): Promise<string> {
    return (await this.people.get(actor, personId)).name;
  }
}
