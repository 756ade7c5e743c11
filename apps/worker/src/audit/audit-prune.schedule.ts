import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { auditConfig } from '@app/config';
import { AUDIT_JOBS, QUEUES } from '@app/queue';

/** The scheduler's id in Redis: every worker upserts the same one, so there is one schedule. */
const SCHEDULER_ID = 'audit-retention';

/**
 * Keeps the pruning job scheduled every AUDIT_PRUNE_INTERVAL_MINUTES (and due at once on start).
 * Upserting at every start lets a changed interval take effect, and a Redis that lost its data
 * gets the schedule back with the next worker start.
 */
@Injectable()
export class AuditPruneSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditPruneSchedule.name);

  constructor(
    @InjectQueue(QUEUES.audit) private readonly queue: Queue,
    @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>,
  ) {}

  /**
   * Not awaited: with Redis unreachable at start, BullMQ waits for it, and the worker must still
   * start (and stop on SIGTERM). The schedule is upserted once Redis answers.
   */
  onApplicationBootstrap(): void {
    this.schedule().catch((error: unknown) =>
      this.logger.error(`The audit retention job could not be scheduled: ${String(error)}`),
    );
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.pruneIntervalMs },
      {
        name: AUDIT_JOBS.pruneAuditTrail,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 100 },
        },
      },
    );
    this.logger.log(
      `Audit entries older than ${this.config.retentionDays} days are pruned every ${this.config.pruneIntervalMs / 60_000} min`,
    );
  }
}
