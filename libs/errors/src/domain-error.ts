/**
 * What kind of failure a domain error is. The API maps each kind to one HTTP status in a single
 * filter, so services never think about HTTP and every lib reports failures the same way.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  protected constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** What a client needs to resolve the failure, e.g. what a change would remove; sent as `details`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
