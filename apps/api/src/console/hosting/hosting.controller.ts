import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import {
  HostingService,
  HostSchedulesService,
  ItinerariesService,
  printRoomingList,
  roomingListOf,
} from '@app/hosting';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { HostFormDto, RoomFormDto } from './hosting-form.dto';
import { HostingScreenService } from './hosting-screen.service';
import { HOSTING_PATH, hostingPage, HostingNotice, roomingListPage, visitsPage } from './hosting.page';

/**
 * Hosting: host families per night, guides, interpreters and drivers per programme item, the
 * rooming list, guests' itineraries and hosts' schedules. Every change goes through
 * HostingService with the session's actor, as the API does; a refused change is shown as the
 * console's error page with what was wrong (4xx).
 */
@ConsoleScreen('console/hosting')
export class HostingScreenController {
  constructor(
    private readonly screen: HostingScreenService,
    private readonly hosting: HostingService,
    private readonly itineraries: ItinerariesService,
    private readonly schedules: HostSchedulesService,
  ) {}

  @Get()
  async visits(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, visitsPage(session, await this.screen.visits(session.actor)));
  }

  @Get(':id')
  async show(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('saved') saved: string | undefined,
    @Query('queued') queued: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const notice: HostingNotice =
      queued !== undefined && /^\d+$/.test(queued)
        ? { kind: 'schedules', queued: Number(queued) }
        : saved === '1'
          ? { kind: 'saved' }
          : null;
    sendConsolePage(response, 200, hostingPage(session, await this.screen.screen(session.actor, id), notice));
  }

  @Post(':id/hosts')
  async assignHost(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: HostFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.hosting.assignHost(session.actor, id, {
      guestId: form.guestId,
      hostId: form.hostId,
      role: form.role,
      night: form.night || null,
      partId: form.partId || null,
      phone: form.phone,
      address: form.address,
      notes: form.notes,
    });
    response.redirect(303, `${HOSTING_PATH}/${id}?saved=1`);
  }

  @Post(':id/hosts/:assignmentId/remove')
  async unassignHost(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.hosting.unassignHost(session.actor, id, assignmentId);
    response.redirect(303, `${HOSTING_PATH}/${id}?saved=1`);
  }

  @Post(':id/rooms')
  async assignRoom(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: RoomFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.hosting.assignRoom(session.actor, id, {
      accommodationId: form.accommodationId,
      night: form.night,
      room: form.room,
      guestIds: form.guestIds ?? [],
    });
    response.redirect(303, `${HOSTING_PATH}/${id}?saved=1#rooms`);
  }

  @Post(':id/rooms/:assignmentId/remove')
  async unassignRoom(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.hosting.unassignRoom(session.actor, id, assignmentId);
    response.redirect(303, `${HOSTING_PATH}/${id}?saved=1#rooms`);
  }

  @Post(':id/schedules')
  async sendSchedules(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const sent = await this.schedules.send(session.actor, id);
    response.redirect(303, `${HOSTING_PATH}/${id}?queued=${sent.queued}`);
  }

  @Get(':id/rooming-list')
  async roomingList(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendConsolePage(response, 200, roomingListPage(session, await this.hosting.plan(session.actor, id)));
  }

  @Get(':id/rooming-list/pdf')
  async roomingListPdf(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const plan = await this.hosting.plan(session.actor, id);
    const { t } = consoleMessages(session);
    const language = session.account.language;
    const pdf = await printRoomingList(
      t('console.hosting.roomingListTitle', { visit: plan.visit.title }),
      language,
      roomingListOf(plan, language),
    );
    sendPdf(response, pdf, 'rooming-list.pdf');
  }

  @Get(':id/itineraries/:personId/pdf')
  async itineraryPdf(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    const itinerary = await this.itineraries.forOrganiser(session.actor, id, personId);
    sendPdf(response, await this.itineraries.pdf(itinerary), 'itinerary.pdf');
  }
}

function sendPdf(response: Response, pdf: Buffer, filename: string): void {
  response
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .send(pdf);
}
