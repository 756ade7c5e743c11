import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookLogService } from './webhook-log.service';
import { WebhookOutboxModule } from './webhook-outbox.module';

/** For the organiser API: manage endpoints, read their delivery log, redeliver, ping. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpoint, WebhookDelivery]), WebhookOutboxModule, AuditModule],
  providers: [WebhookEndpointsService, WebhookLogService],
  exports: [WebhookEndpointsService, WebhookLogService],
})
export class WebhooksModule {}
