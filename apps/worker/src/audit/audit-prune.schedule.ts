import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { auditConfig } from '@app/config';
import { AUDIT_JOBS, keepRepeated, QUEUES } from '@app/queue';

/** Keeps the pruning of the audit trail scheduled every AUDIT_PRUNE_INTERVAL_MINUTES. */
@Injectable()
export class AuditPruneSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditPruneSchedule.name);

  constructor(
    @InjectQueue(QUEUES.audit) private readonly queue: Queue,
    @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>,
  ) {}

  onApplicationBootstrap(): void {
    keepRepeated(
      this.queue,
      {
        schedulerId: 'audit-retention',
        name: AUDIT_JOBS.pruneAuditTrail,
        everyMs: this.config.pruneIntervalMs,
        scheduled: `Audit entries older than ${this.config.retentionDays} days are pruned every ${this.config.pruneIntervalMs / 60_000} min`,
      },
      this.logger,
    );
  }
}
