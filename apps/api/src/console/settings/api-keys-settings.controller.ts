import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ApiKey, ApiKeysService } from '@app/access';
import { ConsoleSession } from '@app/accounts';
import { Actor } from '@app/planning';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { apiKeysPage, ApiKeysView } from './api-keys-settings.page';
import { ApiKeyFormDto } from './settings-forms.dto';
import { SETTINGS_PATHS, settingsConfirmationPage } from './settings-layout';

const EMPTY_FORM = { name: '', role: 'viewer' };

/**
 * Settings → API keys of the organisation. ApiKeysService lets only admins issue and revoke; a
 * new key is in the answer to the POST only, never in a URL.
 */
@ConsoleScreen('console/settings/api-keys')
export class ApiKeysSettingsController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('revoked') revoked: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const all = await this.apiKeys.list(session.actor);
    const revokedName = all.find((key) => key.id === revoked && key.revokedAt)?.name ?? null;
    this.send(response, 200, { session, keys: this.working(session.actor, all), issued: null, revoked: revokedName, form: EMPTY_FORM, errors: {} });
  }

  @Post()
  async issue(
    @CurrentSession() session: ConsoleSession,
    @Body() form: ApiKeyFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const { actor } = session;
    if (!form.name.trim()) {
      const keys = this.working(actor, await this.apiKeys.list(actor));
      const errors = { name: consoleMessages(session).t('console.settings.errors.name') };
      this.send(response, 400, { session, keys, issued: null, revoked: null, form, errors });
      return;
    }
    const issued = await this.apiKeys.issue(actor, { name: form.name, role: form.role, organisationId: actor.organisationId });
    const keys = this.working(actor, await this.apiKeys.list(actor));
    this.send(response, 201, {
      session,
      keys,
      issued: { name: issued.apiKey.name, token: issued.token },
      revoked: null,
      form: EMPTY_FORM,
      errors: {},
    });
  }

  @Get(':id/revoke')
  async confirmRevoke(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { t } = consoleMessages(session);
    const key = this.working(session.actor, await this.apiKeys.list(session.actor)).find((candidate) => candidate.id === id);
    if (!key) {
      response.redirect(303, SETTINGS_PATHS.apiKeys);
      return;
    }
    sendConsolePage(
      response,
      200,
      settingsConfirmationPage(session, 'apiKeys', {
        title: t('console.settings.apiKeys.confirmRevokeTitle', { name: key.name }),
        text: t('console.settings.apiKeys.confirmRevoke'),
        action: `${SETTINGS_PATHS.apiKeys}/${id}/revoke`,
        confirmLabel: t('console.settings.apiKeys.revoke'),
      }),
    );
  }

  @Post(':id/revoke')
  async revoke(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.apiKeys.revoke(session.actor, id);
    response.redirect(303, `${SETTINGS_PATHS.apiKeys}?revoked=${id}`);
  }

  /** The organisation's keys that still work: admins list every organisation's, the screen is about one. */
  private working(actor: Actor, keys: ApiKey[]): ApiKey[] {
    return keys.filter((key) => key.organisationId === actor.organisationId && !key.revokedAt);
  }

  private send(response: Response, status: number, view: ApiKeysView): void {
    sendConsolePage(response, status, apiKeysPage(view));
  }
}
