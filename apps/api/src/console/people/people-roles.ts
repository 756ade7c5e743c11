import { ConsoleSession } from '@app/accounts';
import { PlanningError } from '@app/planning';

/**
 * Whether the session's role changes people. The planning rules refuse a viewer's changes on the
 * server whatever the console shows; this spares viewers buttons and forms they cannot use.
 */
export function mayChangePeople(session: ConsoleSession): boolean {
  return session.actor.role !== 'viewer';
}

/** The forms for changing people answer viewers as their changes would be answered: 403. */
export function assertMayChangePeople(session: ConsoleSession): void {
  if (!mayChangePeople(session)) throw PlanningError.forbidden('Your role may only read.');
}
