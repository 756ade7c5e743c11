import { DomainError } from '@app/errors';
import { MessageKey } from '@app/presentation';

/** Where a problem is shown on the invite form: beside a group of choices, or above them all. */
export type InviteField = 'event' | 'recipients' | 'personIds' | 'organisationIds' | 'partnershipIds' | 'workshopIds';

export interface InviteProblem {
  field: InviteField;
  message: MessageKey;
  status: number;
}

/** The console offers only events that have not ended (see InviteService). */
export class EventEndedError extends Error {
  constructor() {
    super('The event has ended.');
    this.name = EventEndedError.name;
  }
}

/**
 * What the form says about a refused choice, or null for failures that are no fault of the
 * choice (a role that may not invite, an event one may not see): those get the console's error page.
 */
export function inviteProblemOf(error: unknown): InviteProblem | null {
  if (error instanceof EventEndedError) {
    return { field: 'event', message: 'console.invite.problems.ended', status: 409 };
  }
  if (!(error instanceof DomainError)) return null;
  switch (error.code) {
    case 'event_cancelled':
      return { field: 'event', message: 'console.invite.problems.cancelled', status: 409 };
    case 'person_not_found':
      return { field: 'personIds', message: 'console.invite.problems.unknownPeople', status: 422 };
    case 'organisation_not_found':
      return { field: 'organisationIds', message: 'console.invite.problems.unknownOrganisations', status: 422 };
    case 'partnership_not_found':
      return { field: 'partnershipIds', message: 'console.invite.problems.unknownPartnerships', status: 422 };
    case 'invalid_input':
      if (error.problems.some((problem) => problem.field === 'workshopIds')) {
        return { field: 'workshopIds', message: 'console.invite.problems.badWorkshops', status: 400 };
      }
      if (error.problems.some((problem) => problem.field === 'personIds')) {
        return { field: 'recipients', message: 'console.invite.problems.noRecipient', status: 400 };
      }
      return null;
    default:
      return null;
  }
}

/** A step of the form: its value, or the problem the form shows when the choice was refused. */
export type Attempt<T> = { value: T; problem: null } | { value: null; problem: InviteProblem };

/** Runs a step; a refused choice becomes the form's problem, any other failure fails the page. */
export async function attempt<T>(step: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { value: await step(), problem: null };
  } catch (error) {
    const problem = inviteProblemOf(error);
    if (!problem) throw error;
    return { value: null, problem };
  }
}
