import { Module } from '@nestjs/common';
import { PlanningModule } from '@app/planning';
import { AnswerLinks } from './answer-links';
import { InvitationEmails } from './invitation-emails.service';
import { SignUpEmails } from './sign-up/sign-up-emails.service';
import { SignUpSecrets } from './sign-up/sign-up-secrets';

/** For the mail job: what invitation and sign-up emails say and whether they still apply, without the rest of invitations. */
@Module({
  imports: [PlanningModule],
  providers: [InvitationEmails, AnswerLinks, SignUpEmails, SignUpSecrets],
  exports: [InvitationEmails, SignUpEmails],
})
export class InvitationEmailsModule {}
