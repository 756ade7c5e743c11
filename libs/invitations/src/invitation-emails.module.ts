import { Module } from '@nestjs/common';
import { FeedLinks } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { AnswerLinks } from './answer-links';
import { InvitationEmails } from './invitation-emails.service';
import { ParticipantEmails } from './participant-emails.service';
import { ParticipantSecrets } from './participant-secrets';
import { SignUpEmails } from './sign-up/sign-up-emails.service';
import { SignUpSecrets } from './sign-up/sign-up-secrets';

/**
 * For the mail job: what invitation, participant and sign-up emails say and whether they still
 * apply, without the rest of invitations.
 */
@Module({
  imports: [PlanningModule],
  providers: [
    InvitationEmails,
    ParticipantEmails,
    SignUpEmails,
    AnswerLinks,
    ParticipantSecrets,
    SignUpSecrets,
    FeedLinks,
  ],
  exports: [InvitationEmails, ParticipantEmails, SignUpEmails],
})
export class InvitationEmailsModule {}
