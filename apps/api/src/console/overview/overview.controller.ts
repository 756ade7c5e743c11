import { Get, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { overviewPage } from './overview.page';
import { OverviewService } from './overview.service';

@ConsoleScreen('console')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  async show(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, overviewPage(session, await this.overview.overview(session.actor)));
  }
}
