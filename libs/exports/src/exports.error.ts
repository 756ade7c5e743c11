import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const EXPORTS_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
} as const satisfies ErrorCatalog<string>;

export type ExportsErrorCode = keyof typeof EXPORTS_ERRORS;

export class ExportsError extends DomainError<ExportsErrorCode> {
  constructor(kind: DomainErrorKind, code: ExportsErrorCode, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static forbidden(message: string): ExportsError {
    return new ExportsError('forbidden', 'forbidden', message);
  }
}
