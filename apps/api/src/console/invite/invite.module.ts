import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { InvitationsModule } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { InviteController } from './invite.controller';
import { InviteService } from './invite.service';

/** The console's Invitations screen. */
@Module({
  imports: [AccountsModule, PlanningModule, InvitationsModule],
  controllers: [InviteController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, InviteService],
})
export class InviteModule {}
