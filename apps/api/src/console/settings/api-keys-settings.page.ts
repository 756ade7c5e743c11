import { ApiKey } from '@app/access';
import { ConsoleSession } from '@app/accounts';
import { isAdmin, ROLES } from '@app/planning';
import { formatInstant, html, SafeHtml } from '@app/presentation';
import { consoleMessages, csrfField } from '../console-layout';
import { copyField, copyScript } from '../copy-field/copy-field';
import { cell, errorSummary, FieldErrors, SETTINGS_PATHS, settingsPage, textField } from './settings-layout';

export interface ApiKeysView {
  session: ConsoleSession;
  keys: ApiKey[];
  /** Just issued: the key itself, shown this once. */
  issued: { name: string; token: string } | null;
  revoked: string | null;
  form: { name: string; role: string };
  errors: FieldErrors;
}

export function apiKeysPage(view: ApiKeysView): string {
  const { session } = view;
  const messages = consoleMessages(session);
  const { t } = messages;
  const admin = isAdmin(session.actor);
  const moment = (at: Date | null) =>
    at ? formatInstant(at, messages.intlLocale, session.account.timeZone) : t('console.settings.apiKeys.never');
  const body = html`<p>${t('console.settings.apiKeys.intro')}</p>
    ${admin ? null : html`<p class="muted">${t('console.settings.readOnly')}</p>`}
    ${
      view.issued
        ? html`<div class="notice" role="status">
            <p>${t('console.settings.apiKeys.issued', { name: view.issued.name })}</p>
            ${copyField({
              id: 'issued-key',
              label: t('console.settings.apiKeys.key'),
              value: view.issued.token,
              texts: copyTexts(session),
            })}
          </div>`
        : null
    }
    ${view.revoked ? html`<p class="notice" role="status">${t('console.settings.apiKeys.revoked', { name: view.revoked })}</p>` : null}
    ${
      view.keys.length === 0
        ? html`<p class="muted">${t('console.settings.apiKeys.none')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.settings.apiKeys.name')}</th>
                <th scope="col">${t('console.settings.apiKeys.role')}</th>
                <th scope="col">${t('console.settings.apiKeys.created')}</th>
                <th scope="col">${t('console.settings.apiKeys.lastUsed')}</th>
                ${admin ? html`<th scope="col"><span class="visually-hidden">${t('console.settings.apiKeys.revoke')}</span></th>` : null}
              </tr>
            </thead>
            <tbody>
              ${view.keys.map(
                (key) => html`<tr>
                  <td>${key.name}</td>
                  ${cell(t('console.settings.apiKeys.role'), t(`console.team.roleNames.${key.role}`))}
                  ${cell(t('console.settings.apiKeys.created'), moment(key.createdAt))}
                  ${cell(t('console.settings.apiKeys.lastUsed'), moment(key.lastUsedAt))}
                  ${
                    admin
                      ? html`<td class="row-actions">
                          <a href="${SETTINGS_PATHS.apiKeys}/${key.id}/revoke"
                            >${t('console.settings.apiKeys.revoke')}<span class="visually-hidden">: ${key.name}</span></a
                          >
                        </td>`
                      : null
                  }
                </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${admin ? issueForm(view) : null} ${copyScript()}`;
  return settingsPage({ session, section: 'apiKeys', body });
}

function issueForm(view: ApiKeysView): SafeHtml {
  const { session } = view;
  const { t } = consoleMessages(session);
  return html`<section class="panel" aria-labelledby="issue-heading">
    <h2 id="issue-heading">${t('console.settings.apiKeys.issueHeading')}</h2>
    ${errorSummary(session, view.errors)}
    <form method="post" action="${SETTINGS_PATHS.apiKeys}" novalidate>
      ${csrfField(session)}
      ${textField({
        id: 'key-name',
        name: 'name',
        label: t('console.settings.apiKeys.name'),
        value: view.form.name,
        errors: view.errors,
        maxLength: 200,
      })}
      <div class="field">
        <label for="key-role">${t('console.settings.apiKeys.role')}</label>
        <select id="key-role" name="role">
          ${ROLES.map(
            (role) =>
              html`<option value="${role}" ${role === view.form.role ? html`selected` : null}>
                ${t(`console.team.roles.${role}`)}
              </option>`,
          )}
        </select>
      </div>
      <button type="submit">${t('console.settings.apiKeys.issue')}</button>
    </form>
  </section>`;
}

export function copyTexts(session: ConsoleSession) {
  const { t } = consoleMessages(session);
  return {
    copy: t('console.settings.copy'),
    copied: t('console.settings.copied'),
    failed: t('console.settings.copyFailed'),
  };
}
