import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { RedisConfig } from '@app/config';
import { createRedis } from '@app/queue';

/**
 * Rate-limit counters in Redis, so that a limit holds for all API processes together rather than
 * per process (with four processes behind a balancer, a per-process limit would allow four times
 * as much). When Redis cannot answer, requests pass: the limit protects the service, and refusing
 * every request while Redis is down would be the very outage it is meant to prevent.
 */
export class RateLimitStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly client: Redis;
  private readonly counters: ThrottlerStorageRedisService;
  private failing = false;
  /** Before the first connection, uncounted requests are start-up, not an outage worth a warning. */
  private connected = false;

  constructor(config: RedisConfig) {
    // Fails at once rather than hold a request while Redis is away.
    this.client = createRedis(config.url, 'request', { keyPrefix: `${config.queuePrefix}:rate-limit:` });
    // Errors surface in increment(), which warns once per outage.
    this.client.on('error', () => undefined);
    this.client.once('ready', () => (this.connected = true));
    this.counters = new ThrottlerStorageRedisService(this.client);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<Awaited<ReturnType<ThrottlerStorage['increment']>>> {
    try {
      const record = await this.counters.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.failing) this.logger.log('Rate limits are counted again.');
      this.failing = false;
      return record;
    } catch (error) {
      if (this.connected && !this.failing) {
        this.logger.warn(`Rate limits are not counted while Redis does not answer: ${String(error)}`);
        this.failing = true;
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
