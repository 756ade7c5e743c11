import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { EmailsModule } from '@app/emails';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { AnswersConsoleModule } from './answers/answers-console.module';
import { CheckInModule } from './check-in/check-in.module';
import { ConsoleCookies } from './console-cookies';
import { ConsoleSessionController } from './console-session.controller';
import { ConsoleSessionGuard } from './console-session.guard';
import { CopyFieldModule } from './copy-field/copy-field.module';
import { CsrfGuard } from './csrf.guard';
import { ExportsConsoleModule } from './exports/exports-console.module';
import { FeedsScreenModule } from './feeds/feeds-screen.module';
import { HostingScreenModule } from './hosting/hosting-screen.module';
import { InviteModule } from './invite/invite.module';
import { OverviewController } from './overview/overview.controller';
import { OverviewService } from './overview/overview.service';
import { ConsolePeopleModule } from './people/people.module';
import { ProgrammeModule } from './programme/programme.module';
import { SettingsModule } from './settings/settings.module';
import { ReturnPathCookie } from './sign-in/return-path';
import { SignInController } from './sign-in/sign-in.controller';
import { SingleSignOnModule } from './single-sign-on/single-sign-on.module';
import { TeamController } from './team/team.controller';
import { TimeWordsModule } from './time-words/time-words.module';

/** The organiser console: server-rendered pages under /console, signed in with personal accounts. */
@Module({
  imports: [
    AccountsModule,
    PlanningModule,
    InvitationsModule,
    EmailsModule,
    SingleSignOnModule,
    ProgrammeModule,
    InviteModule,
    AnswersConsoleModule,
    ExportsConsoleModule,
    CheckInModule,
    ConsolePeopleModule,
    CopyFieldModule,
    FeedsScreenModule,
    HostingScreenModule,
    SettingsModule,
    TimeWordsModule,
  ],
  controllers: [SignInController, ConsoleSessionController, OverviewController, TeamController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, OverviewService, ReturnPathCookie],
})
export class ConsoleModule {}
