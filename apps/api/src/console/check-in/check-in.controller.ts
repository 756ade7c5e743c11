import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import {
  attendanceCsv,
  AttendanceError,
  AttendanceService,
  checkInPath,
  CheckInCodes,
  printAttendanceList,
} from '@app/attendance';
import { PartnershipsService } from '@app/planning';
import { ConsoleFormDto } from '../console-forms.dto';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { TickFormDto } from './check-in-forms.dto';
import { checkInIndexPage, checkInSheetPage, scanPage, SheetNotice, sheetPath } from './check-in.page';
import { sendCsv } from '../../http/send-csv';

const PARTNERSHIPS_LISTED = 50;

/**
 * Check-in on a phone: the events of today and soon, a list to tick (filtered by a GET form, so
 * it works without scripts), the page a scanned code opens, and the printed list and reports.
 * Everything goes through AttendanceService with the session's actor: viewers read, never tick.
 */
@ConsoleScreen('console/check-in')
export class CheckInController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly codes: CheckInCodes,
    private readonly partnerships: PartnershipsService,
  ) {}

  @Get()
  async index(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    const [events, partnerships] = await Promise.all([
      this.attendance.eventsSoon(session.actor),
      this.partnerships.list({ organisationId: session.actor.organisationId, limit: PARTNERSHIPS_LISTED }),
    ]);
    sendConsolePage(response, 200, checkInIndexPage(session, events, partnerships.items));
  }

  @Get('partnerships/:partnershipId/attendance.csv')
  async partnershipReport(
    @CurrentSession() session: ConsoleSession,
    @Param('partnershipId', ParseUUIDPipe) partnershipId: string,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.attendance.partnershipReport(session.actor, partnershipId);
    sendCsv(
      response,
      `attendance-partnership-${partnershipId}.csv`,
      attendanceCsv(rows, session.account.language),
    );
  }

  @Get(':eventId')
  async sheet(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query('q') q: string | undefined,
    @Query('done') done: string | undefined,
    @Query('undone') undone: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const sheet = await this.attendance.sheet(session.actor, eventId);
    const named = (id: string | undefined) => sheet.entries.find((entry) => entry.invitationId === id)?.name;
    const doneName = named(done);
    const undoneName = named(undone);
    const notice: SheetNotice = doneName
      ? { kind: 'checkedIn', name: doneName }
      : undoneName
        ? { kind: 'undone', name: undoneName }
        : null;
    const filter = typeof q === 'string' ? q.slice(0, 200) : '';
    sendConsolePage(response, 200, checkInSheetPage(session, sheet, filter, notice));
  }

  @Post(':eventId/attendance')
  async tick(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() form: TickFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const present = form.present === '1';
    await this.attendance.change(session.actor, eventId, [{ invitationId: form.invitation, present }]);
    const back = new URLSearchParams({
      ...(form.q ? { q: form.q } : {}),
      [present ? 'done' : 'undone']: form.invitation,
    });
    response.redirect(303, `${sheetPath(eventId)}?${back.toString()}#attendee-${form.invitation}`);
  }

  @Get(':eventId/attendance.pdf')
  async print(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const sheet = await this.attendance.sheet(session.actor, eventId);
    const pdf = await printAttendanceList(sheet, session.account);
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="attendance-${eventId}.pdf"`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  @Get(':eventId/attendance.csv')
  async report(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.attendance.eventReport(session.actor, eventId);
    sendCsv(response, `attendance-${eventId}.csv`, attendanceCsv(rows, session.account.language));
  }

  @Get(':eventId/:code')
  async scanned(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('code') code: string,
    @Res() response: Response,
  ): Promise<void> {
    const invitationId = this.invitationOf(code);
    const sheet = await this.attendance.sheet(session.actor, eventId);
    const entry = sheet.entries.find((candidate) => candidate.invitationId === invitationId);
    if (!entry) throw AttendanceError.notExpected();
    sendConsolePage(response, 200, scanPage(session, sheet, entry, checkInPath(eventId, code)));
  }

  @Post(':eventId/:code')
  async confirmScanned(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('code') code: string,
    @Body() _form: ConsoleFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const invitationId = this.invitationOf(code);
    await this.attendance.change(session.actor, eventId, [{ invitationId, present: true }]);
    response.redirect(303, `${sheetPath(eventId)}?done=${invitationId}#attendee-${invitationId}`);
  }

  private invitationOf(code: string): string {
    const invitationId = this.codes.invitationOf(code);
    if (!invitationId) throw AttendanceError.notExpected();
    return invitationId;
  }
}
