import { Module } from '@nestjs/common';
import { WebhookDeliveryModule } from '@app/webhooks';
import { WebhookAttempts } from './webhook-attempts.service';
import { WebhookProcessor } from './webhook.processor';
import { WebhookRelayRunner } from './webhook-relay.runner';

@Module({
  imports: [WebhookDeliveryModule],
  providers: [WebhookProcessor, WebhookAttempts, WebhookRelayRunner],
})
export class WebhooksWorkerModule {}
