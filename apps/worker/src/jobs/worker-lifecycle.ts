import { WorkerHost } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { mailConfig } from '@app/config';
import { isQueueHandlers, problemsWithHandlers, QueueHandlers } from './job-handlers';

type Processor = WorkerHost & QueueHandlers;

/** After the grace: how long the cut-short jobs may take to end, and then BullMQ to let go of them. */
const FORCED_CLOSE_MS = 3_000;
/** After the grace: when the process ends whatever still hangs (a connection to an unreachable Redis). */
const HARD_STOP_AFTER_GRACE_MS = 8_000;

/**
 * Starts the BullMQ workers only after checking that every job name has exactly one handler, and
 * on shutdown (SIGTERM) lets in-flight jobs finish before the database and SMTP connections close,
 * for WORKER_SHUTDOWN_GRACE_MS at most: then what is in flight is cut short (it stays in the
 * outbox), and a few seconds later the process ends even if Redis or PostgreSQL never answer.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private processors: Processor[] = [];

  private readonly graceMs: number;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(mailConfig.KEY) mail: ConfigType<typeof mailConfig>,
  ) {
    this.graceMs = mail.shutdownGraceMs;
  }

  onApplicationBootstrap(): void {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    const undeclared = hosts.filter((host) => !isQueueHandlers(host));
    const processors = hosts.filter((host): host is Processor => isQueueHandlers(host));
    const problems = [
      ...undeclared.map((host) => `${host.constructor.name} declares no queueName and handlers`),
      ...problemsWithHandlers(processors),
    ];
    if (problems.length > 0) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
    this.processors = processors;
    for (const processor of processors) {
      processor.worker.concurrency = processor.concurrency;
      // Without a listener BullMQ writes these to the console, past the logger and its level.
      processor.worker.on('error', (error) =>
        this.logger.error(`Worker for queue ${processor.queueName}: ${error.message}`),
      );
      processor.worker.run().catch((error: unknown) => {
        this.logger.error(`Worker for queue ${processor.queueName} stopped: ${String(error)}`);
      });
      this.logger.log(`Processing queue ${processor.queueName} with concurrency ${processor.concurrency}`);
    }
  }

  /**
   * Closing a BullMQ worker waits for its active jobs; processors first stop taking up new work
   * in them, so that only what is in flight finishes. The rest go back to others or to the next start.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Shutting down (${signal ?? 'close'}): finishing in-flight jobs`);
    if (signal) this.endProcessAfter(this.graceMs + HARD_STOP_AFTER_GRACE_MS);
    this.processors.forEach((processor) => processor.beforeClose?.());
    const closed = Promise.all(this.processors.map((processor) => processor.worker.close()));
    const finished = await Promise.race([
      closed.then(() => true),
      sleep(this.graceMs, false, { ref: false }),
    ]);
    if (finished) return;
    this.logger.warn(
      `In-flight jobs did not finish within ${this.graceMs} ms; cutting them short, their emails stay in the outbox`,
    );
    this.processors.forEach((processor) => processor.abandonInFlight?.());
    // Cut short, the jobs end as failures BullMQ retries with backoff; forcing the close first would
    // leave them active until their lock expires.
    if (await Promise.race([closed.then(() => true), sleep(FORCED_CLOSE_MS, false, { ref: false })])) return;
    await Promise.race([
      Promise.all(this.processors.map((processor) => processor.worker.close(true))),
      sleep(FORCED_CLOSE_MS, undefined, { ref: false }),
    ]);
  }

  /** A signal asked the process to end: it ends, even if a connection's close never returns. */
  private endProcessAfter(ms: number): void {
    setTimeout(() => {
      this.logger.error(`Shutdown still not done after ${ms} ms; ending the process`);
      process.exit(1);
    }, ms).unref();
  }
}
