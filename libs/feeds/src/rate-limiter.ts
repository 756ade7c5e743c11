import { Injectable, Logger } from '@nestjs/common';
import { BoundedCache } from './bounded-cache';
import { FeedsRedis } from './feeds-redis';

/** Counters kept in this process while Redis is unreachable. */
const LOCAL_COUNTERS = 10_000;

interface LocalWindow {
  count: number;
  endsAt: number;
}

/**
 * Fixed-window counters in Redis, so that the limit holds across all API processes together
 * rather than per process. While Redis is unreachable the counting goes on in this process, so
 * the limit still holds, per process.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new BoundedCache<LocalWindow>(LOCAL_COUNTERS, () => 1);

  constructor(private readonly redis: FeedsRedis) {}

  /** Counts one more hit and returns the count in the current window. */
  async hit(name: string, windowSeconds: number): Promise<number> {
    if (this.redis.available()) {
      const key = this.key(name);
      try {
        const results = await this.redis.client.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
        return Number(results?.[0]?.[1] ?? 0);
      } catch (error) {
        this.logger.warn(`Counting in this process, Redis failed: ${(error as Error).message}`);
      }
    }
    return this.hitLocally(name, windowSeconds);
  }

  /** Seconds until the window of this counter ends. */
  async retryAfter(name: string): Promise<number> {
    const local = this.local.get(name);
    if (local && local.endsAt > Date.now()) return Math.max(1, Math.ceil((local.endsAt - Date.now()) / 1000));
    const ttl = await this.redis.client.ttl(this.key(name)).catch(() => 1);
    return Math.max(1, ttl);
  }

  private hitLocally(name: string, windowSeconds: number): number {
    const now = Date.now();
    const current = this.local.get(name);
    const window =
      current && current.endsAt > now ? current : { count: 0, endsAt: now + windowSeconds * 1000 };
    window.count += 1;
    this.local.set(name, window);
    return window.count;
  }

  private key(name: string): string {
    return `${this.redis.prefix}:limit:${name}`;
  }
}
