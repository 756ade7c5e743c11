import { DomainError, DomainErrorKind, ErrorCatalog, FieldProblem } from '@app/errors';

export const ACCOUNTS_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  role_forbidden: 'Your role in this organisation may not do this.',
  sign_in_link_invalid: 'This sign-in link or code is not valid (any more).',
  session_required: 'Sign in to continue.',
  csrf_rejected: 'The form was not sent from this site or has expired.',
  member_not_found: 'There is no such member.',
  last_admin: 'An organisation keeps at least one admin.',
  already_member: 'This person is a member already.',
  single_sign_on_off: 'Single sign-on is not set up for this installation.',
  single_sign_on_failed: 'Single sign-on could not be completed; start it again.',
  single_sign_on_denied: 'The identity provider did not sign you in.',
  single_sign_on_unavailable: 'The identity provider could not be reached or answered wrongly.',
  single_sign_on_email_unverified: 'The identity provider has not verified your email address.',
  account_unknown: 'No organiser account has this email address.',
} as const satisfies ErrorCatalog<string>;

export type AccountsErrorCode = keyof typeof ACCOUNTS_ERRORS;

export class AccountsError extends DomainError<AccountsErrorCode> {
  constructor(
    kind: DomainErrorKind,
    code: AccountsErrorCode,
    message: string,
    problems: FieldProblem[] = [],
    details?: unknown,
  ) {
    super(kind, code, message, problems, details);
  }

  static invalid(field: string, message: string): AccountsError {
    return new AccountsError('invalid', 'invalid_input', message, [{ field, message }]);
  }
}
