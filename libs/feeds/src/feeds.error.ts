import { DomainError, DomainErrorKind, ErrorCatalog } from '@app/errors';

export const FEEDS_ERRORS = {
  forbidden: 'This API key may not do this.',
  feed_not_found: 'There is no such calendar feed.',
  feed_token_not_found: 'This person has no personal feed URL.',
  feed_token_exists: 'This person has a personal feed URL already; rotate it to get a new one.',
  event_not_found: 'There is no such event.',
  person_not_found: 'There is no such person.',
} as const satisfies ErrorCatalog<string>;

export type FeedsErrorCode = keyof typeof FEEDS_ERRORS;

export class FeedsError extends DomainError<FeedsErrorCode> {
  constructor(kind: DomainErrorKind, code: FeedsErrorCode, message: string) {
    super(kind, code, message);
  }

  /** The same answer for "never existed", "revoked" and "not public": nothing to learn from it. */
  static feedNotFound(): FeedsError {
    return new FeedsError('not_found', 'feed_not_found', FEEDS_ERRORS.feed_not_found);
  }

  static notFound(what: 'event' | 'person', id: string): FeedsError {
    return new FeedsError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }

  static forbidden(message: string): FeedsError {
    return new FeedsError('forbidden', 'forbidden', message);
  }

  static conflict(code: FeedsErrorCode, message: string): FeedsError {
    return new FeedsError('conflict', code, message);
  }
}
