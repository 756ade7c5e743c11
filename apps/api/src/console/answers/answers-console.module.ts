import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { EmailsModule } from '@app/emails';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { RegistrationModule } from '@app/registration';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { AnswersController } from './answers.controller';
import { EventAnswersService } from './event-answers.service';

/** The console's answers screen (/console/answers). */
@Module({
  imports: [AccountsModule, PlanningModule, InvitationsModule, EmailsModule, RegistrationModule],
  controllers: [AnswersController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, EventAnswersService],
})
export class AnswersConsoleModule {}
