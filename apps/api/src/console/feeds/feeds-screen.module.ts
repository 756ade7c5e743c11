import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { FeedsModule } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CsrfGuard } from '../csrf.guard';
import { FeedsController } from './feeds.controller';
import { FeedsScreenService } from './feeds-screen.service';

/** The console's Feeds screen: feed addresses with copy and subscribe buttons, personal feed links. */
@Module({
  imports: [AccountsModule, PlanningModule, FeedsModule],
  controllers: [FeedsController],
  providers: [ConsoleCookies, ConsoleSessionGuard, CsrfGuard, FeedsScreenService],
})
export class FeedsScreenModule {}
