import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { HostingModule } from '@app/hosting';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { HostingScreenController } from './hosting.controller';
import { HostingScreenService } from './hosting-screen.service';

/** The console's Hosting screen: hosts per night and programme item, rooming list, itineraries, schedules. */
@Module({
  imports: [AccountsModule, PlanningModule, HostingModule],
  controllers: [HostingScreenController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, HostingScreenService],
})
export class HostingScreenModule {}
