import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES, SIGN_UP_JOBS } from '@app/queue';

/** The scheduler's id in Redis: every worker upserts the same one, so there is one schedule. */
const SCHEDULER_ID = 'sign-up-retention';
/** Links live 48 hours; a quarter of an hour more of an expired sign-up is no loss worth a busier job. */
const EVERY_MS = 15 * 60_000;

/** Keeps the deletion of expired sign-ups scheduled; upserted at every start, as the audit pruning is. */
@Injectable()
export class SignUpRetentionSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SignUpRetentionSchedule.name);

  constructor(@InjectQueue(QUEUES.signUps) private readonly queue: Queue) {}

  /** Not awaited: the worker must start (and stop) while Redis is unreachable. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: EVERY_MS },
        {
          name: SIGN_UP_JOBS.deleteExpiredSignUps,
          data: {},
          opts: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      )
      .catch((error: unknown) =>
        this.logger.error(`Deleting expired sign-ups could not be scheduled: ${String(error)}`),
      );
  }
}
