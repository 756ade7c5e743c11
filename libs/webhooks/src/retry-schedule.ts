export interface RetrySchedule {
  maxAttempts: number;
  /** Delay after the first attempt; doubled after each further one. */
  firstDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
}

/**
 * When to try again after attempt `attempt` (1-based) failed, or null when it was the last.
 * Exponential: firstDelay, 2×, 4×, … capped at maxDelay. With the defaults (8 attempts, 10 min)
 * the attempts spread over about 21 hours: an endpoint down for a night still gets everything.
 */
export function nextAttemptDelayMs(schedule: RetrySchedule, attempt: number): number | null {
  if (attempt >= schedule.maxAttempts) return null;
  const exponential = schedule.firstDelayMs * 2 ** (attempt - 1);
  return Math.min(exponential, schedule.maxDelayMs);
}

/** The delays between all attempts, for documentation and the API. */
export function retryDelaysMs(schedule: RetrySchedule): number[] {
  const delays: number[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const delay = nextAttemptDelayMs(schedule, attempt);
    if (delay === null) return delays;
    delays.push(delay);
  }
}
