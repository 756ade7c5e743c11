import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { redisConfig, webhooksConfig } from '@app/config';
import {
  enqueueJobs,
  JobRequest,
  OutboxRelay,
  QUEUES,
  relayInBatches,
  restoreLostJobs,
  RetryPolicy,
  WEBHOOK_JOBS,
} from '@app/queue';
import { WEBHOOKS_OUTBOX } from './relay-nudge';
import { webhookJobId } from './webhook-job-id';

type DeliverJob = JobRequest<typeof QUEUES.webhooks, typeof WEBHOOK_JOBS.deliverWebhook>;

/** Rows claimed per transaction, short enough to hold their locks briefly. */
const RELAY_BATCH = 500;
/** Jobs compared with Redis per round trip when rebuilding. */
const REBUILD_PAGE = 200;
/** How long past the request timeout a `delivering` row counts as cut off by a dead worker. */
const ABANDONED_MARGIN_MS = 30_000;
/**
 * BullMQ's own retries are for the worker's trouble (a database hiccup while claiming), not the
 * receiver's: those are scheduled on the row, one job per attempt.
 */
const JOB_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 5_000 };

/**
 * Moves due deliveries from Postgres to BullMQ, one job per attempt named after the delivery and
 * the attempt's number, delayed until the attempt is due. Postgres is the truth; Redis carries
 * ids and timers and is rebuilt from the rows when it lost them. Also gives deliveries left
 * `delivering` by a worker that died to the next attempt, on every pass. Runs in every worker
 * process, driven by an OutboxRelayLoop; several at once are safe (SKIP LOCKED, deterministic
 * job ids).
 */
@Injectable()
export class WebhookRelay extends OutboxRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
    @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>,
    @Inject(webhooksConfig.KEY) private readonly settings: ConfigType<typeof webhooksConfig>,
  ) {
    super(redis, {
      outbox: WEBHOOKS_OUTBOX,
      rows: 'webhook deliveries',
      intervalMs: settings.relayIntervalMs,
      recoverAbandonedEvery: 'pass',
    });
  }

  /** Asks for a pass without waiting for it (a failed attempt's next one is to be scheduled). */
  request(): void {
    this.loop.request('pass');
  }

  /** Enqueues every pending delivery that has no job yet, delayed until its attempt is due. */
  relayDue(): Promise<number> {
    return relayInBatches(RELAY_BATCH, () =>
      this.dataSource.transaction(async (manager) => {
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
      }),
    );
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
      const lost = await restoreLostJobs<typeof QUEUES.webhooks, DeliverJob>(
        this.queue,
        rows.map((row) => ({ ...deliverJob(row.id, 0, Number(row.delay_ms)), jobId: row.job_id })),
        JOB_RETRY,
      );
      restored += lost.length;
    }
    return restored;
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
