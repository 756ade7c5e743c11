import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const EMAILS_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  event_not_found: 'There is no such event.',
  person_not_found: 'There is no such person.',
} as const satisfies ErrorCatalog<string>;

export type EmailsErrorCode = keyof typeof EMAILS_ERRORS;

export class EmailsError extends DomainError<EmailsErrorCode> {
  constructor(kind: DomainErrorKind, code: EmailsErrorCode, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): EmailsError {
    return new EmailsError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: 'event' | 'person', id: string): EmailsError {
    return new EmailsError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }
}
