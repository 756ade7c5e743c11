import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisLocation, relayNudgeChannel } from './outbox-relay-loop';
import { createRedis } from './redis-connection';

/**
 * Asks an outbox's relay (OutboxRelayLoop, in the worker) for a pass right away, after the
 * transaction that wrote rows committed. Losing the nudge loses nothing: the rows are in Postgres
 * and the relay's periodic pass finds them.
 */
export class OutboxNudge {
  private readonly logger: Logger;
  private publisher: Redis | null = null;

  constructor(
    private readonly outbox: string,
    private readonly redis: RedisLocation,
  ) {
    this.logger = new Logger(`OutboxNudge(${outbox})`);
  }

  soon(): void {
    this.publish().catch((error: unknown) =>
      this.logger.warn(
        `Could not nudge the ${this.outbox} relay (its next periodic pass will): ${String(error)}`,
      ),
    );
  }

  async close(): Promise<void> {
    await this.publisher?.quit().catch(() => undefined);
    this.publisher = null;
  }

  private async publish(): Promise<void> {
    if (!this.publisher) {
      this.publisher = createRedis(this.redis.url, 'nudge');
      // A failed publish is reported above; the connection's own errors would only repeat it.
      this.publisher.on('error', () => undefined);
    }
    await this.publisher.publish(relayNudgeChannel(this.redis.queuePrefix, this.outbox), 'due');
  }
}
