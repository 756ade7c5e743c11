import { ConsoleSession } from '@app/accounts';
import { ImportColumn, Locale, Organisation, Page, PersonContactView } from '@app/planning';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage } from '../console-layout';
import { mayChangePeople } from './people-roles';

export const PEOPLE_PATH = '/console/people';

/** People and rows of an import, on top of the console's tables (a card per row on phones, named first). */
export const PEOPLE_STYLE = `
  td.line { white-space: nowrap; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0 0 1.5rem; }
  .button-link { display: inline-block; padding: 0.55rem 1.1rem; border-radius: 0.4rem; background: #1f5fa8; color: #fff; text-decoration: none; }
  .button-link.secondary { background: #fff; color: #1f5fa8; border: 2px solid #1f5fa8; padding: 0.4rem 1rem; }
  .organisation { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }
  .organisation dt { font-weight: 600; }
  .organisation dd { margin: 0; }
  .search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0 0 1rem; }
  .search .field { margin: 0; flex: 0 1 28rem; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
  .field-error { color: #8a1f1a; font-weight: 600; margin: 0.25rem 0 0; }
  .hint { color: #555; margin: 0.25rem 0 0; font-size: 0.95rem; }
  [aria-invalid="true"] { border-color: #a8322d !important; border-width: 2px !important; }
  .outcome-error { color: #8a1f1a; font-weight: 600; }
  .outcome-new, .outcome-update { font-weight: 600; }
  ul.problems { margin: 0.25rem 0 0; padding-left: 1.1rem; }
  @media (max-width: 40rem) {
    td:first-child { font-weight: 700; }
  }
`;

export interface PeopleView {
  session: ConsoleSession;
  organisation: Organisation;
  page: Page<PersonContactView>;
  q: string;
  /** Whether this is a later page, so that a link leads back to the first. */
  later: boolean;
  notice: string | null;
}

export function languageName(session: ConsoleSession, locale: Locale): string {
  return consoleMessages(session).t(`console.people.languages.${locale}`);
}

export function columnLabel(session: ConsoleSession, column: ImportColumn): string {
  return consoleMessages(session).t(`console.people.${column}`);
}

export function peoplePage(view: PeopleView): string {
  const { session, organisation } = view;
  const { t } = consoleMessages(session);
  const changes = mayChangePeople(session);
  const body = html`<h1>${t('console.people.title')}</h1>
    <p>${t('console.people.intro', { organisation: organisation.name })}</p>
    ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : null}
    ${
      changes
        ? html`<p class="actions">
            <a class="button-link" href="${PEOPLE_PATH}/new">${t('console.people.add')}</a>
            <a class="button-link secondary" href="${PEOPLE_PATH}/import">${t('console.people.import')}</a>
          </p>`
        : html`<p class="muted">${t('console.people.viewerNote')}</p>`
    }
    <form class="search" method="get" action="${PEOPLE_PATH}" role="search">
      <div class="field">
        <label for="people-search">${t('console.people.search')}</label>
        <input id="people-search" name="q" type="search" value="${view.q}" maxlength="200" />
      </div>
      <button type="submit" class="secondary">${t('console.people.searchButton')}</button>
      ${view.q ? html`<a href="${PEOPLE_PATH}">${t('console.people.showAll')}</a>` : null}
    </form>
    ${peopleTable(view, changes)} ${pager(view)}
    <h2>${t('console.people.organisation')}</h2>
    <dl class="organisation">
      <dt>${t('console.people.organisationName')}</dt>
      <dd>${organisation.name}</dd>
      <dt>${t('console.people.organisationCode')}</dt>
      <dd>${organisation.code}</dd>
      <dt>${t('console.people.organisationZone')}</dt>
      <dd>${organisation.timeZone}</dd>
      <dt>${t('console.people.organisationLanguage')}</dt>
      <dd>${languageName(session, organisation.defaultLocale)}</dd>
    </dl>`;
  return consolePage({
    session,
    screen: 'people',
    title: t('console.people.title'),
    body,
    style: PEOPLE_STYLE,
  });
}

function peopleTable(view: PeopleView, changes: boolean): SafeHtml {
  const { session } = view;
  const { t } = consoleMessages(session);
  if (view.page.items.length === 0) {
    return html`<p class="muted">
      ${view.q ? t('console.people.noneFound', { q: view.q }) : t('console.people.none')}
    </p>`;
  }
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${t('console.people.name')}</th>
        <th scope="col">${t('console.people.email')}</th>
        <th scope="col">${t('console.people.language')}</th>
        <th scope="col">${t('console.people.timeZone')}</th>
        <th scope="col">${t('console.people.department')}</th>
        ${changes ? html`<th scope="col">${t('console.people.actions')}</th>` : null}
      </tr>
    </thead>
    <tbody>
      ${view.page.items.map(
        (person) =>
          html`<tr>
            <td>${person.name}</td>
            <td data-label="${t('console.people.email')}">${person.email}</td>
            <td data-label="${t('console.people.language')}">${languageName(session, person.locale)}</td>
            <td data-label="${t('console.people.timeZone')}">${person.timeZone}</td>
            <td data-label="${t('console.people.department')}">${person.department ?? '–'}</td>
            ${
              changes
                ? html`<td>
                    <div class="row-actions">
                      <a href="${PEOPLE_PATH}/${person.id}"
                        >${t('console.people.edit')}<span class="visually-hidden">: ${person.name}</span></a
                      >
                      <a href="${PEOPLE_PATH}/${person.id}/remove"
                        >${t('console.people.remove')}<span class="visually-hidden">: ${person.name}</span></a
                      >
                    </div>
                  </td>`
                : null
            }
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function pager(view: PeopleView): SafeHtml | null {
  const { t } = consoleMessages(view.session);
  const query = (cursor: string | null) => {
    const parameters = new URLSearchParams();
    if (view.q) parameters.set('q', view.q);
    if (cursor) parameters.set('cursor', cursor);
    const text = parameters.toString();
    return text ? `${PEOPLE_PATH}?${text}` : PEOPLE_PATH;
  };
  if (!view.later && !view.page.nextCursor) return null;
  return html`<p class="actions">
    ${view.later ? html`<a href="${query(null)}">${t('console.people.first')}</a>` : null}
    ${view.page.nextCursor ? html`<a href="${query(view.page.nextCursor)}">${t('console.people.next')}</a>` : null}
  </p>`;
}
