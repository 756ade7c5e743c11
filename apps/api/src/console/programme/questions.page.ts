import { ConsoleSession } from '@app/accounts';
import { Event } from '@app/planning';
import { html, Messages, SafeHtml } from '@app/presentation';
import {
  ASKED_AT,
  EventQuestions,
  QUESTION_TYPES,
  QuestionInput,
  MAX_RETENTION_DAYS,
  questionTextsIn,
  RetentionPolicy,
} from '@app/registration';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { editorPath, missingBadges } from './programme-list.page';
import { PROGRAMME_STYLE } from './programme-style';
import { QuestionField } from './question-form';

export function questionsPath(eventId: string): string {
  return `${editorPath(eventId)}/questions`;
}

/** A question's form shown again: what was entered, for which question, and what was wrong. */
export interface QuestionFormAgain {
  /** The question edited, or null for a new one. */
  questionId: string | null;
  values: QuestionInput;
  fields: Set<QuestionField>;
  /** Answers hold what the change would remove (409). */
  inUse: boolean;
}

export interface QuestionsView {
  event: Event;
  questions: EventQuestions;
  retention: RetentionPolicy;
  saved?: boolean;
  again?: QuestionFormAgain;
  /** The days as entered, shown again when they were refused. */
  retentionAgain?: string;
}

const STYLE = `
  .questions { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.75rem; }
  .questions > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.75rem 1rem; }
  .questions h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
  .question-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0 0; }
  .question-tools form { margin: 0; }
  .question-tools button { min-height: 2.75rem; }
  .checks { border: none; padding: 0; margin: 0 0 1rem; }
  .checks legend { font-weight: 600; margin-bottom: 0.25rem; }
  .check { display: flex; gap: 0.5rem; align-items: center; margin: 0.35rem 0; }
  .check input { width: 1.25rem; height: 1.25rem; margin: 0; }
  details summary { cursor: pointer; min-height: 2.75rem; display: inline-flex; align-items: center; color: #004c80; text-decoration: underline; }
`;

/** The event's registration questions: each with its tools, and a form to add one. */
export function questionsPage(session: ConsoleSession, view: QuestionsView): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event, questions } = view;
  const editable = questions.editable && event.status !== 'cancelled';
  const list = questions.questions;
  const body = html`<p>
      <a href="${editorPath(event.id)}">${t('console.questions.back', { title: event.title })}</a>
    </p>
    <h1>${t('console.questions.title', { title: event.title })}</h1>
    <p>${t('console.questions.intro')}</p>
    ${view.saved ? html`<p class="notice" role="status">${t('console.questions.saved')}</p>` : null}
    ${
      view.again
        ? html`<p class="problem" role="alert">
            ${t(view.again.inUse ? 'console.questions.inUse' : 'console.questions.errorSummary')}
          </p>`
        : null
    }
    ${editable ? null : html`<p class="muted">${t('console.questions.readOnly')}</p>`}
    ${
      list.length === 0
        ? html`<p>${t('console.questions.none')}</p>`
        : html`<ol class="questions">
            ${list.map((question, index) => questionItem(session, view, question, index, editable))}
          </ol>`
    }
    ${editable ? addForm(session, view) : null} ${retentionSection(session, view, editable)}`;
  return consolePage({
    session,
    screen: 'programme',
    title: t('console.questions.title', { title: event.title }),
    body,
    style: PROGRAMME_STYLE + STYLE,
  });
}

/** How long sensitive answers are kept after the event: the default, or the event's own days. */
function retentionSection(session: ConsoleSession, view: QuestionsView, editable: boolean): SafeHtml {
  const { t } = consoleMessages(session);
  const { retention } = view;
  const wrong = view.retentionAgain !== undefined;
  const described = wrong ? 'retention-days-hint retention-days-error' : 'retention-days-hint';
  return html`<section aria-labelledby="retention-heading">
    <h2 id="retention-heading">${t('console.questions.retention.title')}</h2>
    <p>
      ${t(
        retention.days === null ? 'console.questions.retention.default' : 'console.questions.retention.own',
        {
          count: retention.effectiveDays,
          defaultDays: retention.defaultDays,
        },
      )}
    </p>
    ${
      editable && retention.editable
        ? html`<form method="post" action="${questionsPath(view.event.id)}/retention" novalidate>
            ${csrfField(session)}
            <div class="field">
              <label for="retention-days">${t('console.questions.retention.label')}</label>
              <p class="hint" id="retention-days-hint">
                ${t('console.questions.retention.hint', { defaultDays: retention.defaultDays })}
              </p>
              ${
                wrong
                  ? html`<p class="field-error" id="retention-days-error">
                      ${t('console.questions.retention.error', { max: MAX_RETENTION_DAYS })}
                    </p>`
                  : null
              }
              <input
                id="retention-days"
                name="days"
                inputmode="numeric"
                value="${view.retentionAgain ?? retention.days ?? ''}"
                aria-describedby="${described}"
                ${wrong ? html`aria-invalid="true" autofocus` : null}
              />
            </div>
            <button type="submit" class="secondary">${t('console.questions.retention.save')}</button>
          </form>`
        : null
    }
  </section>`;
}

function questionItem(
  session: ConsoleSession,
  view: QuestionsView,
  question: EventQuestions['questions'][number],
  index: number,
  editable: boolean,
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const path = `${questionsPath(view.event.id)}/${question.id}`;
  const again = view.again?.questionId === question.id ? view.again : undefined;
  const facts = [
    t(`console.questions.types.${question.type}`),
    question.askedAt.map((when) => t(`console.questions.asked.${when}`)).join(', '),
  ].join(' · ');
  const button = (action: string, label: string, extra?: SafeHtml) =>
    html`<form method="post" action="${path}/${action}">
      ${csrfField(session)} ${extra ?? null}
      <button type="submit" class="secondary">${label}</button>
    </form>`;
  const texts = questionTextsIn(question, view.questions.originalLanguage, messages.language);
  const lang = texts.fellBackTo ? html`lang="${texts.fellBackTo}"` : null;
  return html`<li>
    <h2 id="question-${question.id}"><span ${lang}>${texts.label}</span></h2>
    ${missingBadges(session, view.event, question.missingTranslations)}
    <p class="muted">
      ${facts}
      ${question.required ? html` · <span class="badge">${t('console.questions.badges.required')}</span>` : null}
      ${question.sensitive ? html` · <span class="badge cancelled">${t('console.questions.badges.sensitive')}</span>` : null}
    </p>
    ${
      question.options.length > 0
        ? html`<ul>
            ${texts.optionLabels.map((option) => html`<li ${lang}>${option}</li>`)}
          </ul>`
        : null
    }
    ${
      editable
        ? html`<div class="question-tools">
              ${index > 0 ? button('move', t('console.questions.moveUp'), html`<input type="hidden" name="direction" value="up" />`) : null}
              ${index < view.questions.questions.length - 1 ? button('move', t('console.questions.moveDown'), html`<input type="hidden" name="direction" value="down" />`) : null}
              ${button('remove', t('console.questions.remove'))}
            </div>
            <details ${again ? html`open` : null}>
              <summary>${t('console.questions.edit')}</summary>
              ${questionForm(session, messages, {
                action: path,
                prefix: `edit-${question.id}`,
                values: again?.values ?? question,
                fields: again?.fields ?? new Set(),
                inUse: again?.inUse ?? false,
                submit: t('console.questions.save'),
              })}
            </details>`
        : null
    }
  </li>`;
}

function addForm(session: ConsoleSession, view: QuestionsView): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const again = view.again?.questionId === null ? view.again : undefined;
  return html`<section class="panel" aria-labelledby="add-question-heading">
    <h2 id="add-question-heading">${t('console.questions.addTitle')}</h2>
    ${questionForm(session, messages, {
      action: questionsPath(view.event.id),
      prefix: 'new-question',
      values: again?.values ?? { type: 'text', label: '', options: [], askedAt: ['answer'] },
      fields: again?.fields ?? new Set(),
      inUse: false,
      submit: t('console.questions.add'),
    })}
    <p class="hint">${t('console.questions.removeHint')}</p>
  </section>`;
}

interface QuestionFormView {
  action: string;
  prefix: string;
  values: QuestionInput;
  fields: Set<QuestionField>;
  /** The fields are wrong because answers hold what they removed (409), not because they are malformed. */
  inUse: boolean;
  submit: string;
}

function questionForm(session: ConsoleSession, messages: Messages, view: QuestionFormView): SafeHtml {
  const { t } = messages;
  const id = (field: string) => `${view.prefix}-${field}`;
  const wrong = (field: QuestionField) => view.fields.has(field);
  const error = (field: QuestionField) =>
    wrong(field)
      ? html`<p class="field-error" id="${id(field)}-error">
          ${t(view.inUse ? 'console.questions.errors.inUse' : `console.questions.errors.${field}`)}
        </p>`
      : null;
  const described = (field: QuestionField, hint = false) => {
    const ids = [hint ? `${id(field)}-hint` : null, wrong(field) ? `${id(field)}-error` : null].filter(
      Boolean,
    );
    return html`${ids.length > 0 ? html`aria-describedby="${ids.join(' ')}"` : null}
    ${wrong(field) ? html`aria-invalid="true"` : null}`;
  };
  const first = ['label', 'type', 'options', 'askedAt'].find((field) => wrong(field as QuestionField));
  const focus = (field: QuestionField) => (first === field ? html`autofocus` : null);
  const checkbox = (name: string, field: string, checked: boolean, label: string, hint?: string) =>
    html`<div class="check">
        <input
          type="checkbox"
          id="${id(field)}"
          name="${name}"
          ${name === 'askedAt' ? html`value="${field.split('-').pop()}"` : null}
          ${checked ? html`checked` : null}
          ${hint ? html`aria-describedby="${id(field)}-hint"` : null}
          ${name === 'askedAt' ? described('askedAt') : null}
          ${name === 'askedAt' && field.endsWith('sign_up') ? focus('askedAt') : null}
        />
        <label for="${id(field)}">${label}</label>
      </div>
      ${hint ? html`<p class="hint" id="${id(field)}-hint">${hint}</p>` : null}`;
  return html`<form method="post" action="${view.action}" novalidate>
    ${csrfField(session)}
    <div class="field">
      <label for="${id('label')}">${t('console.questions.fields.label')}</label> ${error('label')}
      <input
        id="${id('label')}"
        name="label"
        value="${view.values.label}"
        maxlength="300"
        ${described('label')}
        ${focus('label')}
      />
    </div>
    <div class="field">
      <label for="${id('type')}">${t('console.questions.fields.type')}</label> ${error('type')}
      <select id="${id('type')}" name="type" ${described('type')} ${focus('type')}>
        ${QUESTION_TYPES.map(
          (type) =>
            html`<option value="${type}" ${type === view.values.type ? html`selected` : null}>
              ${t(`console.questions.types.${type}`)}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="${id('options')}">${t('console.questions.fields.options')}</label> ${error('options')}
      <textarea
        id="${id('options')}"
        name="options"
        rows="3"
        ${described('options', true)}
        ${focus('options')}
      >
${(view.values.options ?? []).join('\n')}</textarea>
      <p class="hint" id="${id('options')}-hint">${t('console.questions.fields.optionsHint')}</p>
    </div>
    <fieldset class="checks">
      <legend>${t('console.questions.fields.askedAt')}</legend>
      ${error('askedAt')}
      ${ASKED_AT.map((when) =>
        checkbox(
          'askedAt',
          `askedAt-${when}`,
          (view.values.askedAt ?? []).includes(when),
          t(`console.questions.asked.${when}`),
        ),
      )}
    </fieldset>
    ${checkbox('required', 'required', view.values.required ?? false, t('console.questions.fields.required'))}
    ${checkbox('sensitive', 'sensitive', view.values.sensitive ?? false, t('console.questions.fields.sensitive'), t('console.questions.fields.sensitiveHint'))}
    <button type="submit">${view.submit}</button>
  </form>`;
}
