import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { AuditPruneSchedule } from './audit-prune.schedule';
import { AuditRetentionProcessor } from './audit-retention.processor';

@Module({
  imports: [AuditModule, QueueModule],
  providers: [AuditRetentionProcessor, AuditPruneSchedule],
})
export class AuditWorkerModule {}
