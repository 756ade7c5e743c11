import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const AUDIT_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
} as const satisfies ErrorCatalog<string>;

export type AuditErrorCode = keyof typeof AUDIT_ERRORS;

export class AuditError extends DomainError<AuditErrorCode> {
  constructor(kind: DomainErrorKind, code: AuditErrorCode, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): AuditError {
    return new AuditError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static forbidden(message: string): AuditError {
    return new AuditError('forbidden', 'forbidden', message);
  }
}
