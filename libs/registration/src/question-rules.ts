import { FieldProblem } from '@app/errors';
import { DateTime } from 'luxon';
import { Locale } from '@app/planning';
import { AnswerProblem } from './registration.error';
import { checkTranslations, QuestionTexts, QuestionTranslations } from './question-translations';
import {
  ASKED_AT,
  AnswerValue,
  AskedAt,
  CHOICE_TYPES,
  LIMITS,
  QUESTION_TYPES,
  QuestionType,
} from './question-types';

/** A question as an organiser writes it; without an id it is new. */
export interface QuestionInput {
  id?: string;
  type: QuestionType;
  label: string;
  options?: string[];
  required?: boolean;
  askedAt?: AskedAt[];
  sensitive?: boolean;
  /** By language other than the event's; left out, an existing question keeps its translations. */
  translations?: Record<string, QuestionTexts>;
}

/** A question as the rules below need it. */
export interface AskedQuestion {
  id: string;
  type: QuestionType;
  label: string;
  options: string[];
  required: boolean;
  askedAt: AskedAt[];
}

export type CheckedQuestion = Omit<Required<QuestionInput>, 'id' | 'translations'> &
  Pick<QuestionInput, 'id'> & { translations?: QuestionTranslations };

/** The questions in their new order, tidied (trimmed texts, no options where none belong). */
export function checkQuestions(
  inputs: QuestionInput[],
  originalLanguage: Locale = 'de',
): {
  questions: CheckedQuestion[];
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const wrong = (index: number, field: string, message: string) =>
    problems.push({ field: `questions[${index}].${field}`, message: `Question ${index + 1}: ${message}` });
  if (inputs.length > LIMITS.questionsPerEvent) {
    problems.push({
      field: 'questions',
      message: `An event asks at most ${LIMITS.questionsPerEvent} questions.`,
    });
  }
  const ids = new Set<string>();
  const questions = inputs.map((input, index) => {
    const label = typeof input.label === 'string' ? input.label.trim() : '';
    if (!label) wrong(index, 'label', 'the question needs a text.');
    else if (label.length > LIMITS.labelLength)
      wrong(index, 'label', `the text is longer than ${LIMITS.labelLength} characters.`);
    if (!(QUESTION_TYPES as readonly string[]).includes(input.type))
      wrong(index, 'type', `the type must be one of ${QUESTION_TYPES.join(', ')}.`);
    if (input.id !== undefined) {
      if (ids.has(input.id)) wrong(index, 'id', 'the same question appears twice.');
      ids.add(input.id);
    }
    const choice = CHOICE_TYPES.includes(input.type);
    const options = choice ? (input.options ?? []).map((option) => String(option).trim()) : [];
    if (choice) {
      if (options.length < 2) wrong(index, 'options', 'a choice needs at least two answers to choose from.');
      if (options.length > LIMITS.optionsPerQuestion)
        wrong(index, 'options', `at most ${LIMITS.optionsPerQuestion} answers to choose from.`);
      if (options.some((option) => !option)) wrong(index, 'options', 'an answer to choose from is empty.');
      if (options.some((option) => option.length > LIMITS.optionLength))
        wrong(index, 'options', `an answer to choose from is longer than ${LIMITS.optionLength} characters.`);
      if (new Set(options).size !== options.length)
        wrong(index, 'options', 'the same answer is offered twice.');
    } else if ((input.options ?? []).length > 0) {
      wrong(index, 'options', `a ${input.type} question offers no answers to choose from.`);
    }
    const askedAt = [...new Set(input.askedAt ?? ['answer'])];
    if (askedAt.length === 0 || askedAt.some((when) => !(ASKED_AT as readonly string[]).includes(when))) {
      wrong(index, 'askedAt', `asked at must name one or both of ${ASKED_AT.join(', ')}.`);
    }
    const translations =
      input.translations === undefined
        ? undefined
        : checkTranslations(input.translations, options, originalLanguage, (field, message) =>
            wrong(index, field, message),
          );
    return {
      id: input.id,
      type: input.type,
      label,
      options,
      required: input.required ?? false,
      askedAt: ASKED_AT.filter((when) => askedAt.includes(when)),
      sensitive: input.sensitive ?? false,
      translations,
    };
  });
  return { questions, problems };
}

/**
 * Reads the answers to the questions asked at this stage. Raw values are what a form or JSON
 * sends (strings, arrays of strings, booleans); an empty one means "no answer". Required
 * questions must be answered only when the person accepts: declining asks nothing of them.
 */
export function readAnswers(
  questions: AskedQuestion[],
  raw: Record<string, unknown>,
  stage: { askedAt: AskedAt; accepting: boolean },
): { values: Map<string, AnswerValue | null>; problems: AnswerProblem[] } {
  const asked = questions.filter((question) => question.askedAt.includes(stage.askedAt));
  const problems: AnswerProblem[] = [];
  const values = new Map<string, AnswerValue | null>();
  const known = new Set(asked.map((question) => question.id));
  for (const id of Object.keys(raw)) {
    if (!known.has(id)) problems.push({ questionId: id, label: id, reason: 'unknown_question' });
  }
  for (const question of asked) {
    const read = readAnswer(question, raw[question.id]);
    if ('reason' in read) {
      problems.push({ questionId: question.id, label: question.label, reason: read.reason });
    } else if (read.value === null && question.required && stage.accepting) {
      problems.push({ questionId: question.id, label: question.label, reason: 'required' });
    } else {
      values.set(question.id, read.value);
    }
  }
  return { values, problems };
}

function readAnswer(
  question: AskedQuestion,
  raw: unknown,
): { value: AnswerValue | null } | { reason: AnswerProblem['reason'] } {
  if (raw === undefined || raw === null || raw === '') return { value: null };
  switch (question.type) {
    case 'text': {
      if (typeof raw !== 'string') return { reason: 'not_text' };
      const text = raw.trim();
      if (text.length > LIMITS.textAnswerLength) return { reason: 'too_long' };
      return { value: text || null };
    }
    case 'single_choice':
      return typeof raw === 'string' && question.options.includes(raw)
        ? { value: raw }
        : { reason: 'not_offered' };
    case 'multiple_choice': {
      const chosen = Array.isArray(raw) ? (raw as unknown[]) : [raw];
      if (chosen.some((option) => typeof option !== 'string' || !question.options.includes(option))) {
        return { reason: 'not_offered' };
      }
      // In the order offered, once each: the stored answer reads like the form.
      const picked = question.options.filter((option) => chosen.includes(option));
      return { value: picked.length > 0 ? picked : null };
    }
    case 'yes_no':
      if (raw === true || raw === 'yes') return { value: true };
      if (raw === false || raw === 'no') return { value: false };
      return { reason: 'not_yes_no' };
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) && DateTime.fromISO(raw).isValid
        ? { value: raw }
        : { reason: 'not_a_date' };
  }
}
