import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { redisConfig } from '@app/config';
import { createRedis } from '@app/queue';

/**
 * The Redis connection feeds share across API processes: rendered feeds and rate-limit counters
 * live there, so every process sees what another rendered or counted.
 */
@Injectable()
export class FeedsRedis implements OnModuleDestroy {
  readonly client: Redis;
  /** Keys start with the deployment's prefix, so test runs and installations do not meet. */
  readonly prefix: string;

  constructor(@Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>) {
    this.client = createRedis(config.url, 'cache');
    this.client.on('error', () => undefined);
    this.prefix = `${config.queuePrefix}:feeds`;
  }

  /**
   * Whether commands would go out now. While Redis is unreachable feeds do without it rather than
   * queue commands that wait for a reconnection.
   */
  available(): boolean {
    return this.client.status === 'ready';
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
