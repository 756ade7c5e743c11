import { de } from './catalog.de';
import { en } from './catalog.en';
import { sw } from './catalog.sw';
import { languageFromAcceptLanguage, messagesFor } from './messages';

/**
 * Swahili texts nobody has written yet (the console is offered in German and English); everything
 * else must exist in Swahili.
 */
const SWAHILI_STILL_MISSING = [/^calendar\./, /^common\.skipToContent$/, /^console\./];

function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('message catalogs', () => {
  const english = keysOf(en).sort();

  it('should have every English text in German, and no German text English lacks', () => {
    expect(keysOf(de).sort()).toEqual(english);
  });

  it('should have every text in Swahili except the ones known to be missing', () => {
    const swahili = new Set(keysOf(sw));
    const missing = english.filter((key) => !swahili.has(key));
    expect(missing.filter((key) => !SWAHILI_STILL_MISSING.some((known) => known.test(key)))).toEqual([]);
    expect([...swahili].filter((key) => !english.includes(key))).toEqual([]);
  });

  it('should fill in values and choose plural forms by the language’s rules', () => {
    expect(messagesFor('en').t('answerPage.seatsLeft', { count: 1, capacity: 12 })).toBe(
      'Only 1 seat left, of 12',
    );
    expect(messagesFor('de').t('answerPage.seatsLeft', { count: 12, capacity: 12 })).toBe(
      '12 von 12 Plätzen frei',
    );
    expect(messagesFor('sw').t('answerPage.seatsLeft', { count: 3, capacity: 12 })).toBe(
      'Nafasi 3 kati ya 12 zimebaki',
    );
  });

  it('should leave values unescaped, for plain text; markup escapes them itself', () => {
    expect(messagesFor('en').t('common.greeting', { name: 'Ann & <Bo>' })).toBe('Hello Ann & <Bo>,');
  });

  it('should read unknown languages and missing Swahili texts in English', () => {
    expect(messagesFor('fr').t('common.when')).toBe('When');
    expect(messagesFor(undefined).language).toBe('en');
    expect(messagesFor('sw').t('calendar.search')).toBe('Search');
    expect(messagesFor('sw-TZ').t('common.when')).toBe('Lini');
  });
});

describe(languageFromAcceptLanguage.name, () => {
  it('should pick the most preferred of German, English and Swahili', () => {
    expect(languageFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageFromAcceptLanguage('fr-FR, sw;q=0.7, en;q=0.5')).toBe('sw');
    expect(languageFromAcceptLanguage('en;q=0.4, de;q=0.8')).toBe('de');
  });

  it('should fall back to English for unknown or missing preferences', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('en');
    expect(languageFromAcceptLanguage('fr, it;q=0.5')).toBe('en');
    expect(languageFromAcceptLanguage(';;;q=x')).toBe('en');
  });
});
