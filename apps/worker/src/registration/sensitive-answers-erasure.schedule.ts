import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { registrationConfig } from '@app/config';
import { QUEUES, REGISTRATION_JOBS } from '@app/queue';

/** The scheduler's id in Redis: every worker upserts the same one, so there is one schedule. */
const SCHEDULER_ID = 'sensitive-answers-erasure';

/**
 * Keeps the erasure of sensitive answers scheduled every SENSITIVE_ANSWERS_ERASE_INTERVAL_MINUTES
 * (and due at once on start), as the audit trail's pruning is: upserted at every start, so a
 * changed interval takes effect and a Redis that lost its data gets the schedule back.
 */
@Injectable()
export class SensitiveAnswersErasureSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SensitiveAnswersErasureSchedule.name);

  constructor(
    @InjectQueue(QUEUES.registration) private readonly queue: Queue,
    @Inject(registrationConfig.KEY) private readonly config: ConfigType<typeof registrationConfig>,
  ) {}

  /** Not awaited: with Redis unreachable at start the worker must still start (and stop on SIGTERM). */
  onApplicationBootstrap(): void {
    this.schedule().catch((error: unknown) =>
      this.logger.error(`The erasure of sensitive answers could not be scheduled: ${String(error)}`),
    );
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.eraseIntervalMs },
      {
        name: REGISTRATION_JOBS.eraseSensitiveAnswers,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 100 },
        },
      },
    );
    this.logger.log(
      `Sensitive answers are erased ${this.config.sensitiveRetentionDays} days after their event, checked every ${this.config.eraseIntervalMs / 60_000} min`,
    );
  }
}
