import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { SignUpRetention } from '@app/invitations';
import { QUEUES, SIGN_UP_JOBS } from '@app/queue';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';

/** Deletes expired open sign-ups when the scheduler's job comes due. Started by WorkerLifecycle. */
@Processor(QUEUES.signUps, { autorun: false })
export class SignUpRetentionProcessor extends WorkerHost implements QueueHandlers<typeof QUEUES.signUps> {
  readonly queueName = QUEUES.signUps;
  readonly concurrency = 1;
  readonly handlers = {
    [SIGN_UP_JOBS.deleteExpiredSignUps]: (): Promise<number> => this.retention.deleteExpired(),
  };

  constructor(private readonly retention: SignUpRetention) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatchJob(this, job, token);
  }
}
