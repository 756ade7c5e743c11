import { ConsoleSession } from '@app/accounts';
import { html, formatInstant, SafeHtml } from '@app/presentation';
import { WEBHOOK_EVENT_TYPES, WebhookDelivery, WebhookEndpoint } from '@app/webhooks';
import { consoleMessages, csrfField } from '../console-layout';
import { copyField, copyScript } from '../copy-field/copy-field';
import { copyTexts } from './api-keys-settings.page';
import { cell, errorSummary, FieldErrors, SETTINGS_PATHS, settingsPage, textField } from './settings-layout';

export interface EndpointState {
  endpoint: WebhookEndpoint;
  lastDelivery: WebhookDelivery | null;
}

export interface WebhookForm {
  url: string;
  description: string;
  eventTypes: readonly string[];
}

export interface WebhooksView {
  session: ConsoleSession;
  endpoints: EndpointState[];
  /** Just created: the signing secret, shown this once. */
  created: { url: string; secret: string } | null;
  removed: boolean;
  form: WebhookForm;
  errors: FieldErrors;
}

export const EMPTY_WEBHOOK_FORM: WebhookForm = { url: '', description: '', eventTypes: [] };

export function webhooksPage(view: WebhooksView): string {
  const { session } = view;
  const { t } = consoleMessages(session);
  const manages = session.actor.role !== 'viewer';
  const body = html`<p>${t('console.settings.webhooks.intro')}</p>
    ${manages ? null : html`<p class="muted">${t('console.settings.readOnly')}</p>`}
    ${
      view.created
        ? html`<div class="notice" role="status">
            <p>${t('console.settings.webhooks.created')}</p>
            ${copyField({
              id: 'webhook-secret',
              label: `${t('console.settings.webhooks.secret')}: ${view.created.url}`,
              value: view.created.secret,
              texts: copyTexts(session),
            })}
          </div>`
        : null
    }
    ${view.removed ? html`<p class="notice" role="status">${t('console.settings.webhooks.removed')}</p>` : null}
    ${
      view.endpoints.length === 0
        ? html`<p class="muted">${t('console.settings.webhooks.none')}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${t('console.settings.webhooks.url')}</th>
                <th scope="col">${t('console.settings.webhooks.eventTypes')}</th>
                <th scope="col">${t('console.settings.webhooks.lastDelivery')}</th>
                ${manages ? html`<th scope="col"><span class="visually-hidden">${t('console.settings.webhooks.remove')}</span></th>` : null}
              </tr>
            </thead>
            <tbody>
              ${view.endpoints.map((state) => endpointRow(session, state, manages))}
            </tbody>
          </table>`
    }
    ${manages ? addForm(view) : null} ${copyScript()}`;
  return settingsPage({ session, section: 'webhooks', body });
}

function endpointRow(session: ConsoleSession, state: EndpointState, manages: boolean): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { endpoint, lastDelivery } = state;
  return html`<tr>
    <td>
      <code>${endpoint.url}</code>
      ${endpoint.description ? html`<br /><span class="muted">${endpoint.description}</span>` : null}
      ${
        endpoint.enabled
          ? null
          : html`<br /><span class="problem">${t('console.settings.webhooks.disabled', { reason: endpoint.disabledReason ?? '' })}</span>`
      }
    </td>
    ${cell(t('console.settings.webhooks.eventTypes'), endpoint.eventTypes.join(', '))}
    ${cell(
      t('console.settings.webhooks.lastDelivery'),
      lastDelivery
          ? t('console.settings.webhooks.delivery', {
              state: t(`console.settings.webhooks.states.${lastDelivery.status}`),
              date: formatInstant(lastDelivery.lastAttemptAt ?? lastDelivery.createdAt, messages.intlLocale, session.account.timeZone),
            })
        : t('console.settings.webhooks.noDeliveries'),
    )}
    ${
      manages
        ? html`<td class="row-actions">
            <a href="${SETTINGS_PATHS.webhooks}/${endpoint.id}/remove"
              >${t('console.settings.webhooks.remove')}<span class="visually-hidden">: ${endpoint.url}</span></a
            >
          </td>`
        : null
    }
  </tr>`;
}

function addForm(view: WebhooksView): SafeHtml {
  const { session, form, errors } = view;
  const { t } = consoleMessages(session);
  const typesError = errors.eventTypes;
  return html`<section class="panel" aria-labelledby="add-heading">
    <h2 id="add-heading">${t('console.settings.webhooks.addHeading')}</h2>
    ${errorSummary(session, errors)}
    <form method="post" action="${SETTINGS_PATHS.webhooks}" novalidate>
      ${csrfField(session)}
      ${textField({
        id: 'webhook-url',
        name: 'url',
        type: 'url',
        label: t('console.settings.webhooks.url'),
        value: form.url,
        hint: t('console.settings.webhooks.urlHint'),
        errors,
        maxLength: 2000,
      })}
      ${textField({
        id: 'webhook-description',
        name: 'description',
        label: t('console.settings.webhooks.description'),
        value: form.description,
        errors,
        maxLength: 500,
      })}
      <fieldset class="field checks" ${typesError ? html`aria-describedby="webhook-types-error"` : null}>
        <legend>${t('console.settings.webhooks.eventTypes')}</legend>
        ${WEBHOOK_EVENT_TYPES.map(
          (type) =>
            html`<label>
              <input type="checkbox" name="eventTypes" value="${type}" ${form.eventTypes.includes(type) ? html`checked` : null} />
              <code>${type}</code>
            </label>`,
        )}
        ${typesError ? html`<p class="error" id="webhook-types-error">${typesError}</p>` : null}
      </fieldset>
      <button type="submit">${t('console.settings.webhooks.add')}</button>
    </form>
  </section>`;
}
