import { EntityManager } from 'typeorm';
import { Actor, Event, EventsService, findEvent, hostsEvent } from '@app/planning';
import { InvitationError } from './invitations.error';

/**
 * The event if the actor's organisation hosts or co-hosts it (or the key is an admin's).
 * Events the actor may see but not manage answer 403; hidden ones 404, as planning decides.
 * Viewers may read the invitations of their events, never change them.
 */
export async function managedEvent(
  manager: EntityManager,
  events: EventsService,
  actor: Actor,
  eventId: string,
  access: { what: string; write: boolean },
): Promise<Event> {
  const event = await findEvent(manager, eventId);
  if (!event) throw InvitationError.notFound('event', eventId);
  if (access.write && actor.role === 'viewer') throw InvitationError.forbidden('This API key may only read.');
  if (hostsEvent(actor, event)) return event;
  await events.get(actor, eventId);
  throw InvitationError.forbidden(`Your organisation may not ${access.what}.`);
}
