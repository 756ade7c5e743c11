import { ConsoleSession } from '@app/accounts';
import { ImportColumn, LOCALES, PersonContactView, PersonFieldProblem } from '@app/planning';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { languageName, PEOPLE_PATH, PEOPLE_STYLE } from './people.page';

/** The form's fields, as the import's columns name them. */
export type PersonFormValues = Record<ImportColumn, string>;

export type PersonFormProblem = PersonFieldProblem | 'email_taken';

export interface PersonFormView {
  session: ConsoleSession;
  /** The person edited; null when adding one. */
  person: Pick<PersonContactView, 'id' | 'name'> | null;
  values: PersonFormValues;
  problems: Partial<Record<ImportColumn, PersonFormProblem>>;
}

/** Every IANA zone the runtime knows, offered while typing; the planning rules decide what is valid. */
const ZONES = Intl.supportedValuesOf('timeZone');

export function personFormPage(view: PersonFormView): string {
  const { session, person } = view;
  const { t } = consoleMessages(session);
  const title = person
    ? t('console.people.form.editTitle', { name: person.name })
    : t('console.people.form.addTitle');
  const action = person ? `${PEOPLE_PATH}/${person.id}` : PEOPLE_PATH;
  const hasProblems = Object.keys(view.problems).length > 0;
  const body = html`<h1>${title}</h1>
    ${hasProblems ? html`<p class="problem" role="alert">${t('console.people.form.errorSummary')}</p>` : null}
    <form method="post" action="${action}" novalidate>
      ${csrfField(session)} ${field(view, 'name', html`autocomplete="off" maxlength="200" required`)}
      ${field(view, 'email', html`type="email" autocomplete="off" maxlength="254" required`)}
      <div class="field">
        <label for="person-language">${t('console.people.language')}</label>
        <select id="person-language" name="language" ${describedBy(view, 'language', false)}>
          ${LOCALES.map(
            (locale) =>
              html`<option value="${locale}" ${view.values.language === locale ? html`selected` : null}>
                ${languageName(session, locale)}
              </option>`,
          )}
        </select>
        ${problemText(view, 'language')}
      </div>
      ${field(view, 'timeZone', html`list="zones" autocomplete="off" maxlength="64"`, t('console.people.form.zoneHint'))}
      <datalist id="zones">${ZONES.map((zone) => html`<option value="${zone}"></option>`)}</datalist>
      ${field(view, 'department', html`autocomplete="off" maxlength="200"`, t('console.people.form.departmentHint'))}
      <p class="actions">
        <button type="submit">${t('console.people.form.save')}</button>
        <a href="${PEOPLE_PATH}">${t('console.people.form.cancel')}</a>
      </p>
    </form>`;
  return consolePage({ session, screen: 'people', title, body, style: PEOPLE_STYLE });
}

function field(view: PersonFormView, column: ImportColumn, attributes: SafeHtml, hint?: string): SafeHtml {
  const { t } = consoleMessages(view.session);
  const id = `person-${column}`;
  return html`<div class="field">
    <label for="${id}">${t(`console.people.${column}`)}</label>
    <input
      id="${id}"
      name="${column}"
      value="${view.values[column]}"
      ${attributes}
      ${describedBy(view, column, !!hint)}
    />
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : null} ${problemText(view, column)}
  </div>`;
}

/** Links a field to its hint and its problem, so that screen readers read them with the field. */
function describedBy(view: PersonFormView, column: ImportColumn, hint: boolean): SafeHtml | null {
  const ids = [
    ...(hint ? [`person-${column}-hint`] : []),
    ...(view.problems[column] ? [`person-${column}-problem`] : []),
  ];
  if (ids.length === 0) return null;
  return html`aria-describedby="${ids.join(' ')}" ${view.problems[column] ? html`aria-invalid="true"` : null}`;
}

function problemText(view: PersonFormView, column: ImportColumn): SafeHtml | null {
  const problem = view.problems[column];
  if (!problem) return null;
  const { t } = consoleMessages(view.session);
  return html`<p class="field-error" id="person-${column}-problem">
    ${t(`console.people.problems.${problem}`)}
  </p>`;
}

/** Removing is erasing: the page says what goes and what stays before the organiser confirms. */
export function removePersonPage(
  session: ConsoleSession,
  person: Pick<PersonContactView, 'id' | 'name'>,
): string {
  const { t } = consoleMessages(session);
  const title = t('console.people.removePage.title', { name: person.name });
  const body = html`<h1>${title}</h1>
    <p>${t('console.people.removePage.intro')}</p>
    <ul>
      <li>${t('console.people.removePage.personalData')}</li>
      <li>${t('console.people.removePage.anonymous')}</li>
      <li>${t('console.people.removePage.seats')}</li>
    </ul>
    <p><strong>${t('console.people.removePage.irreversible')}</strong></p>
    <form class="actions" method="post" action="${PEOPLE_PATH}/${person.id}/remove">
      ${csrfField(session)}
      <button type="submit" class="danger">${t('console.people.removePage.confirm')}</button>
      <a href="${PEOPLE_PATH}">${t('console.people.removePage.keep')}</a>
    </form>`;
  return consolePage({ session, screen: 'people', title, body, style: PEOPLE_STYLE });
}
