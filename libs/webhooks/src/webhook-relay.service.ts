import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { redisConfig, webhooksConfig } from '@app/config';
import { enqueueJobs, JobRequest, QUEUES, createRedis, RetryPolicy, WEBHOOK_JOBS } from '@app/queue';
import { webhookRelayChannel } from './relay-nudge';
import { webhookJobId } from './webhook-job-id';

type DeliverJob = JobRequest<typeof QUEUES.webhooks, typeof WEBHOOK_JOBS.deliverWebhook>;

/** Rows claimed per transaction, short enough to hold their locks briefly. */
const RELAY_BATCH = 500;
/** Jobs compared with Redis per round trip when rebuilding. */
const REBUILD_PAGE = 200;
/** A full comparison of enqueued rows with Redis, besides the one at start and after data loss. */
const REBUILD_INTERVAL_MS = 10 * 60_000;
/** How long past the request timeout a `delivering` row counts as cut off by a dead worker. */
const ABANDONED_MARGIN_MS = 30_000;
/**
 * BullMQ's own retries are for the worker's trouble (a database hiccup while claiming), not the
 * receiver's: those are scheduled on the row, one job per attempt.
 */
const JOB_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 5_000 };
const LOST_JOB_STATES = ['unknown', 'completed', 'failed'];

/**
 * Moves due deliveries from Postgres to BullMQ, one job per attempt named after the delivery and
 * the attempt's number, delayed until the attempt is due. Postgres is the truth; Redis carries
 * ids and timers and is rebuilt from the rows when it lost them. Also gives deliveries left
 * `delivering` by a worker that died to the next attempt. Runs in every worker process; several
 * at once are safe (SKIP LOCKED, deterministic job ids).
 */
@Injectable()
export class WebhookRelay {
  private readonly logger = new Logger(WebhookRelay.name);
  private subscriber: Redis | null = null;
  private commands: Redis | null = null;
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private passRequested = false;
  private rebuildRequested = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @Inject(webhooksConfig.KEY) private readonly settings: ConfigType<typeof webhooksConfig>,
  ) {}

  async start(): Promise<void> {
    this.subscriber = createRedis(this.redis.url, 'queue');
    this.subscriber.on('message', () => this.request());
    this.subscriber.on('error', (error) => this.logger.warn(`Relay subscription: ${error.message}`));
    await this.subscriber.subscribe(webhookRelayChannel(this.redis.queuePrefix));
    this.request(true);
    this.timers.push(
      setInterval(() => void this.tick(), this.settings.relayIntervalMs),
      setInterval(() => this.request(true), REBUILD_INTERVAL_MS),
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

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Coalesces requests: one pass at a time per process, and one more if asked meanwhile. */
  request(rebuild = false): void {
    this.passRequested = true;
    if (rebuild) this.rebuildRequested = true;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Enqueues every pending delivery that has no job yet, delayed until its attempt is due. */
  async relayDue(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string; attempts: number; delay_ms: string }> = await manager.query(
          `SELECT id, attempts,
                  GREATEST(0, CAST(extract(epoch FROM next_attempt_at - now()) * 1000 AS bigint)) AS delay_ms
             FROM webhook_deliveries
            WHERE status = 'pending' AND enqueued_at IS NULL
            ORDER BY next_attempt_at
            LIMIT $1
              FOR UPDATE SKIP LOCKED`,
          [RELAY_BATCH],
        );
        if (rows.length === 0) return 0;
        const jobs = rows.map((row) => deliverJob(row.id, row.attempts + 1, Number(row.delay_ms)));
        await enqueueJobs(this.queue, jobs, JOB_RETRY);
        await manager.query(
          `UPDATE webhook_deliveries d SET enqueued_at = now(), job_id = j.job_id
             FROM unnest($1::uuid[], $2::varchar[]) AS j(id, job_id)
            WHERE d.id = j.id`,
          [jobs.map((job) => job.data.deliveryId), jobs.map((job) => job.jobId)],
        );
        return rows.length;
      });
      relayed += count;
      if (count < RELAY_BATCH) return relayed;
    }
  }

  /**
   * A `delivering` row whose attempt should long have ended belongs to a worker that died: the
   * attempt counts (it may have reached the receiver; the same webhook-id lets it tell), and the
   * next one follows right away, or the delivery fails when that was the last.
   */
  async recoverAbandoned(): Promise<number> {
    const [, recovered]: [unknown, number] = await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
              next_attempt_at = CASE WHEN attempts >= $2 THEN NULL ELSE now() END,
              enqueued_at = NULL, job_id = NULL,
              last_error = 'The worker stopped during this attempt', updated_at = now()
        WHERE status = 'delivering' AND updated_at < now() - $1 * interval '1 millisecond'`,
      [this.settings.timeoutMs + ABANDONED_MARGIN_MS, this.settings.retry.maxAttempts],
    );
    if (recovered > 0)
      this.logger.warn(`Recovered ${recovered} webhook deliveries cut off by a stopped worker`);
    return recovered;
  }

  /** Re-adds the jobs of enqueued deliveries that Redis does not have (lost data, removed jobs). */
  async rebuild(): Promise<number> {
    let restored = 0;
    let after = '';
    for (;;) {
      const rows: Array<{ id: string; job_id: string; delay_ms: string }> = await this.dataSource.query(
        `SELECT id, job_id,
                GREATEST(0, CAST(extract(epoch FROM next_attempt_at - now()) * 1000 AS bigint)) AS delay_ms
           FROM webhook_deliveries
          WHERE status = 'pending' AND enqueued_at IS NOT NULL AND job_id > $1
          ORDER BY job_id
          LIMIT $2`,
        [after, REBUILD_PAGE],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].job_id;
      const states = await Promise.all(rows.map((row) => this.queue.getJobState(row.job_id)));
      const lost = rows.filter((_, index) => LOST_JOB_STATES.includes(states[index]));
      // A finished job under the same id would make the add a no-op, yet its row is not done.
      await Promise.all(
        lost.filter((_, index) => states[index] !== 'unknown').map((row) => this.queue.remove(row.job_id)),
      );
      const jobs: DeliverJob[] = lost.map((row) => ({
        ...deliverJob(row.id, 0, Number(row.delay_ms)),
        jobId: row.job_id,
      }));
      await enqueueJobs(this.queue, jobs, JOB_RETRY);
      restored += lost.length;
    }
    await this.redisCommands().set(this.rebuiltMarker(), new Date().toISOString());
    if (restored > 0)
      this.logger.warn(`Restored the jobs of ${restored} webhook deliveries that Redis did not have`);
    return restored;
  }

  private async tick(): Promise<void> {
    try {
      this.request(!(await this.redisCommands().exists(this.rebuiltMarker())));
    } catch (error) {
      this.logger.warn(`Webhook relay cannot reach Redis: ${String(error)}`);
    }
  }

  private async drain(): Promise<void> {
    while (this.passRequested) {
      const rebuild = this.rebuildRequested;
      this.passRequested = false;
      this.rebuildRequested = false;
      try {
        await this.recoverAbandoned();
        if (rebuild) await this.rebuild();
        const relayed = await this.relayDue();
        if (relayed > 0) this.logger.log(`Relayed ${relayed} webhook deliveries to the queue`);
      } catch (error) {
        this.logger.error(`Webhook relay pass failed; the next one retries: ${String(error)}`);
      }
    }
  }

  /** Present while Redis holds what the last rebuild left; gone after a flush or data loss. */
  private rebuiltMarker(): string {
    return `${this.redis.queuePrefix}:webhooks:rebuilt-at`;
  }

  private redisCommands(): Redis {
    if (!this.commands) {
      this.commands = createRedis(this.redis.url, 'background');
      // Commands that fail meanwhile are reported by the pass that sent them.
      this.commands.on('error', () => undefined);
    }
    return this.commands;
  }
}

function deliverJob(deliveryId: string, attempt: number, delay: number): DeliverJob {
  return {
    name: WEBHOOK_JOBS.deliverWebhook,
    data: { deliveryId },
    jobId: webhookJobId(deliveryId, attempt),
    delay,
  };
}
