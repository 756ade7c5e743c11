import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { webhooksConfig } from '@app/config';
import {
  ClaimedDelivery,
  DeliveryOutcome,
  outcomeOf,
  signedHeaders,
  WebhookClient,
  WebhookDeliveryService,
  WebhookRelay,
} from '@app/webhooks';

export type AttemptReport = DeliveryOutcome['status'] | 'not_pending';

/**
 * One attempt of one delivery: claim the row, sign with the endpoint's valid secrets, POST,
 * record the outcome, and have the relay schedule the next attempt when there is one.
 */
@Injectable()
export class WebhookAttempts {
  private readonly logger = new Logger(WebhookAttempts.name);

  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly client: WebhookClient,
    private readonly relay: WebhookRelay,
    @Inject(webhooksConfig.KEY) private readonly settings: ConfigType<typeof webhooksConfig>,
  ) {}

  async run(jobId: string, deliveryId: string): Promise<AttemptReport> {
    const delivery = await this.deliveries.claim(jobId, deliveryId);
    if (!delivery) return 'not_pending';
    const outcome = await this.attempt(delivery);
    if (!(await this.deliveries.record(jobId, delivery, outcome))) return 'not_pending';
    if (outcome.status === 'pending') {
      this.logger.warn(
        `Webhook delivery ${delivery.id} attempt ${delivery.attempt} failed (${outcome.error}); next in ${outcome.retryInMs} ms`,
      );
      this.relay.request();
    } else if (outcome.status === 'failed') {
      this.logger.warn(`Webhook delivery ${delivery.id} failed for good: ${outcome.error}`);
    }
    return outcome.status;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    if (!delivery.endpointEnabled) {
      return { status: 'failed', statusCode: null, excerpt: null, error: 'The endpoint is disabled' };
    }
    const result = await this.client.post({
      url: delivery.url,
      headers: signedHeaders(delivery.secrets, delivery.messageId, new Date(), delivery.body),
      body: delivery.body,
    });
    return outcomeOf(result, delivery.attempt, this.settings.retry);
  }
}
