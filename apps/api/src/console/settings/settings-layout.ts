import { ConsoleSession } from '@app/accounts';
import { DomainError } from '@app/errors';
import { html, MessageKey, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { confirmationPage } from '../confirmation/confirmation.page';
import { COPY_FIELD_STYLE } from '../copy-field/copy-field';

export type SettingsSection = 'organisation' | 'apiKeys' | 'webhooks' | 'audit' | 'embedding';

export const SETTINGS_PATHS: Record<SettingsSection, string> = {
  organisation: '/console/settings',
  apiKeys: '/console/settings/api-keys',
  webhooks: '/console/settings/webhooks',
  audit: '/console/settings/audit',
  embedding: '/console/settings/embedding',
};

const SETTINGS_STYLE = `
  ${COPY_FIELD_STYLE}
  th, td { overflow-wrap: anywhere; }
  .panel { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 1rem; max-width: 40rem; margin: 0 0 1.5rem; }
  .field textarea { box-sizing: border-box; width: 100%; max-width: 28rem; padding: 0.55rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; }
  .field .hint { margin: 0.25rem 0 0; font-size: 0.9rem; color: #555; }
  .field .error { margin: 0.25rem 0 0; color: #a8322d; font-weight: 600; }
  .field [aria-invalid="true"] { border: 2px solid #a8322d; }
  fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
  legend { font-weight: 600; margin-bottom: 0.25rem; }
  .checks label { display: flex; gap: 0.5rem; align-items: center; padding: 0.2rem 0; font-weight: 400; }
  .checks input { width: 1.25rem; height: 1.25rem; }
  .row-actions a { display: inline-block; padding: 0.4rem 0; }
  dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; }
  dl.details dt { font-weight: 600; }
  dl.details dd { margin: 0; }
  code { overflow-wrap: anywhere; }
  .cell-label { display: none; }
  @media (max-width: 40rem) {
    .cell-label { display: inline; font-weight: 600; }
  }
`;

export interface SettingsView {
  session: ConsoleSession;
  section: SettingsSection;
  body: SafeHtml;
}

const TITLES: Record<SettingsSection, MessageKey> = {
  organisation: 'console.settings.organisation.title',
  apiKeys: 'console.settings.apiKeys.title',
  webhooks: 'console.settings.webhooks.title',
  audit: 'console.settings.audit.title',
  embedding: 'console.settings.embedding.title',
};

/** A settings page: the console's frame with the settings' sections, and the section's heading. */
export function settingsPage(view: SettingsView): string {
  const title = consoleMessages(view.session).t(TITLES[view.section]);
  return consolePage({
    session: view.session,
    screen: 'settings',
    title,
    body: html`<h1>${title}</h1>
      ${view.body}`,
    style: SETTINGS_STYLE,
    path: SETTINGS_PATHS[view.section],
  });
}

/**
 * Asks before an item of a settings section is removed for good (a key revoked, an endpoint
 * removed): the form posts to `action`, and cancelling goes back to the section.
 */
export function settingsConfirmationPage(
  session: ConsoleSession,
  section: SettingsSection,
  confirmation: { title: string; text: string; action: string; confirmLabel: string },
): string {
  const cancel = {
    path: SETTINGS_PATHS[section],
    label: consoleMessages(session).t('console.settings.cancel'),
  };
  return confirmationPage({ session, screen: 'settings', ...confirmation, cancel });
}

/** Wrong fields of a form, by field name, each with its message. */
export type FieldErrors = Partial<Record<string, string>>;

export interface TextField {
  id: string;
  name: string;
  label: string;
  value: string;
  hint?: string;
  errors: FieldErrors;
  type?: 'text' | 'url';
  multiline?: boolean;
  maxLength: number;
}

/** A labelled field with its hint and, after a wrong entry, its message, both tied to it by aria-describedby. */
export function textField(field: TextField): SafeHtml {
  const error = field.errors[field.name];
  const described = [field.hint ? `${field.id}-hint` : null, error ? `${field.id}-error` : null]
    .filter((id) => id !== null)
    .join(' ');
  const attributes = html`id="${field.id}" name="${field.name}" maxlength="${field.maxLength}"
  ${described ? html`aria-describedby="${described}"` : null} ${error ? html`aria-invalid="true"` : null}`;
  return html`<div class="field">
    <label for="${field.id}">${field.label}</label>
    ${
      field.multiline
        ? html`<textarea ${attributes} rows="4">${field.value}</textarea>`
        : html`<input type="${field.type ?? 'text'}" ${attributes} value="${field.value}" />`
    }
    ${field.hint ? html`<p class="hint" id="${field.id}-hint">${field.hint}</p>` : null}
    ${error ? html`<p class="error" id="${field.id}-error">${error}</p>` : null}
  </div>`;
}

/** Above a form that came back: says that something is wrong, in a region read out at once. */
export function errorSummary(session: ConsoleSession, errors: FieldErrors): SafeHtml | null {
  if (Object.keys(errors).length === 0) return null;
  return html`<p class="problem" role="alert">${consoleMessages(session).t('console.settings.errorSummary')}</p>`;
}

/**
 * The field a service's refusal is about, for the form to show at that field; anything else
 * (a role that may not, a record that is gone) goes on to the console's error pages.
 */
export function refusedField(
  error: unknown,
  fields: Record<string, string>,
): { field: string; code: string; status: number } {
  if (error instanceof DomainError) {
    const refused = error as DomainError;
    const code: string = refused.code;
    const field = fields[code] ?? fields[refused.problems[0]?.field.replace(/\[\d+\]$/, '') ?? ''];
    if (field && (refused.kind === 'invalid' || refused.kind === 'conflict')) {
      return { field, code, status: refused.kind === 'invalid' ? 400 : 409 };
    }
  }
  throw error;
}

/** A table cell that names its column where the table is shown as cards (narrow screens). */
export function cell(label: string, content: SafeHtml | string): SafeHtml {
  return html`<td><span class="cell-label" aria-hidden="true">${label}: </span>${content}</td>`;
}
