import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { isQueueHandlers, problemsWithHandlers, QueueHandlers } from './job-handlers';

type Processor = WorkerHost & QueueHandlers;

/**
 * Starts the BullMQ workers only after checking that every job name has exactly one handler, and
 * on shutdown (SIGTERM) lets in-flight jobs finish before the database and SMTP connections close.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private processors: Processor[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

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
    this.processors.forEach((processor) => processor.beforeClose?.());
    await Promise.all(this.processors.map((processor) => processor.worker.close()));
  }
}
