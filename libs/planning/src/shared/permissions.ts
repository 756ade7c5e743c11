import { Actor, isAdmin } from './actor';
import { PlanningError } from './planning.error';

export function assertMayWrite(actor: Actor): void {
  if (actor.role === 'viewer') throw PlanningError.forbidden('This API key may only read.');
}

export function assertAdmin(actor: Actor, what: string): void {
  if (!isAdmin(actor)) throw PlanningError.forbidden(`Only an admin key may ${what}.`);
}

/** Admins act for every organisation; organisers only for their own. */
export function assertActsFor(actor: Actor, organisationIds: string[], what: string): void {
  assertMayWrite(actor);
  if (isAdmin(actor) || organisationIds.includes(actor.organisationId)) return;
  throw PlanningError.forbidden(`Your organisation may not ${what}.`);
}
