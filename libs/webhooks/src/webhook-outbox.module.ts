import { Module } from '@nestjs/common';
import { PlanningModule } from '@app/planning';
import { EventWebhooks } from './event-webhooks.listener';
import { ProducerWebhooks } from './producer-webhooks.service';
import { WebhookOutbox } from './webhook-outbox.service';
import { WebhookRelayNudge } from './relay-nudge';

/**
 * For producers: write deliveries in their own transactions. Importing it also registers the
 * listener that turns event creations and changes into deliveries.
 */
@Module({
  imports: [PlanningModule],
  providers: [WebhookOutbox, WebhookRelayNudge, EventWebhooks, ProducerWebhooks],
  exports: [WebhookOutbox, WebhookRelayNudge, ProducerWebhooks],
})
export class WebhookOutboxModule {}
