import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import {
  ArgumentsHost,
  BadRequestException,
  ForbiddenException,
  HttpException,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind, FieldProblem } from '@app/errors';
import { ProblemFilter } from './problem.filter';

class SampleError extends DomainError {
  constructor(kind: DomainErrorKind, code: string, message: string, problems: FieldProblem[] = []) {
    super(kind, code, message, problems);
  }
}

interface Answer {
  status?: number;
  contentType?: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

const config = {
  getOrThrow: () => ({ publicBaseUrl: 'https://treffpunkt.example' }),
} as unknown as ConfigService;

function answer(exception: unknown, headersSent = false, path = '/api/v1/events/42'): Answer {
  const result: Answer = { headers: {} };
  const response = {
    headersSent,
    setHeader: (name: string, value: string) => {
      result.headers[name] = value;
    },
    status(code: number) {
      result.status = code;
      return this;
    },
    type(contentType: string) {
      result.contentType = contentType;
      return this;
    },
    send(body: string) {
      result.body = JSON.parse(body) as Record<string, unknown>;
      return this;
    },
  };
  const request = { path };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ProblemFilter(config).catch(exception, host);
  return result;
}

function postgresFailure(code: string, message = 'failed'): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error(message), { code }));
}

function bodyParserFailure(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

describe(ProblemFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it.each([
    ['invalid', 400],
    ['not_found', 404],
    ['forbidden', 403],
    ['conflict', 409],
    ['unavailable', 503],
  ] as const)('should answer a domain error of kind %s with %i and its code', (kind, status) => {
    const result = answer(new SampleError(kind, 'some_code', 'What went wrong.'));
    expect(result.status).toBe(status);
    expect(result.body).toMatchObject({ statusCode: status, code: 'some_code', message: 'What went wrong.' });
  });

  it('should list the field problems of an invalid domain error', () => {
    const result = answer(
      new SampleError('invalid', 'invalid_input', 'The end lies before the start.', [
        { field: 'endsAt', message: 'The end lies before the start.' },
      ]),
    );
    expect(result.contentType).toBe('application/problem+json');
    expect(result.body).toEqual({
      type: 'https://treffpunkt.example/problems#invalid_input',
      title: 'A value in the request is not valid.',
      status: 400,
      detail: 'The end lies before the start.',
      instance: '/api/v1/events/42',
      code: 'invalid_input',
      problems: [{ field: 'endsAt', message: 'The end lies before the start.' }],
      statusCode: 400,
      error: 'Bad Request',
      message: 'The end lies before the start.',
    });
  });

  it('should leave out the instance of a path that carries a secret, so unknown and revoked answer alike', () => {
    const unknownFeed = new SampleError('not_found', 'feed_not_found', 'There is no such calendar feed.');
    expect(answer(unknownFeed, false, '/feeds/personal/pf_1_secret.ics').body).not.toHaveProperty('instance');
    expect(answer(unknownFeed, false, '/feeds/personal/pf_2_other.ics').body).toEqual(
      answer(unknownFeed, false, '/feeds/personal/pf_1_secret.ics').body,
    );
  });

  it('should link no type for a code missing from the catalogs, and title it with the status phrase', () => {
    expect(answer(new SampleError('conflict', 'some_code', 'Taken.')).body).toMatchObject({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'some_code',
    });
  });

  it('should keep code and field problems of an HttpException from validation', () => {
    const result = answer(
      new BadRequestException({
        message: 'title: title must be a string',
        code: 'invalid_input',
        problems: [{ field: 'title', message: 'title must be a string' }],
      }),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'invalid_input', problems: [{ field: 'title' }] });
  });

  it('should pass on the status and message of plain HttpExceptions', () => {
    expect(answer(new NotFoundException('Cannot GET /api/v1/nothing'))).toMatchObject({
      status: 404,
      body: { error: 'Not Found', message: 'Cannot GET /api/v1/nothing' },
    });
    expect(answer(new ForbiddenException()).status).toBe(403);
  });

  it.each([
    ['23505', 409],
    ['23503', 409],
    ['23514', 400],
    ['23502', 400],
    ['22P02', 400],
    ['22001', 400],
  ])('should answer Postgres error %s with %i and no SQL', (code, status) => {
    const result = answer(postgresFailure(code, 'duplicate key value violates unique constraint "UQ_x"'));
    expect(result.status).toBe(status);
    expect(JSON.stringify(result.body)).not.toMatch(/INSERT|UQ_x|constraint/);
  });

  it('should pass on the message of a malformed JSON body that Nest turned into a 400', () => {
    expect(
      answer(new BadRequestException("Expected property name or '}' in JSON at position 1")),
    ).toMatchObject({
      status: 400,
      body: { message: "Expected property name or '}' in JSON at position 1" },
    });
  });

  it('should answer a library error with its 4xx status and only an exposed message', () => {
    expect(answer(bodyParserFailure(400, 'entity.verify.failed', 'bad signature'))).toMatchObject({
      status: 400,
      body: { message: 'The request could not be read: bad signature' },
    });
    const hidden = Object.assign(new Error('/srv/app/views/x.hbs:3 broke'), { status: 404 });
    expect(answer(hidden)).toMatchObject({
      status: 404,
      body: { message: 'The request could not be read.' },
    });
  });

  it('should answer a too large body with 413 and an unsupported charset with 415', () => {
    expect(answer(bodyParserFailure(413, 'entity.too.large', 'request entity too large'))).toMatchObject({
      status: 413,
      body: { message: 'The request body is too large.' },
    });
    expect(
      answer(bodyParserFailure(415, 'charset.unsupported', 'unsupported charset "LATIN-9"')),
    ).toMatchObject({
      status: 415,
      body: { message: 'The request could not be read: unsupported charset "LATIN-9"' },
    });
  });

  it('should answer library errors the same when Nest hands them on wrapped in an HttpException', () => {
    // As Nest 12's Express adapter wraps them: the thrown message, the status, the error as cause.
    const wrapped = (cause: Error) =>
      new HttpException(cause.message, (cause as Error & { status: number }).status, { cause });
    expect(
      answer(wrapped(bodyParserFailure(413, 'entity.too.large', 'request entity too large'))),
    ).toMatchObject({
      status: 413,
      body: { message: 'The request body is too large.' },
    });
    expect(
      answer(wrapped(bodyParserFailure(415, 'charset.unsupported', 'unsupported charset "LATIN-9"'))),
    ).toMatchObject({
      status: 415,
      body: { message: 'The request could not be read: unsupported charset "LATIN-9"' },
    });
    const hidden = Object.assign(new Error('/srv/app/views/x.hbs:3 broke'), { status: 404, expose: false });
    expect(answer(wrapped(hidden))).toMatchObject({
      status: 404,
      body: { message: 'The request could not be read.' },
    });
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection terminated under a query', postgresFailure('', 'Connection terminated unexpectedly')],
    [
      'a database shutting down',
      postgresFailure('57P01', 'terminating connection due to administrator command'),
    ],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a Redis command that gave up while Redis was away', new MaxRetriesPerRequestError(2)],
    [
      'a cause chain ending in a reset',
      new Error('query failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }),
    ],
  ])('should answer %s with 503, Retry-After and a clear message', (_, exception) => {
    const result = answer(exception);
    expect(result.status).toBe(503);
    expect(result.headers['Retry-After']).toBe('5');
    expect(result.body?.message).toMatch(/not reachable/);
  });

  it('should answer a failed readiness check with 503, Retry-After and the state of each dependency', () => {
    const details = { postgres: { status: 'down', message: 'timeout' }, redis: { status: 'up' } };
    const result = answer(
      new ServiceUnavailableException({
        status: 'error',
        info: {},
        error: { postgres: details.postgres },
        details,
      }),
    );
    expect(result.headers['Retry-After']).toBe('5');
    expect(result.body).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: expect.stringMatching(/not reachable/),
      instance: '/api/v1/events/42',
      details,
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(/not reachable/),
    });
  });

  it('should answer an unknown error with a 500 that reveals nothing internal', () => {
    const result = answer(new TypeError("Cannot read properties of null (reading 'trim')"));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('trim');
  });

  it('should not answer twice when the response has started', () => {
    expect(answer(new Error('late'), true).status).toBeUndefined();
  });
});
