import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { mailConfig, redisConfig } from '@app/config';
import { enqueueJobs, JobRequest, MAIL_JOBS, QUEUES, redisOptionsFromUrl, RetryPolicy } from '@app/queue';
import { relayChannel } from './relay-channel';

/** Rows claimed per transaction: one Redis round trip each, short enough to hold row locks. */
const RELAY_BATCH = 1_000;
/** A full comparison of pending rows with Redis, besides the one at start and after data loss. */
const REBUILD_INTERVAL_MS = 10 * 60_000;
/**
 * A `sending` row whose job vanished from Redis counts as interrupted after this long; before, a
 * live worker may still be in its SMTP transaction (socket timeout 60 s).
 */
const SENDING_ABANDONED_AFTER = '5 minutes';

const LOST_JOB_STATES = ['unknown', 'completed', 'failed'];

interface DueRow {
  id: string;
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: Queue,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @Inject(mailConfig.KEY) private readonly mail: ConfigType<typeof mailConfig>,
  ) {}

  /** Rebuilds Redis from the database, then relays periodically and on nudges until stop(). */
  async start(): Promise<void> {
    this.subscriber = new Redis({ ...redisOptionsFromUrl(this.redis.url), maxRetriesPerRequest: null });
    this.subscriber.on('message', () => this.request('pass'));
    this.subscriber.on('error', (error) => this.logger.warn(`Relay subscription: ${error.message}`));
    await this.subscriber.subscribe(relayChannel(this.redis.queuePrefix));
    this.request('rebuild');
    this.timers.push(
      setInterval(() => void this.tick(), this.mail.relayIntervalMs),
      setInterval(() => this.request('rebuild'), REBUILD_INTERVAL_MS),
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
   * jobs. Rows are claimed with SKIP LOCKED, so concurrent relays take disjoint batches, and the
   * job id is the row id, so a batch added twice (a crash before our commit) is one job each.
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
        await enqueueJobs(this.mailQueue, rows.map(deliverJob), this.retryPolicy());
        await manager.query(`UPDATE emails SET enqueued_at = now(), updated_at = now() WHERE id = ANY($1)`, [
          rows.map((row) => row.id),
        ]);
        return rows.length;
      });
      relayed += count;
      if (count < RELAY_BATCH) return relayed;
    }
  }

  /**
   * Compares every pending row that should have a job with Redis and adds what is missing (Redis
   * lost its data, a job was removed or gave up without the row being settled). Adding is
   * idempotent; the mail job re-reads the row, so an extra job never sends twice.
   */
  async rebuild(): Promise<number> {
    let restored = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<DueRow & { status: string }> = await this.dataSource.query(
        `SELECT id, status,
                CASE WHEN status = 'queued'
                     THEN GREATEST(0, CAST(extract(epoch FROM send_at - now()) * 1000 AS bigint))
                     ELSE 0 END AS delay_ms
           FROM emails
          WHERE id > $1
            AND ((status IN ('queued', 'retrying') AND enqueued_at IS NOT NULL)
                 OR (status = 'sending' AND updated_at < now() - interval '${SENDING_ABANDONED_AFTER}'))
          ORDER BY id
          LIMIT $2`,
        [after, RELAY_BATCH],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const states = await Promise.all(rows.map((row) => this.mailQueue.getJobState(row.id)));
      const lost = rows.filter((_, index) => LOST_JOB_STATES.includes(states[index]));
      // A finished job under the same id would turn the add into a no-op, yet the row is not done.
      const finished = rows.filter((_, index) => states[index] === 'completed' || states[index] === 'failed');
      await Promise.all(finished.map((row) => this.mailQueue.remove(row.id)));
      await enqueueJobs(this.mailQueue, lost.map(deliverJob), this.retryPolicy());
      restored += lost.length;
    }
    await this.redisCommands().set(this.rebuiltMarker(), new Date().toISOString());
    if (restored > 0) this.logger.warn(`Restored ${restored} email jobs that Redis did not have`);
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
  private request(kind: 'pass' | 'rebuild'): void {
    this.passRequested = true;
    if (kind === 'rebuild') this.rebuildRequested = true;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.passRequested) {
      const rebuild = this.rebuildRequested;
      this.passRequested = false;
      this.rebuildRequested = false;
      try {
        if (rebuild) await this.rebuild();
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
    this.commands ??= new Redis({ ...redisOptionsFromUrl(this.redis.url), maxRetriesPerRequest: 3 });
    return this.commands;
  }

  private retryPolicy(): RetryPolicy {
    return { attempts: this.mail.retryAttempts, firstDelayMs: this.mail.retryDelayMs };
  }
}

function deliverJob(row: DueRow): JobRequest<typeof QUEUES.mail> {
  return {
    name: MAIL_JOBS.deliverEmail,
    data: { emailId: row.id },
    jobId: row.id,
    delay: Number(row.delay_ms),
  };
}
