import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { EmailsModule } from '@app/emails';
import { PlanningModule } from '@app/planning';
import { Account } from './account.entity';
import { AccountsService } from './accounts.service';
import { Membership } from './membership.entity';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInRequest } from './sign-in-request.entity';
import { SignInSecrets } from './sign-in-secrets';
import { SignInService } from './sign-in.service';
import { SingleSignOnService } from './single-sign-on.service';
import { TeamService } from './team.service';

/** Organisers' personal accounts: sign-in by email, sessions, memberships and the team. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, Membership, SignInRequest, Session]),
    PlanningModule,
    EmailsModule,
    AuditModule,
  ],
  providers: [SignInSecrets, SignInService, SingleSignOnService, SessionsService, TeamService, AccountsService],
  exports: [SignInService, SingleSignOnService, SessionsService, TeamService, AccountsService],
})
export class AccountsModule {}
