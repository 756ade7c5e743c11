import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

type PlanningRecord = 'event' | 'person' | 'organisation' | 'partnership';

export const PLANNING_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  event_not_found: 'There is no such event.',
  person_not_found: 'There is no such person.',
  organisation_not_found: 'There is no such organisation.',
  partnership_not_found: 'There is no such partnership.',
  event_cancelled: 'The event is cancelled.',
  event_has_children: 'The event still has parts.',
  event_has_invitations: 'The event still has invitations.',
  event_changed: 'The event was changed by someone else since it was read.',
  email_taken: 'Another person has this email address.',
  organisation_code_taken: 'Another organisation has this code.',
  organisation_in_use: 'The organisation still hosts events or has people.',
  partnership_name_taken: 'Another partnership has this name.',
  partnership_in_use: 'Events still belong to this partnership.',
  import_file_invalid: 'The file cannot be imported.',
  import_outdated: 'People of the import changed since its preview.',
  member_removal_unconfirmed: 'Removing members takes things away; send the change again, confirmed.',
} as const satisfies ErrorCatalog<string>;

export type PlanningErrorCode = keyof typeof PLANNING_ERRORS;

export class PlanningError extends DomainError<PlanningErrorCode> {
  constructor(
    kind: DomainErrorKind,
    code: PlanningErrorCode,
    message: string,
    problems: FieldProblem[] = [],
    details?: unknown,
  ) {
    super(kind, code, message, problems, details);
  }

  static invalid(field: string, message: string): PlanningError {
    return new PlanningError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: PlanningRecord, id: string): PlanningError {
    return new PlanningError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }

  static conflict(code: PlanningErrorCode, message: string, details?: unknown): PlanningError {
    return new PlanningError('conflict', code, message, [], details);
  }

  static forbidden(message: string): PlanningError {
    return new PlanningError('forbidden', 'forbidden', message);
  }
}
