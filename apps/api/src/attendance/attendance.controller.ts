import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedKey } from '@app/access';
import { attendanceCsv, AttendanceService } from '@app/attendance';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AttendanceChangesDto } from './attendance.dto';
import { attendanceView, AttendanceView } from './attendance.view';
import { sendCsv } from '../http/send-csv';

const CSV_DESCRIPTION =
  'UTF-8 with a BOM, separated by ";" (what Excel expects in German settings): person, organisation, event, date (at the venue), present (yes/no), checked in at (local time at the venue).';

/** Check-in through the API: the hosts' keys read and tick; viewers read; others get 403 or 404. */
@ApiTags('attendance')
@ApiKeyAuth()
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('events/:id/attendance')
  @ApiOperation({ summary: 'Who is expected at the event or session, and who is checked in.' })
  @ApiOkResponse({ type: AttendanceView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  async show(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string): Promise<AttendanceView> {
    return attendanceView(await this.attendance.sheet(actor, id));
  }

  @Put('events/:id/attendance')
  @ApiOperation({
    summary: 'Check people in or undo it, all at once.',
    description: 'Checking someone in again keeps the first time. Every change is in the audit trail.',
  })
  @ApiOkResponse({ type: AttendanceView })
  @ApiProblems({
    400: ['invalid_input'],
    403: ['forbidden'],
    404: ['event_not_found', 'attendee_not_found'],
  })
  async change(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: AttendanceChangesDto,
  ): Promise<AttendanceView> {
    return attendanceView(await this.attendance.change(actor, id, body.changes));
  }

  @Get('events/:id/attendance/report')
  @ApiOperation({
    summary: 'The attendance report of the event, as CSV for funders.',
    description: CSV_DESCRIPTION,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The report.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  async eventReport(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendCsv(
      response,
      `attendance-${id}.csv`,
      attendanceCsv(await this.attendance.eventReport(actor, id), 'en'),
    );
  }

  @Get('partnerships/:id/attendance/report')
  @ApiOperation({
    summary: "The attendance report of the partnership's events your organisation hosts, as CSV.",
    description: CSV_DESCRIPTION,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The report.' })
  @ApiProblems({ 404: ['partnership_not_found'] })
  async partnershipReport(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.attendance.partnershipReport(actor, id);
    sendCsv(response, `attendance-partnership-${id}.csv`, attendanceCsv(rows, 'en'));
  }
}
