import { Injectable } from '@nestjs/common';
import { HostingPlan, HostingService } from '@app/hosting';
import { Actor, Event, EventsService, PeopleService } from '@app/planning';

/** Everyone an organiser may pick as a host: the people they see, first by name. */
const HOST_CHOICES = 200;
const AS_LOADED = { reuse: () => undefined, present: (event: Event) => event };

export interface HostingScreen {
  plan: HostingPlan;
  /** People to choose a host from. */
  people: Array<{ id: string; name: string }>;
  mayChange: boolean;
}

/** What the Hosting screen shows, read through the services the API uses with the session's actor. */
@Injectable()
export class HostingScreenService {
  constructor(
    private readonly hosting: HostingService,
    private readonly events: EventsService,
    private readonly people: PeopleService,
  ) {}

  async visits(actor: Actor): Promise<Event[]> {
    const page = await this.events.list(
      actor,
      {
        kind: ['delegation_visit', 'exchange_trip'],
        organisationId: actor.organisationId,
        topLevel: true,
        limit: 100,
      },
      AS_LOADED,
    );
    return page.items;
  }

  async screen(actor: Actor, visitId: string): Promise<HostingScreen> {
    const [plan, people] = await Promise.all([
      this.hosting.plan(actor, visitId),
      this.people.list(actor, { limit: HOST_CHOICES }),
    ]);
    return {
      plan,
      people: people.items.map((person) => ({ id: person.id, name: person.name })),
      mayChange: actor.role !== 'viewer',
    };
  }
}
