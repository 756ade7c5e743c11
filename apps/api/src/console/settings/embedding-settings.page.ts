import { ConsoleSession } from '@app/accounts';
import { isAdmin } from '@app/planning';
import { html } from '@app/presentation';
import { consoleMessages, csrfField } from '../console-layout';
import { copyField, copyScript } from '../copy-field/copy-field';
import { EmbeddingSettingsView } from '../../embed/embedding-snippets';
import { copyTexts } from './api-keys-settings.page';
import { errorSummary, FieldErrors, SETTINGS_PATHS, settingsPage, textField } from './settings-layout';

export interface EmbeddingView {
  session: ConsoleSession;
  settings: EmbeddingSettingsView;
  /** The text area's content: the stored origins, or what was entered after a wrong entry. */
  origins: string;
  errors: FieldErrors;
  saved: boolean;
}

export function embeddingPage(view: EmbeddingView): string {
  const { session, settings } = view;
  const { t } = consoleMessages(session);
  const admin = isAdmin(session.actor);
  const body = html`<p>${t('console.settings.embedding.intro')}</p>
    ${view.saved ? html`<p class="notice" role="status">${t('console.settings.embedding.saved')}</p>` : null}
      ${copyField({
        id: 'snippet-script',
        label: t('console.settings.embedding.script'),
        value: settings.snippets.script,
        multiline: true,
        texts: copyTexts(session),
      })}
      <p class="muted">${t('console.settings.embedding.scriptHint')}</p>
      ${copyField({
        id: 'snippet-iframe',
        label: t('console.settings.embedding.iframe'),
        value: settings.snippets.iframe,
        multiline: true,
        texts: copyTexts(session),
      })}
      <p class="muted">${t('console.settings.embedding.iframeHint')}</p>
    ${
      admin
        ? html`${errorSummary(session, view.errors)}
            <form class="panel" method="post" action="${SETTINGS_PATHS.embedding}" novalidate>
              ${csrfField(session)}
              ${textField({
                id: 'embedding-origins',
                name: 'origins',
                label: t('console.settings.embedding.origins'),
                value: view.origins,
                hint: t('console.settings.embedding.originsHint'),
                errors: view.errors,
                multiline: true,
                maxLength: 5000,
              })}
              <button type="submit">${t('console.settings.embedding.save')}</button>
            </form>`
        : html`<h2>${t('console.settings.embedding.origins')}</h2>
            <p class="muted">${t('console.settings.readOnly')}</p>
            ${
              settings.origins.length > 0
                ? html`<ul>
                    ${settings.origins.map((origin) => html`<li><code>${origin}</code></li>`)}
                  </ul>`
                : html`<p>${t('console.settings.embedding.none')}</p>`
            }`
    }
    ${copyScript()}`;
  return settingsPage({ session, section: 'embedding', body });
}
