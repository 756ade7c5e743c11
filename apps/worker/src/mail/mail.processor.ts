import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Job, WaitingError } from 'bullmq';
import { mailConfig } from '@app/config';
import { DeliverEmailPayload, DeliverEmailsPayload, MAIL_JOBS, QUEUES } from '@app/queue';
import { dispatchJob, QueueHandlers } from '../jobs/job-handlers';
import { DeliveryReport, EmailSender } from './email-sender.service';

/**
 * Jobs carry the ids of emails due at the same time; the sender decides, sends and records.
 * As many jobs run at once as emails may be in flight, so that single-email jobs (an answer's
 * update, a lone reminder) go out at full concurrency; the sender's window keeps batches within
 * MAIL_CONCURRENCY emails. Started by WorkerLifecycle.
 */
@Processor(QUEUES.mail, { autorun: false })
export class MailProcessor extends WorkerHost implements QueueHandlers<typeof QUEUES.mail> {
  readonly queueName = QUEUES.mail;
  readonly concurrency: number;
  readonly handlers = {
    [MAIL_JOBS.deliverEmail]: (job: Job<DeliverEmailPayload>, token?: string) =>
      this.deliver(job, [job.data.emailId], token),
    [MAIL_JOBS.deliverEmails]: (job: Job<DeliverEmailsPayload>, token?: string) =>
      this.deliver(job, job.data.emailIds, token),
  };

  constructor(
    private readonly sender: EmailSender,
    @Inject(mailConfig.KEY) mail: ConfigType<typeof mailConfig>,
  ) {
    super();
    this.concurrency = mail.concurrency;
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatchJob(this, job, token);
  }

  beforeClose(): void {
    this.sender.stopClaiming();
  }

  abandonInFlight(): void {
    this.sender.abandonInFlight();
  }

  private async deliver(job: Job, emailIds: string[], token?: string): Promise<DeliveryReport> {
    if (!job.id) throw new Error('A mail job without an id cannot claim its emails');
    const report = await this.sender.deliver({
      id: job.id,
      emailIds,
      attempt: { number: job.attemptsMade + 1, last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) },
    });
    if (report.handedBack) {
      // Back to the queue without counting an attempt: another worker (or the next start) takes
      // up the emails this one did not claim.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    return report;
  }
}
