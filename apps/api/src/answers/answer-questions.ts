import { html, Messages, SafeHtml } from '@app/presentation';
import { Locale } from '@app/planning';
import { AnswerProblemReason, questionTextsIn, RegistrationQuestion } from '@app/registration';

/** The registration questions on the answer form: what is asked, what was entered, what was wrong. */
export interface QuestionsForm {
  questions: RegistrationQuestion[];
  /** Stored answers, or what was just sent when it is shown again with its mistakes. */
  values: Record<string, unknown>;
  errors: Map<string, AnswerProblemReason>;
  /** The event's language: the questions' texts fall back to it where a translation is missing. */
  originalLanguage: Locale;
}

export const QUESTIONS_STYLE = `
  .question { margin: 1rem 0; }
  .question > label, .question > legend { font-weight: 600; display: block; margin-bottom: 0.3rem; }
  .question fieldset { border: none; margin: 0; padding: 0; }
  .question input[type='text'], .question input[type='date'], .question textarea, .question select {
    font: inherit; padding: 0.45rem; border: 1px solid #767676; border-radius: 0.3rem; width: 100%; max-width: 32rem; box-sizing: border-box;
  }
  .hint { display: block; color: #4a4a4a; font-size: 0.95rem; font-weight: normal; }
  .field-error { display: block; color: #a4000f; font-weight: 600; margin: 0.3rem 0; }
  [aria-invalid='true'] { border-color: #a4000f !important; border-width: 2px !important; }
`;

const fieldId = (question: RegistrationQuestion) => `question-${question.id}`;
const errorId = (question: RegistrationQuestion) => `question-${question.id}-error`;
const fieldName = (question: RegistrationQuestion) => `question[${question.id}]`;

/** Said at the top when answers were refused, linking to the first wrong one. */
export function questionErrorSummary(form: QuestionsForm | undefined, { t }: Messages): SafeHtml | null {
  if (!form || form.errors.size === 0) return null;
  return html`<p class="note alert" role="alert">${t('answerPage.questions.errorSummary')}</p>`;
}

export function questionsFieldset(form: QuestionsForm, messages: Messages): SafeHtml | null {
  if (form.questions.length === 0) return null;
  const first = form.questions.find((question) => form.errors.has(question.id));
  return html`<fieldset>
    <legend>${messages.t('answerPage.questions.legend')}</legend>
    ${form.questions.map((question) => questionField(question, form, messages, question === first))}
  </fieldset>`;
}

function questionField(
  question: RegistrationQuestion,
  form: QuestionsForm,
  messages: Messages,
  focus: boolean,
): SafeHtml {
  const { t } = messages;
  const reason = form.errors.get(question.id);
  const hintId = `${fieldId(question)}-hint`;
  const hints = [
    question.required ? t('answerPage.questions.requiredWhenAccepting') : null,
    question.sensitive ? t('answerPage.questions.sensitive') : null,
  ].filter((hint): hint is string => hint !== null);
  const describedBy = [reason ? errorId(question) : null, hints.length > 0 ? hintId : null]
    .filter(Boolean)
    .join(' ');
  const control: Control = {
    id: fieldId(question),
    name: fieldName(question),
    invalid: reason !== undefined,
    describedBy,
    focus,
    value: form.values[question.id],
  };
  const texts = questionTextsIn(question, form.originalLanguage, messages.language);
  const lang = texts.fellBackTo ? html`lang="${texts.fellBackTo}"` : null;
  const hint = hints.length > 0 ? html`<span class="hint" id="${hintId}">${hints.join(' · ')}</span>` : null;
  const error = reason
    ? html`<span class="field-error" id="${errorId(question)}"
        >${t(`answerPage.questions.errors.${reason}`)}</span
      >`
    : null;
  if (question.type === 'text' || question.type === 'date') {
    return html`<div class="question">
      <label for="${control.id}"><span ${lang}>${texts.label}</span> ${hint}</label>
      ${error} ${question.type === 'text' ? textArea(control) : dateInput(control)}
    </div>`;
  }
  const options =
    question.type === 'yes_no'
      ? [
          { value: 'yes', label: t('answerPage.questions.yes') },
          { value: 'no', label: t('answerPage.questions.no') },
        ]
      : question.options.map((option, index) => ({ value: option, label: texts.optionLabels[index] }));
  const multiple = question.type === 'multiple_choice';
  const chosen = chosenValues(control.value);
  return html`<div class="question">
    <fieldset>
      <legend><span ${lang}>${texts.label}</span> ${hint}</legend>
      ${error}
      ${options.map(
        (option, index) =>
          html`<div class="option">
            <input
              type="${multiple ? 'checkbox' : 'radio'}"
              id="${control.id}-${index}"
              name="${control.name}${multiple ? '[]' : ''}"
              value="${option.value}"
              ${control.describedBy ? html`aria-describedby="${control.describedBy}"` : null}
              ${control.invalid ? html`aria-invalid="true"` : null}
              ${control.focus && index === 0 ? html`autofocus` : null}
              ${chosen.includes(option.value) ? html`checked` : null}
            />
            <label for="${control.id}-${index}">${option.label}</label>
          </div>`,
      )}
    </fieldset>
  </div>`;
}

interface Control {
  id: string;
  name: string;
  invalid: boolean;
  describedBy: string;
  focus: boolean;
  value: unknown;
}

function attributes(control: Control): SafeHtml {
  return html`id="${control.id}" name="${control.name}"
  ${control.describedBy ? html`aria-describedby="${control.describedBy}"` : null}
  ${control.invalid ? html`aria-invalid="true"` : null} ${control.focus ? html`autofocus` : null}`;
}

function textArea(control: Control): SafeHtml {
  const text = typeof control.value === 'string' ? control.value : '';
  return html`<textarea ${attributes(control)} rows="3" maxlength="2000">${text}</textarea>`;
}

function dateInput(control: Control): SafeHtml {
  const date = typeof control.value === 'string' ? control.value : '';
  return html`<input type="date" ${attributes(control)} value="${date}" />`;
}

/** The values a choice shows as chosen: stored booleans read as the yes/no radios' values. */
function chosenValues(value: unknown): string[] {
  if (value === true) return ['yes'];
  if (value === false) return ['no'];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}
