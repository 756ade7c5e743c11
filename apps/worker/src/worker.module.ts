import { Module } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';

/** The worker: BullMQ processors, plus an HTTP health endpoint and nothing else. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, QueueModule, HealthModule],
})
export class WorkerModule {}
