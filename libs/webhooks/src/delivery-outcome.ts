import { nextAttemptDelayMs, RetrySchedule } from './retry-schedule';

/** How one attempt went, as the HTTP client saw it. */
export type AttemptResult =
  | { kind: 'response'; statusCode: number; excerpt: string }
  /** No answer: connection, TLS or timeout; `permanent` when no later attempt can succeed. */
  | { kind: 'error'; message: string; permanent: boolean };

/** What to record on the delivery after an attempt. */
export type DeliveryOutcome =
  | { status: 'delivered'; statusCode: number; excerpt: string }
  | { status: 'pending'; retryInMs: number; statusCode: number | null; excerpt: string | null; error: string }
  | { status: 'failed'; statusCode: number | null; excerpt: string | null; error: string };

/**
 * A 2xx answer delivers; anything else (other statuses, redirects, which are not followed, no
 * answer) is tried again on the schedule until the attempts are used up. A refused destination is
 * not tried again: only an operator or a new URL changes that.
 */
export function outcomeOf(result: AttemptResult, attempt: number, schedule: RetrySchedule): DeliveryOutcome {
  if (result.kind === 'response' && result.statusCode >= 200 && result.statusCode < 300) {
    return { status: 'delivered', statusCode: result.statusCode, excerpt: result.excerpt };
  }
  const statusCode = result.kind === 'response' ? result.statusCode : null;
  const excerpt = result.kind === 'response' ? result.excerpt : null;
  const error = result.kind === 'response' ? describeStatus(result.statusCode) : result.message;
  if (result.kind === 'error' && result.permanent) return { status: 'failed', statusCode, excerpt, error };
  const retryInMs = nextAttemptDelayMs(schedule, attempt);
  if (retryInMs === null) {
    return { status: 'failed', statusCode, excerpt, error: `${error} (gave up after ${attempt} attempts)` };
  }
  return { status: 'pending', retryInMs, statusCode, excerpt, error };
}

function describeStatus(statusCode: number): string {
  if (statusCode >= 300 && statusCode < 400) return `HTTP ${statusCode}: redirects are not followed`;
  return `HTTP ${statusCode}`;
}
