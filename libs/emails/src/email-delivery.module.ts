import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@app/queue';
import { WebhookOutboxModule } from '@app/webhooks';
import { Email } from './email.entity';
import { EmailDeliveryService } from './email-delivery.service';
import { EmailRelay } from './email-relay.service';

/** For the worker: the outbox relay and the delivery state the mail job records. */
@Module({
  imports: [TypeOrmModule.forFeature([Email]), QueueModule, WebhookOutboxModule],
  providers: [EmailRelay, EmailDeliveryService],
  exports: [EmailRelay, EmailDeliveryService],
})
export class EmailDeliveryModule {}
