import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';

export class EmailsError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): EmailsError {
    return new EmailsError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: 'event' | 'person', id: string): EmailsError {
    return new EmailsError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }
}
