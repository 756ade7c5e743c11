import { ConsoleSession } from '@app/accounts';
import { Organisation } from '@app/planning';
import { html } from '@app/presentation';
import { consoleMessages, csrfField } from '../console-layout';
import { errorSummary, FieldErrors, SETTINGS_PATHS, settingsPage, textField } from './settings-layout';

export interface OrganisationForm {
  name: string;
  code: string;
  country: string;
  timeZone: string;
}

export interface OrganisationSettingsView {
  session: ConsoleSession;
  organisation: Organisation;
  /** The entered values after a wrong entry; the stored ones otherwise. */
  form: OrganisationForm;
  errors: FieldErrors;
  saved: boolean;
}

export function organisationSettingsPage(view: OrganisationSettingsView): string {
  const { session, organisation } = view;
  const { t } = consoleMessages(session);
  const editable = session.actor.role !== 'viewer';
  const field = (name: keyof OrganisationForm, maxLength: number, hint?: string) =>
    textField({
      id: `organisation-${name}`,
      name,
      label: t(`console.settings.organisation.${name}`),
      value: view.form[name],
      hint,
      errors: view.errors,
      maxLength,
    });
  const body = editable
    ? html`${view.saved ? html`<p class="notice" role="status">${t('console.settings.organisation.saved')}</p>` : null}
        ${errorSummary(session, view.errors)}
        <form class="panel" method="post" action="${SETTINGS_PATHS.organisation}/organisation" novalidate>
          ${csrfField(session)} ${field('name', 200)}
          ${field('code', 32, t('console.settings.organisation.codeHint'))}
          ${field('country', 2, t('console.settings.organisation.countryHint'))}
          ${field('timeZone', 100, t('console.settings.organisation.timeZoneHint'))}
          <button type="submit">${t('console.settings.organisation.save')}</button>
        </form>`
    : html`<p class="muted">${t('console.settings.readOnly')}</p>
        <dl class="details">
          <dt>${t('console.settings.organisation.name')}</dt>
          <dd>${organisation.name}</dd>
          <dt>${t('console.settings.organisation.code')}</dt>
          <dd>${organisation.code}</dd>
          <dt>${t('console.settings.organisation.country')}</dt>
          <dd>${organisation.country}</dd>
          <dt>${t('console.settings.organisation.timeZone')}</dt>
          <dd>${organisation.timeZone}</dd>
        </dl>`;
  return settingsPage({ session, section: 'organisation', body });
}
