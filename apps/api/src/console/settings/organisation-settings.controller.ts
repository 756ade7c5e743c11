import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { isISO31661Alpha2 } from 'class-validator';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { OrganisationsService } from '@app/planning';
import { consoleMessages } from '../console-layout';
import { ConsoleScreen } from '../console-screen.decorator';
import { CurrentSession } from '../current-session.decorator';
import { sendConsolePage } from '../send-console-page';
import { organisationSettingsPage } from './organisation-settings.page';
import { OrganisationFormDto } from './settings-forms.dto';
import { FieldErrors, refusedField, SETTINGS_PATHS } from './settings-layout';

/** As the organiser API checks a code (CreateOrganisationDto). */
const CODE = /^[A-Za-z0-9-]{2,32}$/;

/** Settings → My organisation: its details; OrganisationsService decides who may change them. */
@ConsoleScreen('console/settings')
export class OrganisationSettingsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  async show(
    @CurrentSession() session: ConsoleSession,
    @Query('saved') saved: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const organisation = await this.organisations.get(session.actor.organisationId);
    sendConsolePage(
      response,
      200,
      organisationSettingsPage({ session, organisation, form: organisation, errors: {}, saved: saved === '1' }),
    );
  }

  @Post('organisation')
  async update(
    @CurrentSession() session: ConsoleSession,
    @Body() form: OrganisationFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const { t } = consoleMessages(session);
    const organisationId = session.actor.organisationId;
    const errors: FieldErrors = {};
    if (!form.name.trim()) errors.name = t('console.settings.errors.name');
    if (!CODE.test(form.code.trim())) errors.code = t('console.settings.errors.code');
    if (!isISO31661Alpha2(form.country.trim().toUpperCase())) errors.country = t('console.settings.errors.country');
    let status = 400;
    if (Object.keys(errors).length === 0) {
      try {
        await this.organisations.update(session.actor, organisationId, {
          name: form.name,
          code: form.code,
          country: form.country,
          timeZone: form.timeZone.trim(),
        });
        response.redirect(303, `${SETTINGS_PATHS.organisation}?saved=1`);
        return;
      } catch (error) {
        const refused = refusedField(error, { organisation_code_taken: 'code', timeZone: 'timeZone' });
        errors[refused.field] = t(refused.field === 'code' ? 'console.settings.errors.codeTaken' : 'console.settings.errors.timeZone');
        status = refused.status;
      }
    }
    const organisation = await this.organisations.get(organisationId);
    sendConsolePage(response, status, organisationSettingsPage({ session, organisation, form, errors, saved: false }));
  }
}
