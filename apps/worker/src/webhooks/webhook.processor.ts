import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job } from 'bullmq';
import { webhooksConfig } from '@app/config';
import { DeliverWebhookPayload, QUEUES, WEBHOOK_JOBS } from '@app/queue';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';
import { AttemptReport, WebhookAttempts } from './webhook-attempts.service';

/**
 * One job per attempt; the row says whether it is still due. An attempt ends within the request
 * timeout, well inside the shutdown grace, so shutdown simply lets it finish. Started by
 * WorkerLifecycle.
 */
@Processor(QUEUES.webhooks, { autorun: false })
export class WebhookProcessor extends WorkerHost implements QueueHandlers<typeof QUEUES.webhooks> {
  readonly queueName = QUEUES.webhooks;
  readonly concurrency: number;
  readonly handlers = {
    [WEBHOOK_JOBS.deliverWebhook]: (job: Job<DeliverWebhookPayload>) => this.deliver(job),
  };

  constructor(
    private readonly attempts: WebhookAttempts,
    @Inject(webhooksConfig.KEY) settings: ConfigType<typeof webhooksConfig>,
  ) {
    super();
    this.concurrency = settings.concurrency;
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatchJob(this, job, token);
  }

  private deliver(job: Job<DeliverWebhookPayload>): Promise<AttemptReport> {
    if (!job.id) throw new Error('A webhook job without an id cannot claim its delivery');
    return this.attempts.run(job.id, job.data.deliveryId);
  }
}
