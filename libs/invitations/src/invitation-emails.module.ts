import { Module } from '@nestjs/common';
import { PlanningModule } from '@app/planning';
import { AnswerLinks } from './answer-links';
import { InvitationEmails } from './invitation-emails.service';

/** For the mail job: what invitation emails say and whether they still apply, without the rest of invitations. */
@Module({
  imports: [PlanningModule],
  providers: [InvitationEmails, AnswerLinks],
  exports: [InvitationEmails],
})
export class InvitationEmailsModule {}
