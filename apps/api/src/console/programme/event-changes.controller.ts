import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { EventsService } from '@app/planning';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { cancelPage, changedMeanwhilePage, copyPage, movePage, publishPage } from './event-changes.page';
import { changedMeanwhile, CopyFormDto, EventFormDto, readAtOf, submitted } from './event-form';
import { editorPath } from './programme-list.page';
import { ProgrammeService } from './programme.service';

/**
 * Publish, move, cancel and copy: each first shows what it will do (who gets an email, what
 * calendar feeds show), and does it when confirmed with a POST.
 */
@ConsoleScreen('console/programme/events/:id')
export class EventChangesController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly events: EventsService,
  ) {}

  @Get('publish')
  async confirmPublish(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendConsolePage(response, 200, publishPage(session, await this.confirmation(session, id)));
  }

  @Post('publish')
  async publish(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.confirmed(session, id, response, 'published', () =>
      this.events.update(session.actor, id, { status: 'published' }, readAtOf(form.readAt)),
    );
  }

  @Get('cancel')
  async confirmCancel(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendConsolePage(response, 200, cancelPage(session, await this.confirmation(session, id)));
  }

  @Post('cancel')
  async cancel(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.confirmed(session, id, response, 'cancelled', () =>
      this.events.update(session.actor, id, { status: 'cancelled' }, readAtOf(form.readAt)),
    );
  }

  @Get('move')
  async confirmMove(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendConsolePage(response, 200, movePage(session, await this.confirmation(session, id)));
  }

  @Post('move')
  async move(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: EventFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const startsAt = (form.startsAt ?? '').trim();
    const endsAt = (form.endsAt ?? '').trim();
    const outcome = await submitted({ input: { startsAt, endsAt } }, (times) =>
      this.events.update(session.actor, id, times, readAtOf(form.readAt)),
    );
    if ('errors' in outcome && outcome.errors.status === 409) {
      await this.sendChangedMeanwhile(session, id, response);
      return;
    }
    if ('errors' in outcome) {
      const view = {
        ...(await this.confirmation(session, id)),
        again: { startsAt, endsAt, errors: outcome.errors },
      };
      sendConsolePage(response, outcome.errors.status, movePage(session, view));
      return;
    }
    response.redirect(303, `${editorPath(id)}?done=moved`);
  }

  @Get('copy')
  async confirmCopy(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendConsolePage(response, 200, copyPage(session, await this.programme.editor(session.actor, id)));
  }

  @Post('copy')
  async copy(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: CopyFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const startDate = (form.startDate ?? '').trim();
    const outcome = await submitted({ input: startDate === '' ? {} : { startDate } }, (request) =>
      this.events.copy(session.actor, id, request),
    );
    if ('errors' in outcome) {
      const editor = await this.programme.editor(session.actor, id);
      sendConsolePage(
        response,
        outcome.errors.status,
        copyPage(session, editor, { startDate, errors: outcome.errors }),
      );
      return;
    }
    response.redirect(303, `${editorPath(outcome.result.id)}?done=copied`);
  }

  /** Makes a confirmed change and goes back to the editor, or says that someone changed the event first. */
  private async confirmed(
    session: ConsoleSession,
    id: string,
    response: Response,
    done: 'published' | 'cancelled',
    change: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await change();
    } catch (error) {
      if (!changedMeanwhile(error)) throw error;
      await this.sendChangedMeanwhile(session, id, response);
      return;
    }
    response.redirect(303, `${editorPath(id)}?done=${done}`);
  }

  private async sendChangedMeanwhile(session: ConsoleSession, id: string, response: Response): Promise<void> {
    sendConsolePage(
      response,
      409,
      changedMeanwhilePage(session, await this.programme.editor(session.actor, id)),
    );
  }

  private async confirmation(session: ConsoleSession, id: string) {
    const [editor, informed] = await Promise.all([
      this.programme.editor(session.actor, id),
      this.programme.informedCount(session.actor, id),
    ]);
    return { editor, informed };
  }
}
