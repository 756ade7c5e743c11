import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES, REGISTRATION_JOBS } from '@app/queue';
import { ErasureReport, SensitiveAnswersRetention } from '@app/registration';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';

/** Erases sensitive answers past their retention when the scheduler's job comes due. Started by WorkerLifecycle. */
@Processor(QUEUES.registration, { autorun: false })
export class SensitiveAnswersErasureProcessor
  extends WorkerHost
  implements QueueHandlers<typeof QUEUES.registration>
{
  readonly queueName = QUEUES.registration;
  /** One erasure at a time: two would only find the same rows. */
  readonly concurrency = 1;
  readonly handlers = {
    [REGISTRATION_JOBS.eraseSensitiveAnswers]: (): Promise<ErasureReport> => this.retention.erase(),
  };

  constructor(private readonly retention: SensitiveAnswersRetention) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatchJob(this, job, token);
  }
}
