import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { EmailsModule } from '@app/emails';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from './console-cookies';
import { ConsoleSessionController } from './console-session.controller';
import { ConsoleSessionGuard } from './console-session.guard';
import { CopyFieldModule } from './copy-field/copy-field.module';
import { CsrfGuard } from './csrf.guard';
import { FeedsScreenModule } from './feeds/feeds-screen.module';
import { OverviewController } from './overview/overview.controller';
import { OverviewService } from './overview/overview.service';
import { SettingsModule } from './settings/settings.module';
import { SignInController } from './sign-in/sign-in.controller';
import { TeamController } from './team/team.controller';

/** The organiser console: server-rendered pages under /console, signed in with personal accounts. */
@Module({
  imports: [
    AccountsModule,
    PlanningModule,
    InvitationsModule,
    EmailsModule,
    CopyFieldModule,
    FeedsScreenModule,
    SettingsModule,
  ],
  controllers: [SignInController, ConsoleSessionController, OverviewController, TeamController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, OverviewService],
})
export class ConsoleModule {}
