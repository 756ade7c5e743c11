import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedKey } from '@app/access';
import { ParticipantExports, ParticipantFormat, ProgrammePrints } from '@app/exports';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { ParticipantExportQueryDto, ProgrammeQueryDto } from './export-query.dto';
import { sendExportedFile } from './send-exported-file';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

const PARTICIPANTS = `One row per invitation: name, email, organisation, department, language, answer, when invited and when answered (in the event's zone), one column per round of parallel workshops with the seat held or waited for, then the registration answers. For the event's hosts, co-hosts and admins; contact data of other organisations' people stays empty, as in the invitation list. The export is recorded in the audit trail.`;

const binary = (type: string, description: string) =>
  ApiOkResponse({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

/** Downloads of an event: its participant list and its printable programme. */
@ApiTags('exports')
@ApiKeyAuth()
@Controller('events/:id')
export class ExportsController {
  constructor(
    private readonly participants: ParticipantExports,
    private readonly programmes: ProgrammePrints,
  ) {}

  @Get('participants.csv')
  @ApiProduces(CSV)
  @ApiOperation({
    summary: 'The participant list as CSV (UTF-8 with byte order mark).',
    description: PARTICIPANTS,
  })
  @binary(CSV, 'CSV, every field quoted; semicolons for German, commas otherwise, as Excel expects.')
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  async csv(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: ParticipantExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendParticipants(actor, id, 'csv', query, response);
  }

  @Get('participants.xlsx')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'The participant list as an Excel workbook.', description: PARTICIPANTS })
  @binary(XLSX, 'One sheet, its header row frozen and filtered, dates as dates.')
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  async xlsx(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: ParticipantExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.sendParticipants(actor, id, 'xlsx', query, response);
  }

  @Get('programme.pdf')
  @ApiProduces(PDF)
  @ApiOperation({
    summary: 'The printable programme of an event, in a chosen language.',
    description:
      'Title, dates and place, then the parts day by day in local time at their place (a flight with both zones), parallel parts together. For everyone who may see the event.',
  })
  @binary(PDF, 'A PDF, A4.')
  @ApiProblems({ 404: ['event_not_found'] })
  async programme(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: ProgrammeQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendExportedFile(response, await this.programmes.print(actor, id, query.lang ?? 'en'));
  }

  private async sendParticipants(
    actor: AuthenticatedKey,
    id: string,
    format: ParticipantFormat,
    query: ParticipantExportQueryDto,
    response: Response,
  ): Promise<void> {
    const file = await this.participants.export(actor, id, {
      format,
      language: query.lang ?? 'en',
      includeSensitive: query.includeSensitive ?? false,
    });
    sendExportedFile(response, file);
  }
}
