import { EntityManager } from 'typeorm';
import { Actor, Event, EventsService, findEvent, hostsEvent, isAdmin } from '@app/planning';
import { RegistrationError } from './registration.error';

/**
 * Who may read sensitive answers (passport numbers, health and dietary needs) and change the
 * questions: admins, and organisers of the event's host. Viewers and co-hosts' organisers read the
 * other answers only; a co-host that could edit questions could also unmark one to read it. The
 * one place this rule is written: lists, the console and exports all ask it.
 */
export function maySeeSensitiveAnswers(actor: Actor, event: Pick<Event, 'hostOrganisationId'>): boolean {
  return isAdmin(actor) || (actor.role === 'organiser' && actor.organisationId === event.hostOrganisationId);
}

/**
 * The event, if the actor's organisation hosts or co-hosts it (admins host every event). Events
 * the actor may see but not host answer 403; hidden ones 404, as planning decides.
 */
export async function hostedEvent(
  manager: EntityManager,
  events: EventsService,
  actor: Actor,
  eventId: string,
): Promise<Event> {
  const event = await findEvent(manager, eventId);
  if (!event) throw RegistrationError.eventNotFound(eventId);
  if (hostsEvent(actor, event)) return event;
  await events.get(actor, eventId);
  throw RegistrationError.forbidden('Only the hosts of an event see its registration questions and answers.');
}
