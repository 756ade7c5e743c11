import { ConsoleSession } from '@app/accounts';
import { AUDIT_ACTIONS, AuditAction, AuditEntry } from '@app/audit';
import { Locale, LOCALES } from '@app/planning';
import { formatInstant, html, isMessageKey, MessageKey, Messages } from '@app/presentation';
import { consoleMessages } from '../console-layout';
import { cell, SETTINGS_PATHS, settingsPage } from './settings-layout';

export interface AuditView {
  session: ConsoleSession;
  /** Null when the reader's role does not see the trail. */
  entries: AuditEntry[] | null;
  action: AuditAction | undefined;
  /** Where this page started (absent on the newest page) and where the next one starts. */
  cursor: string | undefined;
  nextCursor: string | null;
}

export function auditPage(view: AuditView): string {
  const { session } = view;
  const messages = consoleMessages(session);
  const { t } = messages;
  if (!view.entries) {
    return settingsPage({ session, section: 'audit', body: html`<p class="muted">${t('console.settings.audit.forbidden')}</p>` });
  }
  const filterQuery = view.action ? `action=${encodeURIComponent(view.action)}&` : '';
  const body = html`<p>${t('console.settings.audit.intro')}</p>
    <form method="get" action="${SETTINGS_PATHS.audit}" class="field">
      <label for="audit-action">${t('console.settings.audit.action')}</label>
      <select id="audit-action" name="action">
        <option value="">${t('console.settings.audit.allActions')}</option>
        ${AUDIT_ACTIONS.map(
          (action) =>
            html`<option value="${action}" ${action === view.action ? html`selected` : null}>
              ${t(actionKey(action))}
            </option>`,
        )}
      </select>
      <button type="submit" class="secondary">${t('console.settings.audit.filter')}</button>
    </form>
    ${
      view.entries.length === 0
        ? html`<p class="muted">${t('console.settings.audit.none')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.settings.audit.when')}</th>
                <th scope="col">${t('console.settings.audit.who')}</th>
                <th scope="col">${t('console.settings.audit.what')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.entries.map(
                (entry) => html`<tr>
                  <td>
                    <time datetime="${entry.occurredAt.toISOString()}"
                      >${formatInstant(entry.occurredAt, messages.intlLocale, session.account.timeZone)}</time
                    >
                  </td>
                  ${cell(
                    t('console.settings.audit.who'),
                    html`${entry.actorLabel} <span class="muted">(${t(`console.settings.audit.kinds.${entry.actorKind}`)})</span>`,
                  )}
                  <td>
                    ${t(actionKey(entry.action, entry.details?.onBehalf === true))}
                    ${
                      entry.changes.length > 0
                        ? html`<br /><span class="muted"
                              >${t('console.settings.audit.changed', {
                                fields: fieldWords(messages, entry.changes.map((change) => change.field)),
                              })}</span
                            >`
                        : null
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p>
      ${view.cursor ? html`<a href="${SETTINGS_PATHS.audit}?${filterQuery}">${t('console.settings.audit.newest')}</a>` : null}
      ${
        view.nextCursor
          ? html`<a href="${SETTINGS_PATHS.audit}?${filterQuery}cursor=${encodeURIComponent(view.nextCursor)}"
              >${t('console.settings.audit.older')}</a
            >`
          : null
      }
    </p>`;
  return settingsPage({ session, section: 'audit', body });
}

/** An action in words; an answer an organiser gave for the invitee (a phone call) says so. */
function actionKey(action: AuditAction, onBehalf = false): MessageKey {
  return action === 'invitation.answered' && onBehalf
    ? 'console.settings.audit.actions.invitation.answeredOnBehalf'
    : `console.settings.audit.actions.${action}`;
}

/**
 * The changed fields in the reader's words, each once (a venue's position is two fields). A field
 * the catalogs do not know yet reads as words ("reminderOffsetsMinutes" → "Reminder offsets minutes").
 */
export function fieldWords(messages: Messages, fields: string[]): string {
  return [...new Set(fields.map((field) => fieldWord(messages, field)))].join(', ');
}

function fieldWord(messages: Messages, field: string): string {
  const { t } = messages;
  const translated = /^translations\.([a-z]{2})\.(\w+)$/.exec(field);
  if (translated && (LOCALES as readonly string[]).includes(translated[1])) {
    return t('console.settings.audit.translatedField', {
      field: fieldWord(messages, translated[2]),
      language: t(`console.programme.translations.languages.${translated[1] as Locale}`),
    });
  }
  const key = `console.settings.audit.fields.${field}`;
  if (isMessageKey(key)) return t(key);
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
