import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PlanningModule } from '@app/planning';
import { RegistrationAnswer } from './registration-answer.entity';
import { RegistrationAnswersService } from './registration-answers.service';
import { RegistrationQuestion } from './registration-question.entity';
import { RegistrationQuestionsService } from './registration-questions.service';
import { SensitiveAnswersRetentionDays } from './sensitive-answers-retention.entity';
import { SensitiveAnswersRetention } from './sensitive-answers-retention.service';

/** Registration questions of events and the answers people give to them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([RegistrationQuestion, RegistrationAnswer, SensitiveAnswersRetentionDays]),
    PlanningModule,
    AuditModule,
  ],
  providers: [RegistrationQuestionsService, RegistrationAnswersService, SensitiveAnswersRetention],
  exports: [RegistrationQuestionsService, RegistrationAnswersService, SensitiveAnswersRetention],
})
export class RegistrationModule {}
