import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';

export class AuditError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): AuditError {
    return new AuditError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static forbidden(message: string): AuditError {
    return new AuditError('forbidden', 'forbidden', message);
  }
}
