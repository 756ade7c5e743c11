import { HttpException, HttpStatus } from '@nestjs/common';
import { ACCESS_ERRORS } from '@app/access';
import { ACCOUNTS_ERRORS } from '@app/accounts';
import { ATTENDANCE_ERRORS } from '@app/attendance';
import { AUDIT_ERRORS } from '@app/audit';
import { DEMO_ERRORS } from '@app/demo';
import { EMAILS_ERRORS } from '@app/emails';
import { ErrorCatalog, FieldProblem } from '@app/errors';
import { EXPORTS_ERRORS } from '@app/exports';
import { FEEDS_ERRORS } from '@app/feeds';
import { HOSTING_ERRORS } from '@app/hosting';
import { INVITATION_ERRORS } from '@app/invitations';
import { PLANNING_ERRORS } from '@app/planning';
import { PUBLIC_PROGRAMME_ERRORS } from '@app/public-programme';
import { REGISTRATION_ERRORS } from '@app/registration';
import { WEBHOOKS_ERRORS } from '@app/webhooks';

/** The codes of failures the HTTP layer finds itself (guards, pipes, rate limits), before any lib runs. */
export const API_ERRORS = {
  invalid_input: 'A value in the request is not valid.',
  api_key_missing: 'An API key is required.',
  api_key_invalid: 'The API key is unknown or revoked.',
  forbidden: 'This API key may not do this.',
  too_many_requests: 'Too many requests from your address.',
  too_many_attempts: 'Too many attempts; try again later.',
} as const satisfies ErrorCatalog<string>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** An HTTP-layer failure with its code; ProblemFilter answers it as problem+json like a domain error. */
export class ApiProblem extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super({ message, code, problems }, status);
  }
}

const CATALOGS = {
  api: API_ERRORS,
  access: ACCESS_ERRORS,
  accounts: ACCOUNTS_ERRORS,
  planning: PLANNING_ERRORS,
  invitations: INVITATION_ERRORS,
  emails: EMAILS_ERRORS,
  feeds: FEEDS_ERRORS,
  demo: DEMO_ERRORS,
  audit: AUDIT_ERRORS,
  webhooks: WEBHOOKS_ERRORS,
  exports: EXPORTS_ERRORS,
  hosting: HOSTING_ERRORS,
  'public-programme': PUBLIC_PROGRAMME_ERRORS,
  registration: REGISTRATION_ERRORS,
  attendance: ATTENDANCE_ERRORS,
};

/** Every error code the API answers with, by the lib that raises it. */
export const ERROR_CATALOGS: Record<string, ErrorCatalog<string>> = CATALOGS;

/** Any catalogued code, so that the codes an operation documents are checked when compiling. */
export type ErrorCode = {
  [Lib in keyof typeof CATALOGS]: keyof (typeof CATALOGS)[Lib] & string;
}[keyof typeof CATALOGS];

/** Code → title over all libs; a code that two libs raise means the same and has the same title. */
export const ERROR_TITLES: ReadonlyMap<string, string> = new Map(
  Object.values(ERROR_CATALOGS).flatMap((catalog) => Object.entries(catalog)),
);

/** Where the problem types are described: one anchor per code on the API's own /problems page. */
export const PROBLEMS_PATH = '/problems';

/** RFC 9457 problem details, with Treffpunkt's extension members. */
export interface ProblemDetails {
  /** `${PUBLIC_BASE_URL}/problems#<code>`, or about:blank for failures without a code. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The path of the request that failed. */
  instance?: string;
  code?: string;
  /** The fields that are wrong, each with what is wrong with it. */
  problems?: FieldProblem[];
  /** What a client needs to resolve the failure, e.g. what a change would remove. */
  details?: unknown;
  /** Members from before problem+json, kept for existing clients: the same as status, the status phrase and detail. */
  statusCode: number;
  error: string;
  message: string;
}
