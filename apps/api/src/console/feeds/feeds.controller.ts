import { Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { FeedLink, FeedTokensService } from '@app/feeds';
import { consoleMessages } from '../console-layout';
import { confirmationPage } from '../confirmation/confirmation.page';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { FeedsScreenService } from './feeds-screen.service';
import { FEEDS_PATH, feedsPage, FeedsNotice } from './feeds.page';

/**
 * Feeds: every feed address of the organisation, and its people's personal links. Issuing,
 * rotating and revoking go through FeedTokensService with the session's actor, as the API does;
 * a new link is shown in the answer to the POST only, never in a URL.
 */
@ConsoleScreen('console/feeds')
export class FeedsController {
  constructor(
    private readonly screen: FeedsScreenService,
    private readonly tokens: FeedTokensService,
  ) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('people') peopleCursor: string | undefined,
    @Query('revoked') revoked: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const screen = await this.screen.screen(session.actor, peopleCursor);
    const revokedName = screen.people.find((entry) => entry.person.id === revoked)?.person.name;
    const notice: FeedsNotice = revokedName ? { kind: 'revoked', name: revokedName } : null;
    sendConsolePage(response, 200, feedsPage(session, screen, notice));
  }

  @Post('people/:personId/issue')
  async issue(
    @CurrentSession() session: ConsoleSession,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    const issued = await this.tokens.issue(session.actor, personId);
    await this.showIssued(session, personId, issued.feed, response);
  }

  @Get('people/:personId/rotate')
  async confirmRotate(
    @CurrentSession() session: ConsoleSession,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.confirm(session, personId, 'rotate', response);
  }

  @Post('people/:personId/rotate')
  async rotate(
    @CurrentSession() session: ConsoleSession,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    const issued = await this.tokens.rotate(session.actor, personId);
    await this.showIssued(session, personId, issued.feed, response);
  }

  @Get('people/:personId/revoke')
  async confirmRevoke(
    @CurrentSession() session: ConsoleSession,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.confirm(session, personId, 'revoke', response);
  }

  @Post('people/:personId/revoke')
  async revoke(
    @CurrentSession() session: ConsoleSession,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.tokens.revoke(session.actor, personId);
    response.redirect(303, `${FEEDS_PATH}?revoked=${personId}`);
  }

  private async showIssued(
    session: ConsoleSession,
    personId: string,
    link: FeedLink,
    response: Response,
  ): Promise<void> {
    const [screen, name] = await Promise.all([
      this.screen.screen(session.actor),
      this.screen.personName(session.actor, personId),
    ]);
    sendConsolePage(response, 200, feedsPage(session, screen, { kind: 'issued', name, link }));
  }

  private async confirm(
    session: ConsoleSession,
    personId: string,
    what: 'rotate' | 'revoke',
    response: Response,
  ): Promise<void> {
    const { t } = consoleMessages(session);
    // Only asks: the POST that follows is where FeedTokensService refuses roles that may not.
    const name = await this.screen.personName(session.actor, personId);
    sendConsolePage(
      response,
      200,
      confirmationPage({
        session,
        screen: 'feeds',
        title: t(what === 'rotate' ? 'console.feeds.confirmRotateTitle' : 'console.feeds.confirmRevokeTitle', { name }),
        text: t(what === 'rotate' ? 'console.feeds.confirmRotate' : 'console.feeds.confirmRevoke'),
        action: `${FEEDS_PATH}/people/${personId}/${what}`,
        confirmLabel: t(what === 'rotate' ? 'console.feeds.rotate' : 'console.feeds.revoke'),
        cancel: { path: FEEDS_PATH, label: t('console.feeds.cancel') },
      }),
    );
  }
}
