import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { Actor, EmbeddingOriginsService, OrganisationsService } from '@app/planning';
import { EmbeddingSettingsView, EmbeddingSnippets } from '../../embed/embedding-snippets';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { embeddingPage } from './embedding-settings.page';
import { EmbeddingFormDto } from './settings-forms.dto';
import { refusedField, SETTINGS_PATHS } from './settings-layout';

/**
 * Settings → Embedding: the snippets the embedding API returns, to copy into a website, and the
 * origins that may embed (EmbeddingOriginsService lets only admins replace them).
 */
@ConsoleScreen('console/settings/embedding')
export class EmbeddingScreenController {
  constructor(
    private readonly origins: EmbeddingOriginsService,
    private readonly organisations: OrganisationsService,
    private readonly snippets: EmbeddingSnippets,
  ) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('saved') saved: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const settings = await this.settings(session.actor);
    sendConsolePage(
      response,
      200,
      embeddingPage({ session, settings, origins: settings.origins.join('\n'), errors: {}, saved: saved === '1' }),
    );
  }

  @Post()
  async replace(
    @CurrentSession() session: ConsoleSession,
    @Body() form: EmbeddingFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const lines = form.origins
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    try {
      await this.origins.replace(session.actor, session.actor.organisationId, lines);
      response.redirect(303, `${SETTINGS_PATHS.embedding}?saved=1`);
    } catch (error) {
      const refused = refusedField(error, { origins: 'origins' });
      const errors = { origins: consoleMessages(session).t('console.settings.errors.origins') };
      const settings = await this.settings(session.actor);
      sendConsolePage(
        response,
        refused.status,
        embeddingPage({ session, settings, origins: form.origins, errors, saved: false }),
      );
    }
  }

  private async settings(actor: Actor): Promise<EmbeddingSettingsView> {
    const origins = await this.origins.list(actor, actor.organisationId);
    return this.snippets.settings(await this.organisations.get(actor.organisationId), origins);
  }
}
