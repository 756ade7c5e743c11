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
import { OpenSignUp } from './sign-up/open-sign-up.entity';
import { SignUp } from './sign-up/sign-up.entity';
import { SignUpRetention } from './sign-up/sign-up-retention';
import { SignUpSecrets } from './sign-up/sign-up-secrets';
import { SignUpsService } from './sign-up/sign-ups.service';

/**
 * Invitations, answers, workshop seats, reminder schedules and open sign-up. Importing it also registers the
 * listener that turns event changes into update, cancellation and reminder emails.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Invitation, WorkshopChoice, OpenSignUp, SignUp]),
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
    SignUpSecrets,
    SignUpRetention,
    SignUpsService,
  ],
  exports: [
    InvitationsService,
    AnswersService,
    AnswerLinks,
    ParticipantProgrammes,
    SignUpsService,
    SignUpSecrets,
  ],
})
export class InvitationsModule {}
