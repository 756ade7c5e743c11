import { Module } from '@nestjs/common';
import { QueueModule } from '@app/queue';
import { RegistrationModule } from '@app/registration';
import { SensitiveAnswersErasureProcessor } from './sensitive-answers-erasure.processor';
import { SensitiveAnswersErasureSchedule } from './sensitive-answers-erasure.schedule';

@Module({
  imports: [RegistrationModule, QueueModule],
  providers: [SensitiveAnswersErasureProcessor, SensitiveAnswersErasureSchedule],
})
export class RegistrationWorkerModule {}
