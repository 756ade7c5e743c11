import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { AuditWorkerModule } from './audit/audit-worker.module';
import { WorkerLifecycle } from './jobs/worker-lifecycle';
import { MailWorkerModule } from './mail/mail-worker.module';
import { RegistrationWorkerModule } from './registration/registration-worker.module';
import { SignUpsWorkerModule } from './sign-ups/sign-ups-worker.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

/**
 * The worker: BullMQ processors (mail, audit, webhooks, registration answers' and sign-ups'
 * retention), plus an HTTP health endpoint and nothing else.
 */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    DiscoveryModule,
    MailWorkerModule,
    AuditWorkerModule,
    WebhooksWorkerModule,
    RegistrationWorkerModule,
    SignUpsWorkerModule,
  ],
  providers: [WorkerLifecycle],
})
export class WorkerModule {}
