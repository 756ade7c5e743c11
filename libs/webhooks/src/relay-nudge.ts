import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '@app/config';
import { OutboxNudge } from '@app/queue';

/** The webhook outbox's name in Redis keys (its relay's nudge channel and rebuilt marker). */
export const WEBHOOKS_OUTBOX = 'webhooks';

/**
 * Asks the webhook relay for a pass right away, after a transaction that wrote deliveries
 * committed. Losing the nudge loses nothing: the periodic pass finds the rows.
 */
@Injectable()
export class WebhookRelayNudge implements OnApplicationShutdown {
  private readonly nudge: OutboxNudge;

  constructor(@Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>) {
    this.nudge = new OutboxNudge(WEBHOOKS_OUTBOX, redis);
  }

  soon(): void {
    this.nudge.soon();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nudge.close();
  }
}
