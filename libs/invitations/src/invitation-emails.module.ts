import { Module } from '@nestjs/common';
import { FeedLinks } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { AnswerLinks } from './answer-links';
import { InvitationEmails } from './invitation-emails.service';
import { ParticipantEmails } from './participant-emails.service';
import { ParticipantSecrets } from './participant-secrets';

/**
 * For the mail job: what invitation and participant emails say and whether they still apply,
 * without the rest of invitations.
 */
@Module({
  imports: [PlanningModule],
  providers: [InvitationEmails, ParticipantEmails, AnswerLinks, ParticipantSecrets, FeedLinks],
  exports: [InvitationEmails, ParticipantEmails],
})
export class InvitationEmailsModule {}
