import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AttendanceModule } from '@app/attendance';
import { AuditModule } from '@app/audit';
import { EmailsModule } from '@app/emails';
import { ExportsModule } from '@app/exports';
import { HostingModule } from '@app/hosting';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { RegistrationModule } from '@app/registration';
import { WebhooksModule } from '@app/webhooks';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AttendanceController } from './attendance/attendance.controller';
import { AuditController } from './audit/audit.controller';
import { EmailsController } from './emails/emails.controller';
import { EmbeddingSettingsController } from './embed/embedding-settings.controller';
import { EmbeddingSnippets } from './embed/embedding-snippets';
import { EventsController } from './events/events.controller';
import { ExportsController } from './exports/exports.controller';
import { HostingController } from './hosting/hosting.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { OrganisationsController } from './organisations/organisations.controller';
import { PartnershipsController } from './partnerships/partnerships.controller';
import { PeopleController } from './people/people.controller';
import { RegistrationController } from './registration/registration.controller';
import { SignUpSettingsController } from './sign-up/sign-up-settings.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/** The organiser API, mounted under /api/v1. */
@Module({
  imports: [
    PlanningModule,
    AccessModule,
    InvitationsModule,
    EmailsModule,
    AuditModule,
    WebhooksModule,
    ExportsModule,
    RegistrationModule,
    HostingModule,
    AttendanceModule,
  ],
  controllers: [
    OrganisationsController,
    PartnershipsController,
    PeopleController,
    EventsController,
    InvitationsController,
    ExportsController,
    SignUpSettingsController,
    EmailsController,
    ApiKeysController,
    AuditController,
    AttendanceController,
    WebhooksController,
    EmbeddingSettingsController,
    RegistrationController,
    HostingController,
  ],
  providers: [EmbeddingSnippets],
})
export class OrganiserApiModule {}
