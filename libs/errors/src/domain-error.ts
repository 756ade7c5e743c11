/**
 * What kind of failure a domain error is. The API maps each kind to one HTTP status in a single
 * filter, so services never think about HTTP and every lib reports failures the same way.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A lib's error codes, each with its title: one sentence that is the same for every occurrence
 * (RFC 9457 `title`), while the message of an error says what went wrong this time (`detail`).
 * Codes are part of the API: clients branch on them, so they are never renamed once released.
 */
export type ErrorCatalog<Code extends string> = Readonly<Record<Code, string>>;

export abstract class DomainError<Code extends string = string> extends Error {
  protected constructor(
    readonly kind: DomainErrorKind,
    readonly code: Code,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** What a client needs to resolve the failure, e.g. what a change would remove; sent as `details`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
