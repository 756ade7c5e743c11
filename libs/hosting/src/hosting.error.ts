import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const HOSTING_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  event_not_found: 'There is no such event.',
  person_not_found: 'There is no such person.',
  host_assignment_not_found: 'There is no such host assignment.',
  room_assignment_not_found: 'There is no such room assignment.',
  not_a_visit: 'Only delegation visits and exchange trips have hosts and rooms.',
  guest_not_invited: 'The guest is not invited to the visit.',
  part_cancelled: 'The programme item is cancelled.',
  host_family_taken: 'The guest already has a host family that night.',
  already_assigned: 'The same assignment exists already.',
} as const satisfies ErrorCatalog<string>;

export type HostingErrorCode = keyof typeof HOSTING_ERRORS;

export class HostingError extends DomainError<HostingErrorCode> {
  constructor(kind: DomainErrorKind, code: HostingErrorCode, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): HostingError {
    return new HostingError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(
    what: 'event' | 'person' | 'host_assignment' | 'room_assignment',
    id: string,
  ): HostingError {
    return new HostingError('not_found', `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id}.`);
  }

  static forbidden(message: string): HostingError {
    return new HostingError('forbidden', 'forbidden', message);
  }

  static conflict(
    code: 'not_a_visit' | 'part_cancelled' | 'host_family_taken' | 'already_assigned',
    message: string,
  ): HostingError {
    return new HostingError('conflict', code, message);
  }

  static notInvited(field: string, personId: string): HostingError {
    const message = `The person ${personId} is not invited to the visit (or declined, or was uninvited).`;
    return new HostingError('invalid', 'guest_not_invited', message, [{ field, message }]);
  }
}
