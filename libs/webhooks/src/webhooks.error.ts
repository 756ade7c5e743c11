import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const WEBHOOKS_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  organisation_not_found: 'There is no such organisation.',
  webhook_endpoint_not_found: 'There is no such webhook endpoint.',
  webhook_delivery_not_found: 'There is no such webhook delivery.',
  too_many_endpoints: 'The organisation has as many webhook endpoints as it may have.',
  delivery_in_progress: 'The delivery is still under way; it can be sent again once it ended.',
  endpoint_disabled: 'The webhook endpoint is disabled.',
} as const satisfies ErrorCatalog<string>;

export type WebhooksErrorCode = keyof typeof WEBHOOKS_ERRORS;

export class WebhooksError extends DomainError<WebhooksErrorCode> {
  constructor(
    kind: DomainErrorKind,
    code: WebhooksErrorCode,
    message: string,
    problems: FieldProblem[] = [],
  ) {
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
