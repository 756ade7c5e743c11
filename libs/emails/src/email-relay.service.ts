import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { mailConfig, redisConfig } from '@app/config';
import {
  enqueueJobs,
  JobRequest,
  MAIL_JOBS,
  OutboxRelay,
  QUEUES,
  relayInBatches,
  restoreLostJobs,
  RetryPolicy,
} from '@app/queue';
import { EMAILS_OUTBOX } from './emails-outbox';

/** Rows claimed per transaction: one Redis round trip each, short enough to hold row locks. */
const RELAY_BATCH = 1_000;
/**
 * Emails per job. A job costs Redis a few script calls and the worker one claim, whatever its
 * size; this many spread that over enough emails that it stops mattering, while a worker that
 * takes a job still leaves the next one to another worker.
 */
export const EMAILS_PER_JOB = 25;

type DeliverEmailsJob = JobRequest<typeof QUEUES.mail, typeof MAIL_JOBS.deliverEmails>;

/** Jobs compared with Redis per round trip when rebuilding. */
const REBUILD_PAGE = 200;
/** Looks for abandoned `sending` rows this many times per MAIL_SENDING_ABANDONED_AFTER_MS. */
const ABANDONED_CHECKS_PER_PERIOD = 3;

interface DueRow {
  id: string;
  delay_ms: string;
}

interface PendingJob {
  job_id: string;
  email_ids: string[];
  delay_ms: string;
}

/**
 * Moves outbox rows to BullMQ. Postgres is the truth; Redis only carries ids and timers, so the
 * relay can always rebuild it. Runs in the worker processes (several at once are safe), driven by
 * an OutboxRelayLoop: on start, every few seconds, when a producer nudges it, and in full whenever
 * Redis appears to have lost its data.
 */
@Injectable()
export class EmailRelay extends OutboxRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: Queue,
    @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>,
    @Inject(mailConfig.KEY) private readonly mail: ConfigType<typeof mailConfig>,
  ) {
    super(redis, {
      outbox: EMAILS_OUTBOX,
      rows: 'emails',
      intervalMs: mail.relayIntervalMs,
      recoverAbandonedEvery: {
        ms: Math.max(1_000, mail.sendingAbandonedAfterMs / ABANDONED_CHECKS_PER_PERIOD),
      },
    });
  }

  /**
   * Enqueues every queued row that has not reached Redis yet, future ones (reminders) as delayed
   * jobs, up to EMAILS_PER_JOB rows due at the same time in one job, and notes the job on each
   * row. Rows are claimed with SKIP LOCKED, so concurrent relays take disjoint batches, and a job
   * is named after its first row, so a batch added twice (a crash before our commit) is one job.
   */
  relayDue(): Promise<number> {
    return relayInBatches(RELAY_BATCH, () =>
      this.dataSource.transaction(async (manager) => {
        const rows: DueRow[] = await manager.query(
          `SELECT id, GREATEST(0, CAST(extract(epoch FROM send_at - now()) * 1000 AS bigint)) AS delay_ms
             FROM emails
            WHERE status = 'queued' AND enqueued_at IS NULL
            ORDER BY send_at
            LIMIT $1
              FOR UPDATE SKIP LOCKED`,
          [RELAY_BATCH],
        );
        if (rows.length === 0) return 0;
        const jobs = jobsFor(rows);
        await enqueueJobs(this.mailQueue, jobs, this.retryPolicy());
        await manager.query(
          `UPDATE emails e SET enqueued_at = now(), job_id = j.job_id, updated_at = now()
             FROM unnest($1::uuid[], $2::varchar[]) AS j(id, job_id)
            WHERE e.id = j.id`,
          [
            jobs.flatMap((job) => job.data.emailIds),
            jobs.flatMap((job) => job.data.emailIds.map(() => job.jobId)),
          ],
        );
        return rows.length;
      }),
    );
  }

  /**
   * Compares the job of every pending row that should have one with Redis and adds what is
   * missing (Redis lost its data, a job was removed or gave up without its rows being settled),
   * under the same job id with the rows still pending.
   */
  rebuild(): Promise<number> {
    return this.restore('all');
  }

  /**
   * Restores only the jobs of rows left `sending` by a worker that died
   * (MAIL_SENDING_ABANDONED_AFTER_MS): cheap enough to run often, so that they go out again within
   * minutes even when Redis lost the dead worker's job. The mail job re-reads the rows, so they
   * keep their attempts and Message-IDs.
   */
  recoverAbandoned(): Promise<number> {
    return this.restore('abandoned');
  }

  private async restore(scope: 'all' | 'abandoned'): Promise<number> {
    const pending =
      scope === 'all' ? `(status IN ('queued', 'retrying') AND enqueued_at IS NOT NULL) OR ` : '';
    let restored = 0;
    let after = '';
    for (;;) {
      const jobs: PendingJob[] = await this.dataSource.query(
        `SELECT job_id, array_agg(id ORDER BY id) AS email_ids,
                CASE WHEN bool_and(status = 'queued')
                     THEN GREATEST(0, CAST(extract(epoch FROM max(send_at) - now()) * 1000 AS bigint))
                     ELSE 0 END AS delay_ms
           FROM emails
          WHERE job_id > $1
            AND status IN ('queued', 'retrying', 'sending')
            AND (${pending}(status = 'sending' AND updated_at < now() - $3 * interval '1 millisecond'))
          GROUP BY job_id
          ORDER BY job_id
          LIMIT $2`,
        [after, REBUILD_PAGE, this.mail.sendingAbandonedAfterMs],
      );
      if (jobs.length === 0) break;
      after = jobs[jobs.length - 1].job_id;
      const lost = await restoreLostJobs<typeof QUEUES.mail, DeliverEmailsJob>(
        this.mailQueue,
        jobs.map((job) => deliverJob(job.job_id, job.email_ids, job.delay_ms)),
        this.retryPolicy(),
      );
      restored += lost.reduce((sum, job) => sum + job.data.emailIds.length, 0);
    }
    return restored;
  }

  private retryPolicy(): RetryPolicy {
    return { attempts: this.mail.retryAttempts, firstDelayMs: this.mail.retryDelayMs };
  }
}

/** Consecutive rows (ordered by due time) with the same delay, EMAILS_PER_JOB at most per job. */
function jobsFor(rows: DueRow[]): Array<DeliverEmailsJob> {
  const jobs: Array<DeliverEmailsJob> = [];
  let current: DueRow[] = [];
  const close = (): void => {
    if (current.length === 0) return;
    jobs.push(
      deliverJob(
        current[0].id,
        current.map((row) => row.id),
        current[0].delay_ms,
      ),
    );
    current = [];
  };
  for (const row of rows) {
    if (current.length === EMAILS_PER_JOB || (current.length > 0 && current[0].delay_ms !== row.delay_ms)) {
      close();
    }
    current.push(row);
  }
  close();
  return jobs;
}

function deliverJob(jobId: string, emailIds: string[], delayMs: string): DeliverEmailsJob {
  return { name: MAIL_JOBS.deliverEmails, data: { emailIds }, jobId, delay: Number(delayMs) };
}
