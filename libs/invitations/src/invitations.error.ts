import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

type InvitationRecord = 'event' | 'invitation';
/** What an invitation may name by id, besides its event. */
type Invitee = 'person' | 'organisation' | 'partnership';

export const INVITATION_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  event_not_found: 'There is no such event.',
  invitation_not_found: 'There is no such invitation.',
  person_not_found: 'There is no such person.',
  organisation_not_found: 'There is no such organisation.',
  partnership_not_found: 'There is no such partnership.',
  answer_link_unknown: 'This answer link is not valid (any more).',
  event_cancelled: 'The event is cancelled.',
  invitation_withdrawn: 'The invitation was withdrawn.',
  invitation_declined: 'The invitee declined.',
  invitation_changed: 'The invitation changed meanwhile.',
  one_per_round: 'Only one workshop per round can be chosen.',
  round_taken: 'The person holds a seat in this round already.',
  seats_overlap: 'With these times, people would hold seats in workshops that overlap.',
  sign_up_closed: 'The event takes no sign-ups (any more).',
  sign_up_not_possible: 'Only public, published events that have not started can take sign-ups.',
  sign_up_link_unknown: 'This sign-up confirmation link is not valid (any more).',
} as const satisfies ErrorCatalog<string>;

export type InvitationErrorCode = keyof typeof INVITATION_ERRORS;

export class InvitationError extends DomainError<InvitationErrorCode> {
  constructor(
    kind: DomainErrorKind,
    code: InvitationErrorCode,
    message: string,
    problems: FieldProblem[] = [],
    details?: unknown,
  ) {
    super(kind, code, message, problems, details);
  }

  static invalid(field: string, message: string): InvitationError {
    return new InvitationError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: InvitationRecord, id: string): InvitationError {
    return new InvitationError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }

  static unknownIds(field: string, what: Invitee, ids: string[]): InvitationError {
    const message = `Unknown ${what}(s): ${ids.join(', ')}.`;
    return new InvitationError('not_found', `${what}_not_found`, message, [{ field, message }]);
  }

  /** The answer link is malformed, unknown or revoked; the page says only that. */
  static unknownLink(): InvitationError {
    return new InvitationError('not_found', 'answer_link_unknown', INVITATION_ERRORS.answer_link_unknown);
  }

  /** Used, expired or never issued: the page says only that. */
  static unknownSignUpLink(): InvitationError {
    return new InvitationError('not_found', 'sign_up_link_unknown', INVITATION_ERRORS.sign_up_link_unknown);
  }

  static signUpClosed(): InvitationError {
    return new InvitationError('conflict', 'sign_up_closed', INVITATION_ERRORS.sign_up_closed);
  }

  static eventCancelled(): InvitationError {
    return new InvitationError('conflict', 'event_cancelled', INVITATION_ERRORS.event_cancelled);
  }

  static withdrawn(): InvitationError {
    return new InvitationError(
      'conflict',
      'invitation_withdrawn',
      'The invitation was withdrawn; invite the person again first.',
    );
  }

  /** The change would leave these people with two seats in one round; `details.people` says who. */
  static seatsOverlap(people: ReadonlyArray<{ name: string }>): InvitationError {
    return new InvitationError(
      'conflict',
      'seats_overlap',
      `With these times, ${people.length} person(s) would hold seats in workshops that overlap and would be asked to choose; send confirm=overlaps to change the times anyway.`,
      [],
      { people },
    );
  }

  static forbidden(message: string): InvitationError {
    return new InvitationError('forbidden', 'forbidden', message);
  }
}
