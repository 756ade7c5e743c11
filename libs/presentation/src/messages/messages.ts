import { createInstance, TFunction } from 'i18next';
import { MessageKey } from './catalog';
import { de } from './catalog.de';
import { en } from './catalog.en';
import { sw } from './catalog.sw';

export const LANGUAGES = ['de', 'en', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Locales for Intl and luxon: dates as read in Germany, Britain (24-hour clock) and Tanzania. */
const INTL_LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB', sw: 'sw-TZ' };

const i18n = createInstance();
// Synchronous: the catalogs are in memory, and rendering is pure and runs in tests without awaiting.
void i18n.init({
  initAsync: false,
  resources: { de: { translation: de }, en: { translation: en }, sw: { translation: sw } },
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  nsSeparator: false,
  // The html template escapes when a text lands in markup; plain-text emails must not be escaped.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type MessageValues = Record<string, string | number>;

/** The texts of one language; `count` picks the plural form by the language's own rules. */
export interface Messages {
  language: Language;
  /** For Intl and luxon. */
  intlLocale: string;
  t: (key: MessageKey, values?: MessageValues) => string;
}

const messagesByLanguage = new Map<Language, Messages>(
  LANGUAGES.map((language) => {
    const translate: TFunction = i18n.getFixedT(language);
    return [
      language,
      {
        language,
        intlLocale: INTL_LOCALES[language],
        t: (key: MessageKey, values: MessageValues = {}) => translate(key, values),
      },
    ];
  }),
);

/** A person's or page's language; anything we have no texts for reads English. */
export function languageOf(locale: string | null | undefined): Language {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/** Whether a key built from data (a field's name) has a text, so that the caller can fall back. */
export function isMessageKey(key: string): key is MessageKey {
  return i18n.exists(key, { lng: 'en' });
}

export function messagesFor(locale: string | null | undefined): Messages {
  return messagesByLanguage.get(languageOf(locale))!;
}

/** The best of our languages for a browser's Accept-Language, for pages that know no person. */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...parameters] = part.trim().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return {
        language: tag.trim().slice(0, 2).toLowerCase(),
        quality: quality ? Number(quality.split('=')[1]) : 1,
      };
    })
    .filter((entry) => entry.language && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  return (
    wanted
      .map((entry) => entry.language)
      .find((language): language is Language => (LANGUAGES as readonly string[]).includes(language)) ?? 'en'
  );
}

/**
 * The note that an event's texts are shown in the language they were written in, in the reader's
 * language ("Originally in German; no Swahili translation yet"); null when they are in the reader's.
 */
export function untranslatedNote(
  locale: string | null | undefined,
  original: Language | null,
): string | null {
  return original ? messagesFor(locale).t(`translation.fallback.${original}`) : null;
}
