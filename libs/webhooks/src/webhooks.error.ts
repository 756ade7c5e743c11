import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';

export class WebhooksError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }

  static invalid(field: string, message: string): WebhooksError {
    return new WebhooksError('invalid', 'invalid_input', message, [{ field, message }]);
  }

  static notFound(what: 'webhook_endpoint' | 'webhook_delivery' | 'organisation', id: string): WebhooksError {
    return new WebhooksError(
      'not_found',
      `${what}_not_found`,
      `No ${what.replace(/_/g, ' ')} with id ${id}.`,
    );
  }

  static forbidden(message: string): WebhooksError {
    return new WebhooksError('forbidden', 'forbidden', message);
  }
}
