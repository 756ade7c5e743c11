import { DomainError, DomainErrorKind, ErrorCatalog } from '@app/errors';

export const ACCESS_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  forbidden: 'This API key may not do this.',
  api_key_not_found: 'There is no such API key.',
  api_keys_exist: 'API keys exist already; issue further keys through the API with an admin key.',
} as const satisfies ErrorCatalog<string>;

export type AccessErrorCode = keyof typeof ACCESS_ERRORS;

export class AccessError extends DomainError<AccessErrorCode> {
  constructor(kind: DomainErrorKind, code: AccessErrorCode, message: string) {
    super(kind, code, message);
  }
}
