import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

/** A housekeeping job the worker runs every so often, under a scheduler id of its own. */
export interface RepeatedJob {
  /** The scheduler's id in Redis: every worker upserts the same one, so there is one schedule. */
  schedulerId: string;
  name: string;
  everyMs: number;
  /** Logged once it is scheduled, e.g. what the job keeps and how often it runs. */
  scheduled: string;
}

/**
 * Keeps a job scheduled every `everyMs` (and due at once on start). Upserted at every worker
 * start, so a changed interval takes effect and a Redis that lost its data gets the schedule back.
 * Not awaited by the caller: with Redis unreachable at start, BullMQ waits for it, and the worker
 * must still start (and stop on SIGTERM); the schedule is upserted once Redis answers.
 */
export function keepRepeated(queue: Queue, job: RepeatedJob, logger: Logger): void {
  queue
    .upsertJobScheduler(
      job.schedulerId,
      { every: job.everyMs },
      {
        name: job.name,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 100 },
        },
      },
    )
    .then(
      () => logger.log(job.scheduled),
      (error: unknown) => logger.error(`${job.name} could not be scheduled: ${String(error)}`),
    );
}
