import { DomainError, DomainErrorKind } from '@app/errors';

export class FeedsError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string) {
    super(kind, code, message);
  }

  /** The same answer for "never existed", "revoked" and "not public": nothing to learn from it. */
  static feedNotFound(): FeedsError {
    return new FeedsError('not_found', 'feed_not_found', 'There is no such calendar feed.');
  }

  static notFound(what: string, id: string): FeedsError {
    return new FeedsError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }

  static forbidden(message: string): FeedsError {
    return new FeedsError('forbidden', 'forbidden', message);
  }

  static conflict(code: string, message: string): FeedsError {
    return new FeedsError('conflict', code, message);
  }
}
