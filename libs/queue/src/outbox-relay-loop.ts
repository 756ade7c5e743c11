import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { enqueueJobs, JobRequest, RetryPolicy } from './jobs';
import { QueueName } from './queue-names';
import { createRedis } from './redis-connection';

/** A full comparison of an outbox with Redis, besides the one at start and after data loss. */
const REBUILD_INTERVAL_MS = 10 * 60_000;
/** Job states in which a job no longer carries its rows, though the rows are not settled. */
const LOST_JOB_STATES = ['unknown', 'completed', 'failed'];

/**
 * The Redis pub/sub channel on which producers ask an outbox's relay for a pass right away.
 * Stored nowhere, but API and worker of different versions meet on it during a deploy: keep it.
 */
export function relayNudgeChannel(queuePrefix: string, outbox: string): string {
  return `${queuePrefix}:${outbox}:relay`;
}

/** What one outbox's relay does; OutboxRelayLoop decides when. */
export interface OutboxRelayWork {
  /** Enqueues the rows that have no job yet; returns how many. */
  relayDue(): Promise<number>;
  /** Re-adds the jobs of rows that Redis does not have (see restoreLostJobs); returns how many rows. */
  rebuild(): Promise<number>;
  /** Hands rows left in flight by a worker that died back to delivery; returns how many. */
  recoverAbandoned(): Promise<number>;
}

/** Where Redis is: the `redis` config namespace. */
export interface RedisLocation {
  url: string;
  queuePrefix: string;
}

export interface OutboxRelaySettings {
  /** The outbox's name in Redis keys (nudge channel, rebuilt marker): never rename it once released. */
  outbox: string;
  /** What the rows are, for the logs ("emails", "webhook deliveries"). */
  rows: string;
  /** How often the loop checks Redis and relays without being nudged. */
  intervalMs: number;
  /** Rows left in flight are looked for on every pass, or (when the query is dearer) this often. */
  recoverAbandonedEvery: 'pass' | { ms: number };
}

type PassKind = 'pass' | 'recover' | 'rebuild';

/**
 * Drives an outbox relay in a worker process: a pass on start, every few seconds, and whenever a
 * producer nudges; a full rebuild of Redis from the outbox on start, every ten minutes, and as
 * soon as Redis appears to have lost its data (its rebuilt marker is gone); and recovery of rows
 * a dead worker left in flight. Requests coalesce: at most one pass runs per process, and one more
 * follows if asked meanwhile. Several processes at once are safe as long as the work is (SKIP
 * LOCKED claims, deterministic job ids).
 */
export class OutboxRelayLoop {
  private readonly logger: Logger;
  private subscriber: Redis | null = null;
  private commands: Redis | null = null;
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private readonly requested = new Set<PassKind>();

  constructor(
    private readonly work: OutboxRelayWork,
    private readonly redis: RedisLocation,
    private readonly settings: OutboxRelaySettings,
  ) {
    this.logger = new Logger(`OutboxRelayLoop(${settings.outbox})`);
  }

  /** Subscribes to nudges and rebuilds Redis from the outbox; resolves once that first pass is done. */
  async start(): Promise<void> {
    this.subscriber = createRedis(this.redis.url, 'queue');
    this.subscriber.on('message', () => this.request('pass'));
    this.subscriber.on('error', (error) => this.logger.warn(`Relay subscription: ${error.message}`));
    await this.subscriber.subscribe(relayNudgeChannel(this.redis.queuePrefix, this.settings.outbox));
    this.request('rebuild');
    this.timers.push(
      setInterval(() => void this.tick(), this.settings.intervalMs),
      setInterval(() => this.request('rebuild'), REBUILD_INTERVAL_MS),
    );
    const every = this.settings.recoverAbandonedEvery;
    if (every !== 'pass') this.timers.push(setInterval(() => this.request('recover'), every.ms));
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

  /** Asks for a pass (and, with `rebuild` or `recover`, for that too) without waiting for it. */
  request(kind: PassKind): void {
    this.requested.add('pass').add(kind);
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async tick(): Promise<void> {
    try {
      const marker = await this.redisCommands().exists(this.rebuiltMarker());
      this.request(marker ? 'pass' : 'rebuild');
    } catch (error) {
      this.logger.warn(`The ${this.settings.rows} relay cannot reach Redis: ${String(error)}`);
    }
  }

  private async drain(): Promise<void> {
    while (this.requested.has('pass')) {
      const rebuild = this.requested.has('rebuild');
      const recover = this.requested.has('recover') || this.settings.recoverAbandonedEvery === 'pass';
      this.requested.clear();
      try {
        if (recover) await this.recoverAbandoned();
        if (rebuild) await this.rebuild();
        const relayed = await this.work.relayDue();
        if (relayed > 0) this.logger.log(`Relayed ${relayed} ${this.settings.rows} to their queue`);
      } catch (error) {
        this.logger.error(
          `The ${this.settings.rows} relay pass failed; the next one retries: ${String(error)}`,
        );
      }
    }
  }

  private async recoverAbandoned(): Promise<void> {
    const recovered = await this.work.recoverAbandoned();
    if (recovered > 0)
      this.logger.warn(`Recovered ${recovered} ${this.settings.rows} left in flight by a stopped worker`);
  }

  private async rebuild(): Promise<void> {
    const restored = await this.work.rebuild();
    await this.redisCommands().set(this.rebuiltMarker(), new Date().toISOString());
    if (restored > 0)
      this.logger.warn(`Restored the jobs of ${restored} ${this.settings.rows} that Redis did not have`);
  }

  /** Present while Redis holds what the last rebuild left; gone after a flush or data loss. */
  private rebuiltMarker(): string {
    return `${this.redis.queuePrefix}:${this.settings.outbox}:rebuilt-at`;
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

/**
 * Adds again, under their own ids, the jobs that Redis no longer has or that finished without
 * their rows being settled (a job removed, a flush, a worker that gave up); returns those added.
 * A finished job under the same id would turn the add into a no-op, so it is removed first.
 * Adding is idempotent, and a job re-reads its rows, so an extra job never delivers twice.
 * Name the queue in the call (`restoreLostJobs<typeof QUEUES.mail, …>`): a Queue does not carry it.
 */
export async function restoreLostJobs<Q extends QueueName, Job extends JobRequest<Q>>(
  queue: Queue,
  jobs: Job[],
  retry: RetryPolicy,
): Promise<Job[]> {
  const states = await Promise.all(jobs.map((job) => queue.getJobState(job.jobId)));
  const lost = jobs.filter((_, index) => LOST_JOB_STATES.includes(states[index]));
  const finished = jobs.filter((_, index) => states[index] === 'completed' || states[index] === 'failed');
  await Promise.all(finished.map((job) => queue.remove(job.jobId)));
  await enqueueJobs(queue, lost, retry);
  return lost;
}

/**
 * An outbox's relay: its work (OutboxRelayWork) driven by a loop of its own, which the worker
 * starts and stops with the relay.
 */
export abstract class OutboxRelay implements OutboxRelayWork {
  protected readonly loop: OutboxRelayLoop;

  protected constructor(redis: RedisLocation, settings: OutboxRelaySettings) {
    this.loop = new OutboxRelayLoop(this, redis, settings);
  }

  /** Rebuilds Redis from the outbox, then relays periodically and on nudges until stop(). */
  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  abstract relayDue(): Promise<number>;
  abstract rebuild(): Promise<number>;
  abstract recoverAbandoned(): Promise<number>;
}

/**
 * Relays an outbox a batch at a time until a batch comes back short, each batch in its own
 * transaction (`relayBatch` claims at most `batchSize` rows, enqueues their jobs and notes them),
 * so that row locks are held only briefly; returns how many rows were relayed.
 */
export async function relayInBatches(batchSize: number, relayBatch: () => Promise<number>): Promise<number> {
  let relayed = 0;
  for (;;) {
    const count = await relayBatch();
    relayed += count;
    if (count < batchSize) return relayed;
  }
}
