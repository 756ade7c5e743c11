import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AttendanceModule } from '@app/attendance';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { CheckInController } from './check-in.controller';

/** The console's Check-in screen: lists to tick, scanned codes, printed lists and reports. */
@Module({
  imports: [AccountsModule, PlanningModule, AttendanceModule],
  controllers: [CheckInController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard],
})
export class CheckInModule {}
