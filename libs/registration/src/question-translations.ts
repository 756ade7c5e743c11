import { Locale, LOCALES } from '@app/planning';
import { LIMITS } from './question-types';

/** A question's texts in one language other than the event's: the options in the original's order. */
export interface QuestionTexts {
  label: string;
  options?: string[];
}

export type QuestionTranslations = Partial<Record<Locale, QuestionTexts>>;

/** What a question needs for its texts to be read in a language. */
export interface TranslatableQuestion {
  label: string;
  options: string[];
  translations: QuestionTranslations;
}

/** A question's texts as a reader of one language sees them. */
export interface QuestionTextsIn {
  label: string;
  /** The options' texts to show, in the original's order; answers keep the original's texts. */
  optionLabels: string[];
  /** The original language when some text shown is not in the reader's, so pages mark it (`lang`). */
  fellBackTo: Locale | null;
}

/**
 * The question's label and options in the reader's language, each falling back to the original
 * (the event's language) where there is no translation, as events' texts do.
 */
export function questionTextsIn(
  question: TranslatableQuestion,
  originalLanguage: Locale,
  language: string | null | undefined,
): QuestionTextsIn {
  const wanted = LOCALES.find((locale) => locale === language);
  const original = { label: question.label, optionLabels: question.options, fellBackTo: null };
  if (!wanted || wanted === originalLanguage) return original;
  const translation = question.translations[wanted];
  const label = translation?.label || question.label;
  const optionLabels = question.options.map((option, index) => translation?.options?.[index] || option);
  const fellBack =
    !translation?.label ||
    optionLabels.some((option, index) => option === question.options[index] && !translation.options?.[index]);
  return { label, optionLabels, fellBackTo: fellBack ? originalLanguage : null };
}

/** The languages a question is not fully translated into yet. */
export function missingQuestionTranslations(
  question: TranslatableQuestion,
  originalLanguage: Locale,
): Locale[] {
  return LOCALES.filter(
    (language) =>
      language !== originalLanguage &&
      questionTextsIn(question, originalLanguage, language).fellBackTo !== null,
  );
}

/**
 * Translations as stored: known languages other than the original, trimmed texts within the
 * limits, one option text per option (empty ones read as untranslated).
 */
export function checkTranslations(
  translations: Record<string, QuestionTexts>,
  options: string[],
  originalLanguage: Locale,
  wrong: (field: string, message: string) => void,
): QuestionTranslations {
  const checked: QuestionTranslations = {};
  for (const [language, texts] of Object.entries(translations)) {
    const known = LOCALES.find((locale) => locale === language);
    const field = `translations.${language}`;
    if (!known) {
      wrong(field, `unknown language "${language}"; use one of ${LOCALES.join(', ')}.`);
      continue;
    }
    if (known === originalLanguage) {
      wrong(field, `the event is written in ${known}: change the question's own text instead.`);
      continue;
    }
    const label = typeof texts?.label === 'string' ? texts.label.trim() : '';
    if (label.length > LIMITS.labelLength)
      wrong(`${field}.label`, `the text is longer than ${LIMITS.labelLength} characters.`);
    const translated = (texts?.options ?? []).map((option) => String(option).trim());
    if (translated.length > 0 && translated.length !== options.length)
      wrong(
        `${field}.options`,
        `give one text per answer to choose from (${options.length}), in their order.`,
      );
    if (translated.some((option) => option.length > LIMITS.optionLength))
      wrong(`${field}.options`, `an answer to choose from is longer than ${LIMITS.optionLength} characters.`);
    checked[known] = { label, ...(translated.some(Boolean) ? { options: translated } : {}) };
  }
  return checked;
}
