import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { RegistrationModule } from '@app/registration';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { EventChangesController } from './event-changes.controller';
import { ProgrammeController } from './programme.controller';
import { ProgrammeService } from './programme.service';
import { QuestionsController } from './questions.controller';
import { SignUpSwitchController } from './sign-up-switch.controller';

/** The console's Programme screen: events and their parts, planned in the browser. */
@Module({
  imports: [AccountsModule, PlanningModule, InvitationsModule, RegistrationModule],
  controllers: [ProgrammeController, EventChangesController, QuestionsController, SignUpSwitchController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, ProgrammeService],
})
export class ProgrammeModule {}
