import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import { redisConfig } from '@app/config';
import { createRedis } from '@app/queue';

/** The Redis pub/sub channel on which producers ask the worker's webhook relay for a pass. */
export function webhookRelayChannel(queuePrefix: string): string {
  return `${queuePrefix}:webhooks:relay`;
}

/**
 * Asks the webhook relay for a pass right away, after a transaction that wrote deliveries
 * committed. Losing the nudge loses nothing: the rows are in Postgres and the periodic pass
 * finds them.
 */
@Injectable()
export class WebhookRelayNudge implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookRelayNudge.name);
  private publisher: Redis | null = null;

  constructor(@Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>) {}

  soon(): void {
    this.publish().catch((error: unknown) =>
      this.logger.warn(`Could not nudge the webhook relay (its next periodic pass will): ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.quit().catch(() => undefined);
  }

  private async publish(): Promise<void> {
    if (!this.publisher) {
      this.publisher = createRedis(this.redis.url, 'nudge');
      // A failed publish is reported above; the connection's own errors would only repeat it.
      this.publisher.on('error', () => undefined);
    }
    await this.publisher.publish(webhookRelayChannel(this.redis.queuePrefix), 'due');
  }
}
