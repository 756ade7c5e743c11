import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';

export class PlanningError extends DomainError {
  constructor(
    kind: DomainErrorKind,
    code: string,
    message: string,
    problems: FieldProblem[] = [],
    details?: unknown,
  ) {
    super(kind, code, message, problems, details);
  }

  static invalid(field: string, message: string): PlanningError {
    return new PlanningError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: string, id: string): PlanningError {
    return new PlanningError(
      'not_found',
      `${what}_not_found`,
      `No ${what.replace(/_/g, ' ')} with id ${id}.`,
    );
  }

  static conflict(code: string, message: string, details?: unknown): PlanningError {
    return new PlanningError('conflict', code, message, [], details);
  }

  static forbidden(message: string): PlanningError {
    return new PlanningError('forbidden', 'forbidden', message);
  }
}
