import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import { registrationConfig } from '@app/config';
import { keepRepeated, QUEUES, REGISTRATION_JOBS } from '@app/queue';

/** Keeps the erasure of sensitive answers scheduled every SENSITIVE_ANSWERS_ERASE_INTERVAL_MINUTES. */
@Injectable()
export class SensitiveAnswersErasureSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(SensitiveAnswersErasureSchedule.name);

  constructor(
    @InjectQueue(QUEUES.registration) private readonly queue: Queue,
    @Inject(registrationConfig.KEY) private readonly config: ConfigType<typeof registrationConfig>,
  ) {}

  onApplicationBootstrap(): void {
    keepRepeated(
      this.queue,
      {
        schedulerId: 'sensitive-answers-erasure',
        name: REGISTRATION_JOBS.eraseSensitiveAnswers,
        everyMs: this.config.eraseIntervalMs,
        scheduled: `Sensitive answers are erased ${this.config.sensitiveRetentionDays} days after their event, checked every ${this.config.eraseIntervalMs / 60_000} min`,
      },
      this.logger,
    );
  }
}
