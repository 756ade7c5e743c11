import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { mailConfig, redisConfig } from '@app/config';
import { enqueueJobs, JobRequest, MAIL_JOBS, QUEUES, createRedis, RetryPolicy } from '@app/queue';
import { relayChannel } from './relay-channel';

/** Rows claimed per transaction: one Redis round trip each, short enough to hold row locks. */
const RELAY_BATCH = 1_000;
/**
 * Emails per job. A job costs Redis a few script calls and the worker one claim, whatever its
 * size; this many spread that over enough emails that it stops mattering, while a worker that
 * takes a job still leaves the next one to another worker.
 */
export const EMAILS_PER_JOB = 25;
/** Jobs compared with Redis per round trip when rebuilding. */
const REBUILD_PAGE = 200;
/** A full comparison of pending rows with Redis, besides the one at start and after data loss. */
const REBUILD_INTERVAL_MS = 10 * 60_000;
/** Looks for abandoned `sending` rows this many times per MAIL_SENDING_ABANDONED_AFTER_MS. */
const ABANDONED_CHECKS_PER_PERIOD = 3;

const LOST_JOB_STATES = ['unknown', 'completed', 'failed'];

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
 * relay can always rebuild it. Runs in the worker processes (several at once are safe): on start,
 * every few seconds, when a producer nudges it, and in full whenever Redis appears to have lost
 * its data.
 */
@Injectable()
export class EmailRelay {
  private readonly logger = new Logger(EmailRelay.name);
  private subscriber: Redis | null = null;
  private commands: Redis | null = null;
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private passRequested = false;
  private rebuildRequested = false;
  private recoverRequested = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: Queue,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @Inject(mailConfig.KEY) private readonly mail: ConfigType<typeof mailConfig>,
  ) {}

  /** Rebuilds Redis from the database, then relays periodically and on nudges until stop(). */
  async start(): Promise<void> {
    this.subscriber = createRedis(this.redis.url, 'queue');
    this.subscriber.on('message', () => this.request('pass'));
    this.subscriber.on('error', (error) => this.logger.warn(`Relay subscription: ${error.message}`));
    await this.subscriber.subscribe(relayChannel(this.redis.queuePrefix));
    this.request('rebuild');
    this.timers.push(
      setInterval(() => void this.tick(), this.mail.relayIntervalMs),
      setInterval(() => this.request('rebuild'), REBUILD_INTERVAL_MS),
      setInterval(
        () => this.request('recover'),
        Math.max(1_000, this.mail.sendingAbandonedAfterMs / ABANDONED_CHECKS_PER_PERIOD),
      ),
    );
    await this.idle();
  }

  async stop(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    this.timers = [];
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
    await this.idle();
    await this.commands?.quit().catch(() => undefined);
    this.commands = null;
  }

  /** Resolves when no pass is running or requested. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Enqueues every queued row that has not reached Redis yet, future ones (reminders) as delayed
   * jobs, up to EMAILS_PER_JOB rows due at the same time in one job, and notes the job on each
   * row. Rows are claimed with SKIP LOCKED, so concurrent relays take disjoint batches, and a job
   * is named after its first row, so a batch added twice (a crash before our commit) is one job.
   */
  async relayDue(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
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
      });
      relayed += count;
      if (count < RELAY_BATCH) return relayed;
    }
  }

  /**
   * Compares the job of every pending row that should have one with Redis and adds what is
   * missing (Redis lost its data, a job was removed or gave up without its rows being settled),
   * under the same job id with the rows still pending. Adding is idempotent; the mail job
   * re-reads the rows, so an extra job never sends twice. `abandoned` looks only at rows left
   * `sending` by a worker that died (MAIL_SENDING_ABANDONED_AFTER_MS): cheap enough to run often,
   * so that they go out again within minutes even when Redis lost the dead worker's job.
   */
  async rebuild(scope: 'all' | 'abandoned' = 'all'): Promise<number> {
    const abandonedAfterMs = this.mail.sendingAbandonedAfterMs;
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
        [after, REBUILD_PAGE, abandonedAfterMs],
      );
      if (jobs.length === 0) break;
      after = jobs[jobs.length - 1].job_id;
      const states = await Promise.all(jobs.map((job) => this.mailQueue.getJobState(job.job_id)));
      const lost = jobs.filter((_, index) => LOST_JOB_STATES.includes(states[index]));
      // A finished job under the same id would turn the add into a no-op, yet its rows are not done.
      const finished = jobs.filter((_, index) => states[index] === 'completed' || states[index] === 'failed');
      await Promise.all(finished.map((job) => this.mailQueue.remove(job.job_id)));
      await enqueueJobs(
        this.mailQueue,
        lost.map((job) => deliverJob(job.job_id, job.email_ids, job.delay_ms)),
        this.retryPolicy(),
      );
      restored += lost.reduce((sum, job) => sum + job.email_ids.length, 0);
    }
    if (scope === 'all') await this.redisCommands().set(this.rebuiltMarker(), new Date().toISOString());
    if (restored > 0) this.logger.warn(`Restored the jobs of ${restored} emails that Redis did not have`);
    return restored;
  }

  private async tick(): Promise<void> {
    try {
      const marker = await this.redisCommands().exists(this.rebuiltMarker());
      this.request(marker ? 'pass' : 'rebuild');
    } catch (error) {
      this.logger.warn(`Email relay cannot reach Redis: ${String(error)}`);
    }
  }

  /** Coalesces requests: at most one pass runs per process, and one more follows if asked meanwhile. */
  private request(kind: 'pass' | 'recover' | 'rebuild'): void {
    this.passRequested = true;
    if (kind === 'rebuild') this.rebuildRequested = true;
    if (kind === 'recover') this.recoverRequested = true;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.passRequested) {
      const rebuild = this.rebuildRequested;
      const recover = this.recoverRequested;
      this.passRequested = false;
      this.rebuildRequested = false;
      this.recoverRequested = false;
      try {
        if (rebuild) await this.rebuild();
        else if (recover) await this.rebuild('abandoned');
        const relayed = await this.relayDue();
        if (relayed > 0) this.logger.log(`Relayed ${relayed} emails to the mail queue`);
      } catch (error) {
        this.logger.error(`Email relay pass failed; the next one retries: ${String(error)}`);
      }
    }
  }

  /** Present while Redis has the state the last rebuild left; gone after a flush or data loss. */
  private rebuiltMarker(): string {
    return `${this.redis.queuePrefix}:emails:rebuilt-at`;
  }

  private redisCommands(): Redis {
    if (!this.commands) {
      this.commands = createRedis(this.redis.url, 'background');
      // Commands that fail meanwhile are reported by the pass that sent them.
      this.commands.on('error', () => undefined);
    }
    return this.commands;
  }

  private retryPolicy(): RetryPolicy {
    return { attempts: this.mail.retryAttempts, firstDelayMs: this.mail.retryDelayMs };
  }
}

/** Consecutive rows (ordered by due time) with the same delay, EMAILS_PER_JOB at most per job. */
function jobsFor(rows: DueRow[]): Array<JobRequest<typeof QUEUES.mail, typeof MAIL_JOBS.deliverEmails>> {
  const jobs: Array<JobRequest<typeof QUEUES.mail, typeof MAIL_JOBS.deliverEmails>> = [];
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

function deliverJob(
  jobId: string,
  emailIds: string[],
  delayMs: string,
): JobRequest<typeof QUEUES.mail, typeof MAIL_JOBS.deliverEmails> {
  return { name: MAIL_JOBS.deliverEmails, data: { emailIds }, jobId, delay: Number(delayMs) };
}
