import { Locale, LOCALES } from '../shared/locale';
import { PlanningError } from '../shared/planning.error';
import { normaliseTitle } from './event-rules';

/** The texts of an event that are translated. */
export interface EventTexts {
  title: string;
  description: string;
  venueNotes: string;
}

/** An event's texts in the languages other than its original, by language. */
export type EventTranslations = Partial<Record<Locale, EventTexts>>;

/** What an event needs for its texts to be read in a language. */
export interface TranslatableEvent extends EventTexts {
  originalLanguage: Locale;
  translations: EventTranslations;
}

/** An event's texts as a reader of one language sees them. */
export interface EventTextsIn extends EventTexts {
  /**
   * The original language when some text shown is not in the reader's language (there is no
   * translation yet, or it lacks a text the original has), so that pages and emails can say so;
   * null when everything shown is in the reader's language.
   */
  fellBackTo: Locale | null;
  /** The texts shown in the original language, so that pages can mark their language (`lang`). */
  inOriginal: Array<keyof EventTexts>;
}

/** The longest texts a translation takes, as the event's own columns do. */
export const TRANSLATION_LIMITS: Record<keyof EventTexts, number> = {
  title: 300,
  description: 20_000,
  venueNotes: 2_000,
};

/**
 * The texts of an event in a reader's language: the translation where it has a text, otherwise
 * the original text, and then `fellBackTo` names the original language. A reader of the original
 * language, or of a language we have no texts for, reads the original.
 */
export function eventTextsIn(event: TranslatableEvent, language: string | null | undefined): EventTextsIn {
  const original: EventTexts = {
    title: event.title,
    description: event.description,
    venueNotes: event.venueNotes,
  };
  const wanted = LOCALES.find((locale) => locale === language);
  if (!wanted || wanted === event.originalLanguage) return { ...original, fellBackTo: null, inOriginal: [] };
  const translation = event.translations[wanted];
  const inOriginal: Array<keyof EventTexts> = [];
  const pick = (field: keyof EventTexts): string => {
    const translated = translation?.[field] ?? '';
    if (translated !== '' || original[field] === '') return translated;
    inOriginal.push(field);
    return original[field];
  };
  const texts = { title: pick('title'), description: pick('description'), venueNotes: pick('venueNotes') };
  return { ...texts, fellBackTo: inOriginal.length > 0 ? event.originalLanguage : null, inOriginal };
}

/** A copy of the event with its texts in the reader's language (see `eventTextsIn`). */
export function inLanguage<E extends TranslatableEvent>(
  event: E,
  language: string | null | undefined,
): E & Pick<EventTextsIn, 'fellBackTo' | 'inOriginal'> {
  return { ...event, ...eventTextsIn(event, language) };
}

/** The languages in which some text of the event that has an original is not translated yet. */
export function missingTranslations(event: TranslatableEvent): Locale[] {
  return LOCALES.filter(
    (language) => language !== event.originalLanguage && eventTextsIn(event, language).fellBackTo !== null,
  );
}

/** One of our languages, or a 400 naming the field. */
export function assertLanguage(field: string, language: string): Locale {
  const known = LOCALES.find((locale) => locale === language);
  if (!known) {
    throw PlanningError.invalid(field, `Unknown language "${language}"; use one of ${LOCALES.join(', ')}.`);
  }
  return known;
}

/**
 * A translation as stored: trimmed, within the limits, with a title. A translation into the
 * original language is refused: that text is the event's own.
 */
export function normaliseTranslation(
  event: Pick<TranslatableEvent, 'originalLanguage'>,
  language: Locale,
  texts: Partial<EventTexts>,
): EventTexts {
  if (language === event.originalLanguage) {
    throw PlanningError.invalid(
      'language',
      `The event was written in ${language}; change its own title and description instead.`,
    );
  }
  const normalised: EventTexts = {
    title: normaliseTitle(texts.title ?? ''),
    description: (texts.description ?? '').trim(),
    venueNotes: (texts.venueNotes ?? '').trim(),
  };
  for (const field of Object.keys(TRANSLATION_LIMITS) as Array<keyof EventTexts>) {
    if (normalised[field].length > TRANSLATION_LIMITS[field]) {
      throw PlanningError.invalid(field, `At most ${TRANSLATION_LIMITS[field]} characters.`);
    }
  }
  return normalised;
}

/** The translations' texts as audited fields: `translations.sw.title` and so on. */
export function translationFields(translations: EventTranslations): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const language of LOCALES) {
    const texts = translations[language];
    if (!texts) continue;
    for (const field of Object.keys(TRANSLATION_LIMITS) as Array<keyof EventTexts>) {
      if (texts[field] !== '') fields[`translations.${language}.${field}`] = texts[field];
    }
  }
  return fields;
}
