import { Actor, isAdmin } from '../shared/actor';
import { Event } from './event.entity';

type Hosted = Pick<Event, 'hostOrganisationId' | 'coHostIds'>;

/** The organisations that host an event: its host and its co-hosts. */
export function hostingOrganisationIds(event: Hosted): string[] {
  return [event.hostOrganisationId, ...event.coHostIds];
}

/**
 * Whether the actor speaks for a host or co-host of the event; admins speak for every
 * organisation. The one place this rule is written: what hosts may see and do builds on it.
 */
export function hostsEvent(actor: Actor, event: Hosted): boolean {
  return isAdmin(actor) || hostingOrganisationIds(event).includes(actor.organisationId);
}
