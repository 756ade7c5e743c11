import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  postgresErrorCode,
} from '@app/database';

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

export interface ProblemBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  problems?: FieldProblem[];
}

/**
 * The one place that turns failures into HTTP answers with a clear JSON body. Unknown errors are
 * logged with their stack and answered with a generic 500 that reveals nothing internal.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (response.headersSent) return;
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toProblem(exception: unknown): ProblemBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF_KIND[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...(exception.problems.length ? { problems: exception.problems } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const fields = typeof payload === 'object' ? (payload as Partial<ProblemBody>) : {};
      return {
        statusCode,
        error: fields.error ?? STATUS_CODES[statusCode] ?? 'Error',
        message: typeof payload === 'string' ? payload : String(fields.message ?? exception.message),
        ...(fields.code ? { code: fields.code } : {}),
        ...(fields.problems ? { problems: fields.problems } : {}),
      };
    }
    const postgresCode = postgresErrorCode(exception);
    if (postgresCode === PG_UNIQUE_VIOLATION)
      return problem(409, 'This conflicts with a record that exists already.');
    if (postgresCode === PG_FOREIGN_KEY_VIOLATION)
      return problem(409, 'This refers to, or is referred to by, another record.');
    if (postgresCode === PG_CHECK_VIOLATION) return problem(400, 'A value breaks a rule of the schema.');
    if (exception instanceof QueryFailedError && postgresCode?.startsWith('22')) {
      return problem(400, 'A value has the wrong form.');
    }
    const statusFromLibrary = httpStatusOf(exception);
    if (statusFromLibrary && statusFromLibrary >= 400 && statusFromLibrary < 500) {
      return problem(
        statusFromLibrary,
        statusFromLibrary === 413
          ? 'The request body is too large.'
          : 'The request could not be read (malformed JSON?).',
      );
    }
    if (isUnavailable(exception)) {
      return problem(503, 'A backing service (database or queue) is not reachable; try again shortly.');
    }
    return problem(500, 'Something went wrong on our side. It has been logged.');
  }
}

function problem(statusCode: number, message: string): ProblemBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** body-parser and friends attach an HTTP status to their errors. */
function httpStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const candidate =
    (exception as { status?: unknown; statusCode?: unknown }).status ??
    (exception as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
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
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Connection is closed/i.test(
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
