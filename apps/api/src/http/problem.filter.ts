import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { HttpConfig } from '@app/config';
import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_NOT_NULL_VIOLATION,
  PG_UNIQUE_VIOLATION,
  postgresErrorCode,
} from '@app/database';
import { ERROR_TITLES, PROBLEMS_PATH, ProblemDetails } from '../problems/problems';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Error codes of Postgres and of the network that mean "a backing service is down", not "a bug". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

const UNAVAILABLE_MESSAGE = 'A backing service (database or queue) is not reachable; try again shortly.';

/** What a failure says before it is dressed as problem details. */
interface Failure {
  statusCode: number;
  message: string;
  /** The status phrase, unless the failure names its own (Nest's exceptions may). */
  error?: string;
  code?: string;
  problems?: FieldProblem[];
  details?: unknown;
}

/**
 * The one place that turns failures into HTTP answers: RFC 9457 problem details
 * (application/problem+json) whose `type` links to the code's entry on the /problems page. Unknown
 * errors are logged with their stack and answered with a generic 500 that reveals nothing internal.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);
  private readonly problemTypes: string;

  constructor(config: ConfigService) {
    this.problemTypes = config.getOrThrow<HttpConfig>('http').publicBaseUrl + PROBLEMS_PATH;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const failure = this.toFailure(exception);
    if (failure.statusCode >= 500 && failure.statusCode !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (response.headersSent) return;
    if (failure.statusCode === 503) response.setHeader('Retry-After', '5');
    const body = this.toProblemDetails(failure, instanceOf(http.getRequest<Request | undefined>()?.path));
    response.status(failure.statusCode).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblemDetails(failure: Failure, instance: string | undefined): ProblemDetails {
    const { statusCode, message, code, problems, details } = failure;
    const error = failure.error ?? STATUS_CODES[statusCode] ?? 'Error';
    const title = code === undefined ? undefined : ERROR_TITLES.get(code);
    return {
      // A code without a catalog entry (a mistake) still gets an answer, just no link.
      type: title === undefined ? 'about:blank' : `${this.problemTypes}#${code}`,
      title: title ?? error,
      status: statusCode,
      detail: message,
      ...(instance ? { instance } : {}),
      ...(code ? { code } : {}),
      ...(problems?.length ? { problems } : {}),
      ...(details !== undefined ? { details } : {}),
      statusCode,
      error,
      message,
    };
  }

  private toFailure(exception: unknown): Failure {
    if (exception instanceof DomainError) {
      // instanceof leaves the code type parameter as any; every lib's code is a string.
      const { kind, message, code, problems, details } = exception as DomainError;
      return { statusCode: STATUS_OF_KIND[kind], message, code, problems, details };
    }
    if (
      exception instanceof HttpException &&
      exception.constructor === HttpException &&
      httpStatusOf(exception.cause) !== undefined
    ) {
      // Nest 12's Express adapter hands body-parser's and Express's errors (http-errors) on wrapped
      // in a plain HttpException; answered from the error itself, as before, they keep our wording
      // and reveal only exposed messages. (Malformed JSON comes as a BadRequestException, as before.)
      return this.toFailure(exception.cause);
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const fields = typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
      const fallback = statusCode === 503 ? UNAVAILABLE_MESSAGE : exception.message;
      return {
        statusCode,
        error: typeof fields.error === 'string' ? fields.error : undefined,
        message: typeof payload === 'string' ? payload : messageOf(fields.message, fallback),
        code: typeof fields.code === 'string' ? fields.code : undefined,
        problems: Array.isArray(fields.problems) ? (fields.problems as FieldProblem[]) : undefined,
        // The readiness check's word on each dependency (@nestjs/terminus puts it there).
        details: fields.details || undefined,
      };
    }
    const postgresCode = postgresErrorCode(exception);
    if (postgresCode === PG_UNIQUE_VIOLATION)
      return problem(409, 'This conflicts with a record that exists already.');
    if (postgresCode === PG_FOREIGN_KEY_VIOLATION)
      return problem(409, 'This refers to, or is referred to by, another record.');
    if (postgresCode === PG_CHECK_VIOLATION) return problem(400, 'A value breaks a rule of the schema.');
    if (postgresCode === PG_NOT_NULL_VIOLATION) return problem(400, 'A required value is missing.');
    if (exception instanceof QueryFailedError && postgresCode?.startsWith('22')) {
      return problem(400, 'A value has the wrong form.');
    }
    const statusFromLibrary = httpStatusOf(exception);
    if (statusFromLibrary && statusFromLibrary >= 400 && statusFromLibrary < 500) {
      return problem(statusFromLibrary, clientErrorMessage(exception, statusFromLibrary));
    }
    if (isUnavailable(exception)) return problem(503, UNAVAILABLE_MESSAGE);
    return problem(500, 'Something went wrong on our side. It has been logged.');
  }
}

/**
 * Paths whose last segment is a secret (personal feed tokens, answer links). Echoing them would
 * copy the secret into the body, and make a revoked link's answer differ from an unknown one's.
 */
const SECRET_PATHS = ['/feeds/personal/', '/answer/'];

/** The request path as the problem's `instance`, unless it carries a secret. */
function instanceOf(path: string | undefined): string | undefined {
  return path && !SECRET_PATHS.some((prefix) => path.startsWith(prefix)) ? path : undefined;
}

function problem(statusCode: number, message: string): Failure {
  return { statusCode, message };
}

/** Nest's own exceptions carry a string, or a list of them (its default validation messages). */
function messageOf(message: unknown, fallback: string): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}

/** body-parser and friends attach an HTTP status to their errors. */
function httpStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const candidate =
    (exception as { status?: unknown; statusCode?: unknown }).status ??
    (exception as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}

/**
 * body-parser and express raise http-errors, which mark with `expose` the messages meant for the
 * client (e.g. 'unsupported charset "LATIN-9"'); other messages stay inside.
 */
function clientErrorMessage(exception: unknown, statusCode: number): string {
  if (statusCode === 413) return 'The request body is too large.';
  const { expose, message } = exception as { expose?: unknown; message?: unknown };
  return expose === true && typeof message === 'string'
    ? `The request could not be read: ${message}`
    : 'The request could not be read.';
}

function isUnavailable(exception: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = exception;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (
      typeof message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Connection is closed|max retries per request|Stream isn't writeable/i.test(
        message,
      )
    ) {
      return true;
    }
    current =
      (current as { driverError?: unknown; cause?: unknown }).driverError ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}
