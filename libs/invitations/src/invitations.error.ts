import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';

export class InvitationError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): InvitationError {
    return new InvitationError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: string, id: string): InvitationError {
    return new InvitationError(
      'not_found',
      `${what}_not_found`,
      `No ${what.replace(/_/g, ' ')} with id ${id}.`,
    );
  }

  static unknownIds(field: string, what: string, ids: string[]): InvitationError {
    const message = `Unknown ${what}: ${ids.join(', ')}.`;
    return new InvitationError('not_found', `${what.replace(/ /g, '_')}_not_found`, message, [
      { field, message },
    ]);
  }

  /** The answer link is malformed, unknown or revoked; the page says only that. */
  static unknownLink(): InvitationError {
    return new InvitationError(
      'not_found',
      'answer_link_unknown',
      'This answer link is not valid (any more).',
    );
  }

  static eventCancelled(): InvitationError {
    return new InvitationError('conflict', 'event_cancelled', 'The event is cancelled.');
  }

  static forbidden(message: string): InvitationError {
    return new InvitationError('forbidden', 'forbidden', message);
  }
}
