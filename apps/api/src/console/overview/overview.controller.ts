import { Controller, Get, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { ConsoleSession } from '@app/accounts';
import { ConsolePageFilter } from '../console-page.filter';
import { ConsoleSessionGuard } from '../console-session.guard';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { overviewPage } from './overview.page';
import { OverviewService } from './overview.service';

@Public()
@ApiExcludeController()
@UseFilters(ConsolePageFilter)
@UseGuards(ConsoleSessionGuard)
@Controller('console')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  async show(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, overviewPage(session, await this.overview.overview(session.actor)));
  }
}
