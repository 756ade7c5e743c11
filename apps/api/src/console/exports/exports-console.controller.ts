import { Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { ParticipantExports, ProgrammePrints } from '@app/exports';
import { ProgrammeQueryDto } from '../../exports/export-query.dto';
import { sendExportedFile } from '../../exports/send-exported-file';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { ConsoleDownloadQueryDto } from './console-download-query.dto';

/**
 * The console's downloads: the same exports as the API, with the session's actor, so that its
 * role decides (a viewer gets no sensitive answers) and the audit trail names the person.
 */
@ConsoleScreen('console/exports/events/:eventId')
export class ExportsConsoleController {
  constructor(
    private readonly participants: ParticipantExports,
    private readonly programmes: ProgrammePrints,
  ) {}

  @Get('participants')
  async participantList(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query() query: ConsoleDownloadQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.participants.export(session.actor, eventId, {
      format: query.format,
      language: query.lang ?? session.account.language,
      includeSensitive: query.includeSensitive ?? false,
    });
    sendExportedFile(response, file);
  }

  @Get('programme.pdf')
  async programme(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query() query: ProgrammeQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendExportedFile(
      response,
      await this.programmes.print(session.actor, eventId, query.lang ?? session.account.language),
    );
  }
}
