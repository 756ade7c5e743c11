import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { webhooksConfig } from '@app/config';
import { QueueModule } from '@app/queue';
import { HostAllowlist } from './address-policy';
import { WebhookClient } from './webhook-client';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookRelay } from './webhook-relay.service';

/** For the worker: the relay, the delivery state the processor records, and the HTTP client. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]), QueueModule],
  providers: [
    WebhookRelay,
    WebhookDeliveryService,
    {
      provide: WebhookClient,
      inject: [webhooksConfig.KEY],
      useFactory: (settings: ConfigType<typeof webhooksConfig>) =>
        new WebhookClient({
          allowlist: new HostAllowlist(settings.allowedHosts),
          timeoutMs: settings.timeoutMs,
          // Extra authorities join the public ones; TLS verification itself is never turned off.
          ca: settings.caFile ? [...rootCertificates, readFileSync(settings.caFile, 'utf8')] : undefined,
        }),
    },
  ],
  exports: [WebhookRelay, WebhookDeliveryService, WebhookClient],
})
export class WebhookDeliveryModule {}
