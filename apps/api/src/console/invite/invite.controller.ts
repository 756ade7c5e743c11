import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { InviteSelectionFormDto } from './invite-form.dto';
import { attempt } from './invite-problems';
import { eventChoicePage, invitePage, SentNotice } from './invite.page';
import { InviteSelection, InviteService, NO_SELECTION } from './invite.service';

const INVITATIONS_PATH = '/console/invitations';

/**
 * Invitations: choose an event, then whom to invite, preview the emails and send. Viewers see the
 * pages; InvitationsService refuses their posts.
 */
@ConsoleScreen('console/invitations')
export class InviteController {
  constructor(private readonly invite: InviteService) {}

  @Get()
  async events(@CurrentSession() session: ConsoleSession, @Res() response: Response): Promise<void> {
    sendConsolePage(response, 200, eventChoicePage(session, await this.invite.upcomingEvents(session.actor)));
  }

  @Get(':eventId')
  async show(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Query('sent') sent: string | undefined,
    @Query('already') already: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const screen = await this.invite.screen(session.actor, eventId, NO_SELECTION);
    sendConsolePage(response, 200, invitePage({ session, screen, selection: NO_SELECTION, notice: noticeOf(sent, already) }));
  }

  /** Searching people and previewing re-show the form with the choice kept; nothing is stored. */
  @Post(':eventId')
  async choose(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() form: InviteSelectionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const selection = selectionOf(form);
    if (form.step !== 'preview') await this.invite.assertMayInvite(session.actor, eventId);
    const { value: preview, problem } =
      form.step === 'preview'
        ? await attempt(() => this.invite.preview(session.actor, eventId, selection))
        : { value: null, problem: null };
    const screen = await this.invite.screen(session.actor, eventId, selection);
    sendConsolePage(response, problem?.status ?? 200, invitePage({ session, screen, selection, preview, problem }));
  }

  @Post(':eventId/send')
  async send(
    @CurrentSession() session: ConsoleSession,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() form: InviteSelectionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const selection = selectionOf(form);
    const { value: result, problem } = await attempt(() => this.invite.send(session.actor, eventId, selection));
    if (result) {
      const sent = result.invited + result.reinvited;
      response.redirect(303, `${INVITATIONS_PATH}/${eventId}?sent=${sent}&already=${result.alreadyInvited}`);
      return;
    }
    const screen = await this.invite.screen(session.actor, eventId, selection);
    sendConsolePage(response, problem.status, invitePage({ session, screen, selection, problem }));
  }
}

function selectionOf(form: InviteSelectionFormDto): InviteSelection {
  return {
    personIds: form.personIds ?? [],
    organisationIds: form.organisationIds ?? [],
    partnershipIds: form.partnershipIds ?? [],
    workshopIds: form.workshopIds ?? [],
    q: form.q?.trim() ?? '',
  };
}

/** The counts after sending, as the redirect carries them; anything else shows no notice. */
function noticeOf(sent: string | undefined, already: string | undefined): SentNotice | null {
  if (sent === undefined || !/^\d{1,6}$/.test(sent) || !/^\d{1,6}$/.test(already ?? '0')) return null;
  return { sent: Number(sent), alreadyInvited: Number(already ?? '0') };
}
