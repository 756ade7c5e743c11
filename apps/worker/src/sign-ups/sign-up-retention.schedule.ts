import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { keepRepeated, QUEUES, SIGN_UP_JOBS } from '@app/queue';

/** Links live 48 hours; a quarter of an hour more of an expired sign-up is no loss worth a busier job. */
const EVERY_MS = 15 * 60_000;

/** Keeps the deletion of expired sign-ups scheduled. */
@Injectable()
export class SignUpRetentionSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SignUpRetentionSchedule.name);

  constructor(@InjectQueue(QUEUES.signUps) private readonly queue: Queue) {}

  onApplicationBootstrap(): void {
    keepRepeated(
      this.queue,
      {
        schedulerId: 'sign-up-retention',
        name: SIGN_UP_JOBS.deleteExpiredSignUps,
        everyMs: EVERY_MS,
        scheduled: `Expired sign-ups are deleted every ${EVERY_MS / 60_000} min`,
      },
      this.logger,
    );
  }
}
