import { nextAttemptDelayMs, retryDelaysMs } from './retry-schedule';

const MINUTE = 60_000;
const defaults = { maxAttempts: 8, firstDelayMs: 10 * MINUTE, maxDelayMs: 12 * 60 * MINUTE };

describe(nextAttemptDelayMs.name, () => {
  it('should double the delay after each failed attempt', () => {
    expect(nextAttemptDelayMs(defaults, 1)).toBe(10 * MINUTE);
    expect(nextAttemptDelayMs(defaults, 2)).toBe(20 * MINUTE);
    expect(nextAttemptDelayMs(defaults, 7)).toBe(640 * MINUTE);
  });

  it('should stop after the last attempt', () => {
    expect(nextAttemptDelayMs(defaults, 8)).toBeNull();
    expect(nextAttemptDelayMs({ ...defaults, maxAttempts: 1 }, 1)).toBeNull();
  });

  it('should never wait longer than the cap', () => {
    const capped = { ...defaults, maxAttempts: 20, maxDelayMs: 60 * MINUTE };
    expect(nextAttemptDelayMs(capped, 10)).toBe(60 * MINUTE);
  });

  it('should spread the default attempts over about a day', () => {
    const delays = retryDelaysMs(defaults);
    expect(delays).toHaveLength(7);
    const totalHours = delays.reduce((sum, delay) => sum + delay, 0) / (60 * MINUTE);
    expect(totalHours).toBeGreaterThan(20);
    expect(totalHours).toBeLessThan(24);
  });
});
