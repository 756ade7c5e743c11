import { Injectable } from '@nestjs/common';
import { FeedsRedis } from './feeds-redis';

/**
 * Fixed-window counters in Redis, so that the limit holds across all API processes together
 * rather than per process.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: FeedsRedis) {}

  /** Counts one more hit and returns the count in the current window. */
  async hit(name: string, windowSeconds: number): Promise<number> {
    const key = this.key(name);
    const results = await this.redis.client.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    return Number(results?.[0]?.[1] ?? 0);
  }

  /** Seconds until the window of this counter ends. */
  async retryAfter(name: string): Promise<number> {
    return Math.max(1, await this.redis.client.ttl(this.key(name)));
  }

  private key(name: string): string {
    return `${this.redis.prefix}:limit:${name}`;
  }
}
