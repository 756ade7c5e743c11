import { DomainError, DomainErrorKind, ErrorCatalog } from '@app/errors';

export const PUBLIC_PROGRAMME_ERRORS = {
  public_event_not_found: 'There is no such public event.',
  date_range_reversed: 'The date range ends before it starts.',
} as const satisfies ErrorCatalog<string>;

export type PublicProgrammeErrorCode = keyof typeof PUBLIC_PROGRAMME_ERRORS;

export class PublicProgrammeError extends DomainError<PublicProgrammeErrorCode> {
  constructor(kind: DomainErrorKind, code: PublicProgrammeErrorCode, message: string) {
    super(kind, code, message);
  }

  /** The same answer for an event that never existed and one the public may not see. */
  static eventNotFound(id: string): PublicProgrammeError {
    return new PublicProgrammeError('not_found', 'public_event_not_found', `No public event with id ${id}.`);
  }

  static dateRangeReversed(from: string, to: string): PublicProgrammeError {
    return new PublicProgrammeError(
      'invalid',
      'date_range_reversed',
      `The range from ${from} to ${to} ends before it starts.`,
    );
  }
}
