import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanningModule } from '@app/planning';
import { Account } from './account.entity';
import { SignInEmails } from './sign-in-emails.service';
import { SignInRequest } from './sign-in-request.entity';
import { SignInSecrets } from './sign-in-secrets';

/** For the worker's mail job: what a claimed sign-in email says. */
@Module({
  imports: [TypeOrmModule.forFeature([Account, SignInRequest]), PlanningModule],
  providers: [SignInSecrets, SignInEmails],
  exports: [SignInEmails],
})
export class SignInEmailsModule {}
