import { ConsoleSession } from '@app/accounts';
import { ImportFileProblem, ImportPreview, ImportRow } from '@app/planning';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { columnLabel, PEOPLE_PATH, PEOPLE_STYLE } from './people.page';

export const IMPORT_PATH = `${PEOPLE_PATH}/import`;

/** The upload form, again with what was wrong with the file when it was refused. */
export function importFormPage(session: ConsoleSession, problem: ImportFileProblem | null): string {
  const { t } = consoleMessages(session);
  const title = t('console.people.importPage.title');
  const body = html`<h1>${title}</h1>
    <p>${t('console.people.importPage.intro')}</p>
    <ul>
      <li>${t('console.people.importPage.required')}</li>
      <li>${t('console.people.importPage.optional')}</li>
    </ul>
    <p>${t('console.people.importPage.limits')}</p>
    ${uploadForm(session, problem)}`;
  return consolePage({ session, screen: 'people', title, body, style: PEOPLE_STYLE });
}

function uploadForm(session: ConsoleSession, problem: ImportFileProblem | null): SafeHtml {
  const { t } = consoleMessages(session);
  // The token comes before the file, so that it is read even when the file is refused as too large.
  return html`<form method="post" action="${IMPORT_PATH}" enctype="multipart/form-data">
    ${csrfField(session)}
    <div class="field">
      <label for="import-file">${t('console.people.importPage.file')}</label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        ${problem ? html`aria-invalid="true" aria-describedby="import-file-problem"` : null}
      />
      ${
        problem
          ? html`<p class="field-error" id="import-file-problem" role="alert">
              ${t(`console.people.importPage.fileProblems.${problem}`)}
            </p>`
          : null
      }
    </div>
    <button type="submit">${t('console.people.importPage.preview')}</button>
  </form>`;
}

export interface ImportPreviewView {
  session: ConsoleSession;
  preview: ImportPreview;
  /** The file previewed, carried by the confirmation form: nothing is kept on the server. */
  file: Buffer;
  /** The people changed since an earlier preview, and this is the new one. */
  outdated: boolean;
}

export function importPreviewPage(view: ImportPreviewView): string {
  const { session, preview } = view;
  const { t } = consoleMessages(session);
  const title = t('console.people.importPage.previewTitle');
  const importable = preview.counts.new + preview.counts.update;
  const body = html`<h1>${title}</h1>
    ${view.outdated ? html`<p class="problem" role="alert">${t('console.people.importPage.outdated')}</p>` : null}
    <p class="notice" role="status">${t('console.people.importPage.summary', { ...preview.counts })}</p>
    ${preview.counts.error > 0 ? html`<p>${t('console.people.importPage.errorsLeftOut')}</p>` : null}
    <table>
      <thead>
        <tr>
          <th scope="col">${t('console.people.importPage.row')}</th>
          <th scope="col">${t('console.people.name')}</th>
          <th scope="col">${t('console.people.email')}</th>
          <th scope="col">${t('console.people.importPage.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        ${preview.rows.map((row) => previewRow(session, row))}
      </tbody>
    </table>
    ${
      importable > 0
        ? html`<form
            class="actions"
            method="post"
            action="${IMPORT_PATH}/confirm"
            enctype="multipart/form-data"
          >
            ${csrfField(session)}
            <input type="hidden" name="content" value="${view.file.toString('base64')}" />
            <input type="hidden" name="fingerprint" value="${preview.fingerprint}" />
            <button type="submit">${t('console.people.importPage.confirm', { count: importable })}</button>
            <a href="${IMPORT_PATH}">${t('console.people.importPage.another')}</a>
          </form>`
        : html`<p>${t('console.people.importPage.nothingToImport')}</p>
            <p><a href="${IMPORT_PATH}">${t('console.people.importPage.another')}</a></p>`
    }`;
  return consolePage({ session, screen: 'people', title, body, style: PEOPLE_STYLE });
}

function previewRow(session: ConsoleSession, row: ImportRow): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<tr>
    <td class="line">${t('console.people.importPage.row')} ${row.line}</td>
    <td data-label="${t('console.people.name')}">${row.name || '–'}</td>
    <td data-label="${t('console.people.email')}">${row.email || '–'}</td>
    <td data-label="${t('console.people.importPage.outcome')}">
      <span class="outcome-${row.outcome}">${t(`console.people.importPage.outcomes.${row.outcome}`)}</span>
      ${
        row.outcome === 'update'
          ? html`<br />${t('console.people.importPage.changes', {
                columns: row.changes.map((column) => columnLabel(session, column)).join(', '),
              })}`
          : null
      }
      ${
        row.errors.length > 0
          ? html`<ul class="problems">
              ${row.errors.map(
                (error) =>
                  html`<li>
                    ${t('console.people.importPage.errorIn', {
                      problem: t(`console.people.problems.${error.problem}`),
                      column: columnLabel(session, error.column),
                    })}
                  </li>`,
              )}
            </ul>`
          : null
      }
    </td>
  </tr>`;
}
