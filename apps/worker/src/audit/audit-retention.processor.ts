import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AuditRetention, PruneReport } from '@app/audit';
import { AUDIT_JOBS, QUEUES } from '@app/queue';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';

/** Prunes the audit trail when the scheduler's job comes due. Started by WorkerLifecycle. */
@Processor(QUEUES.audit, { autorun: false })
export class AuditRetentionProcessor extends WorkerHost implements QueueHandlers<typeof QUEUES.audit> {
  readonly queueName = QUEUES.audit;
  /** One prune at a time is enough; two would only wait for each other's row locks. */
  readonly concurrency = 1;
  readonly handlers = {
    [AUDIT_JOBS.pruneAuditTrail]: (): Promise<PruneReport> => this.retention.prune(),
  };

  constructor(private readonly retention: AuditRetention) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatchJob(this, job, token);
  }
}
