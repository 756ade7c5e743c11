import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ChangeVersionModule } from '@app/database';
import { EmailsModule } from '@app/emails';
import { PlanningModule } from '@app/planning';
import { WebhookOutboxModule } from '@app/webhooks';
import { AnswerLinks } from './answer-links';
import { AnswersService } from './answers.service';
import { Invitation } from './invitation.entity';
import { InvitationEmails } from './invitation-emails.service';
import { InvitationUpdates } from './invitation-updates.listener';
import { InviteeData } from './invitee-data';
import { InvitationsService } from './invitations.service';
import { ParticipantProgrammes } from './participant-programme.service';
import { ParticipantSecrets } from './participant-secrets';
import { RemindersService } from './reminders.service';
import { SeatsService } from './seats.service';
import { WorkshopChoice } from './workshop-choice.entity';

/**
 * Invitations, answers, workshop seats and reminder schedules. Importing it also registers the
 * listener that turns event changes into update, cancellation and reminder emails.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Invitation, WorkshopChoice]),
    PlanningModule,
    EmailsModule,
    AuditModule,
    WebhookOutboxModule,
    ChangeVersionModule,
  ],
  providers: [
    AnswerLinks,
    SeatsService,
    RemindersService,
    InvitationsService,
    AnswersService,
    InvitationUpdates,
    InviteeData,
    InvitationEmails,
    ParticipantSecrets,
    ParticipantProgrammes,
  ],
  exports: [InvitationsService, AnswersService, AnswerLinks, ParticipantProgrammes],
})
export class InvitationsModule {}
