import { outcomeOf } from './delivery-outcome';

const schedule = { maxAttempts: 3, firstDelayMs: 1_000, maxDelayMs: 60_000 };

describe(outcomeOf.name, () => {
  it('should count any 2xx answer as delivered', () => {
    expect(outcomeOf({ kind: 'response', statusCode: 204, excerpt: '' }, 1, schedule)).toEqual({
      status: 'delivered',
      statusCode: 204,
      excerpt: '',
    });
  });

  it('should try again after an error answer, later each time', () => {
    const answer = { kind: 'response', statusCode: 500, excerpt: 'oops' } as const;
    expect(outcomeOf(answer, 1, schedule)).toMatchObject({
      status: 'pending',
      retryInMs: 1_000,
      error: 'HTTP 500',
    });
    expect(outcomeOf(answer, 2, schedule)).toMatchObject({ status: 'pending', retryInMs: 2_000 });
  });

  it('should give up after the last attempt and say so', () => {
    const down = { kind: 'error', message: 'ECONNREFUSED', permanent: false } as const;
    expect(outcomeOf(down, 3, schedule)).toEqual({
      status: 'failed',
      statusCode: null,
      excerpt: null,
      error: 'ECONNREFUSED (gave up after 3 attempts)',
    });
  });

  it('should not follow a redirect, and say why the attempt failed', () => {
    expect(outcomeOf({ kind: 'response', statusCode: 301, excerpt: '' }, 1, schedule)).toMatchObject({
      status: 'pending',
      error: 'HTTP 301: redirects are not followed',
    });
  });

  it('should not try a refused destination again', () => {
    const refused = { kind: 'error', message: '127.0.0.1 is a loopback address', permanent: true } as const;
    expect(outcomeOf(refused, 1, schedule)).toMatchObject({ status: 'failed', error: refused.message });
  });
});
