import { ApiExtension } from '@nestjs/swagger';
import { ErrorCode } from './problems';

/** The 4xx statuses an operation documents codes for; 5xx answers are documented for every operation. */
export type ProblemStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429;

export type ProblemCodes = Partial<Record<ProblemStatus, readonly ErrorCode[]>>;

/**
 * Where ApiProblems leaves the codes in the operation: describeProblems turns them into responses,
 * and the completeness check asks every operation for it, so that none forgets its errors.
 */
export const PROBLEMS_EXTENSION = 'x-problem-codes';

/**
 * The error codes an operation answers with, by status, beyond those the HTTP layer adds to every
 * operation that takes input or a key (invalid_input, api_key_missing, api_key_invalid,
 * too_many_requests). Each status becomes a problem+json response whose `code` is one of these.
 * `@ApiProblems({})` says the operation has none of its own.
 */
export function ApiProblems(codes: ProblemCodes): MethodDecorator & ClassDecorator {
  return ApiExtension(PROBLEMS_EXTENSION, codes);
}
