import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job } from 'bullmq';
import { mailConfig } from '@app/config';
import { DeliverEmailPayload, MAIL_JOBS, QUEUES } from '@app/queue';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';
import { EmailSender } from './email-sender.service';

/** One job per email; the sender decides, sends and records. Started by WorkerLifecycle. */
@Processor(QUEUES.mail, { autorun: false })
export class MailProcessor extends WorkerHost implements QueueHandlers<typeof QUEUES.mail> {
  readonly queueName = QUEUES.mail;
  readonly concurrency: number;
  readonly handlers = {
    [MAIL_JOBS.deliverEmail]: (job: Job<DeliverEmailPayload>) =>
      this.sender.deliver(job.data.emailId, {
        number: job.attemptsMade + 1,
        last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      }),
  };

  constructor(
    private readonly sender: EmailSender,
    @Inject(mailConfig.KEY) mail: ConfigType<typeof mailConfig>,
  ) {
    super();
    this.concurrency = mail.concurrency;
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this, job);
  }
}
