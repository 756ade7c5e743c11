import { DomainError, DomainErrorKind, ErrorCatalog } from '@app/errors';

export const ATTENDANCE_ERRORS = {
  forbidden: 'This API key may not do this.',
  event_not_found: 'There is no such event.',
  partnership_not_found: 'There is no such partnership.',
  attendee_not_found: 'This invitation is not expected at this event.',
} as const satisfies ErrorCatalog<string>;

export type AttendanceErrorCode = keyof typeof ATTENDANCE_ERRORS;

export class AttendanceError extends DomainError<AttendanceErrorCode> {
  constructor(kind: DomainErrorKind, code: AttendanceErrorCode, message: string) {
    super(kind, code, message);
  }

  static notFound(what: 'event' | 'partnership', id: string): AttendanceError {
    return new AttendanceError('not_found', `${what}_not_found`, `No ${what} with id ${id}.`);
  }

  /** Also for a forged or foreign check-in code: nothing to learn about who else is invited. */
  static notExpected(): AttendanceError {
    return new AttendanceError('not_found', 'attendee_not_found', ATTENDANCE_ERRORS.attendee_not_found);
  }

  static forbidden(message: string): AttendanceError {
    return new AttendanceError('forbidden', 'forbidden', message);
  }
}
