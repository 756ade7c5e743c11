import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { ExportsModule } from '@app/exports';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { ExportsConsoleController } from './exports-console.controller';

/** The console's downloads: participant lists and printed programmes. */
@Module({
  imports: [AccountsModule, ExportsModule],
  controllers: [ExportsConsoleController],
  providers: [ConsoleCookies, ConsoleSessionGuard],
})
export class ExportsConsoleModule {}
