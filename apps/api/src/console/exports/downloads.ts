import { ConsoleSession } from '@app/accounts';
import { Event } from '@app/planning';
import { html, LANGUAGES, messagesFor, SafeHtml } from '@app/presentation';
import { consoleMessages } from '../console-layout';

export const EXPORTS_PATH = '/console/exports/events';

/** GET forms: a download changes nothing, and the browser keeps the page while it saves the file. */
export function downloadsSection(
  session: ConsoleSession,
  event: Pick<Event, 'id'>,
  show: { participants: boolean },
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const path = `${EXPORTS_PATH}/${event.id}`;
  return html`<section class="panel downloads" aria-labelledby="downloads-heading">
    <h2 id="downloads-heading">${t('console.exports.heading')}</h2>
    ${
      show.participants
        ? html`<form method="get" action="${path}/participants">
            <p>${t('console.exports.participantsHint')}</p>
            ${
              session.actor.role === 'viewer'
                ? null
                : html`<p class="field checkbox">
                    <input
                      type="checkbox"
                      id="include-sensitive"
                      name="includeSensitive"
                      value="true"
                      aria-describedby="include-sensitive-hint"
                    />
                    <label for="include-sensitive">${t('console.exports.includeSensitive')}</label>
                    <small id="include-sensitive-hint" class="muted"
                      >${t('console.exports.sensitiveHint')}</small
                    >
                  </p>`
            }
            <input type="hidden" name="lang" value="${messages.language}" />
            <p class="buttons">
              <button type="submit" name="format" value="csv">${t('console.exports.participantsCsv')}</button>
              <button type="submit" name="format" value="xlsx">
                ${t('console.exports.participantsXlsx')}
              </button>
            </p>
          </form>`
        : null
    }
    <form method="get" action="${path}/programme.pdf">
      <p class="field">
        <label for="programme-language">${t('console.exports.language')}</label>
        <select id="programme-language" name="lang">
          ${LANGUAGES.map(
            (language) =>
              html`<option value="${language}" ${language === messages.language ? html`selected` : null}>
                ${messagesFor(language).t('common.languageName')}
              </option>`,
          )}
        </select>
      </p>
      <p class="buttons">
        <button type="submit" class="secondary">${t('console.exports.printProgramme')}</button>
      </p>
    </form>
  </section>`;
}

/** The section's own look, added to the style of each screen that shows it. */
export const DOWNLOADS_STYLE = `
  .downloads { max-width: 44rem; }
  .downloads form + form { border-top: 1px solid #d8d8d2; margin-top: 1rem; padding-top: 1rem; }
  .downloads .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0; }
  .downloads .checkbox { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.5rem; align-items: start; }
  .downloads .checkbox input { width: 1.4rem; height: 1.4rem; margin: 0.1rem 0 0; }
  .downloads .checkbox label { margin: 0; }
  .downloads .checkbox small { grid-column: 2; }
`;
