import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { Actor } from '@app/planning';
import { WebhookEndpointsService, WebhookLogService } from '@app/webhooks';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { WebhookFormDto } from './settings-forms.dto';
import { FieldErrors, refusedField, SETTINGS_PATHS, settingsConfirmationPage } from './settings-layout';
import { EMPTY_WEBHOOK_FORM, EndpointState, webhooksPage, WebhooksView } from './webhooks-settings.page';

/**
 * Settings → Webhooks: the organisation's endpoints with their latest delivery. Who may add and
 * remove is WebhookEndpointsService's rule (organisers and admins, as with API keys of that role);
 * the signing secret is in the answer to the POST only.
 */
@ConsoleScreen('console/settings/webhooks')
export class WebhooksSettingsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly log: WebhookLogService,
  ) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('removed') removed: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    this.send(response, 200, {
      session,
      endpoints: await this.states(session.actor),
      created: null,
      removed: removed === '1',
      form: EMPTY_WEBHOOK_FORM,
      errors: {},
    });
  }

  @Post()
  async create(
    @CurrentSession() session: ConsoleSession,
    @Body() form: WebhookFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const { t } = consoleMessages(session);
    const errors: FieldErrors = {};
    if (form.eventTypes.length === 0) errors.eventTypes = t('console.settings.errors.eventTypes');
    let status = 400;
    if (Object.keys(errors).length === 0) {
      try {
        const created = await this.endpoints.create(session.actor, session.actor.organisationId, {
          url: form.url,
          description: form.description,
          eventTypes: form.eventTypes,
        });
        this.send(response, 201, {
          session,
          endpoints: await this.states(session.actor),
          created: { url: created.endpoint.url, secret: created.secret },
          removed: false,
          form: EMPTY_WEBHOOK_FORM,
          errors: {},
        });
        return;
      } catch (error) {
        const refused = refusedField(error, { url: 'url', eventTypes: 'eventTypes', too_many_endpoints: 'url' });
        errors[refused.field] = t(
          refused.code === 'too_many_endpoints'
            ? 'console.settings.errors.tooManyEndpoints'
            : refused.field === 'url'
              ? 'console.settings.errors.url'
              : 'console.settings.errors.eventTypes',
        );
        status = refused.status;
      }
    }
    const entered = { url: form.url, description: form.description ?? '', eventTypes: form.eventTypes };
    this.send(response, status, {
      session,
      endpoints: await this.states(session.actor),
      created: null,
      removed: false,
      form: entered,
      errors,
    });
  }

  @Get(':id/remove')
  async confirmRemove(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { t } = consoleMessages(session);
    const endpoint = await this.endpoints.get(session.actor, id);
    sendConsolePage(
      response,
      200,
      settingsConfirmationPage(session, 'webhooks', {
        title: t('console.settings.webhooks.confirmRemoveTitle', { url: endpoint.url }),
        text: t('console.settings.webhooks.confirmRemove'),
        action: `${SETTINGS_PATHS.webhooks}/${id}/remove`,
        confirmLabel: t('console.settings.webhooks.remove'),
      }),
    );
  }

  @Post(':id/remove')
  async remove(
    @CurrentSession() session: ConsoleSession,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.endpoints.remove(session.actor, id);
    response.redirect(303, `${SETTINGS_PATHS.webhooks}?removed=1`);
  }

  /** Each endpoint with its newest delivery: an organisation has at most a few endpoints. */
  private async states(actor: Actor): Promise<EndpointState[]> {
    const endpoints = await this.endpoints.list(actor, actor.organisationId);
    return Promise.all(
      endpoints.map(async (endpoint) => ({
        endpoint,
        lastDelivery: (await this.log.list(actor, endpoint.id, { limit: 1 })).items[0] ?? null,
      })),
    );
  }

  private send(response: Response, status: number, view: WebhooksView): void {
    sendConsolePage(response, status, webhooksPage(view));
  }
}
