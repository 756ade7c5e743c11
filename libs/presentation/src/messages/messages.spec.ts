import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { de } from './catalog.de';
import { en } from './catalog.en';
import { sw } from './catalog.sw';
import { languageFromAcceptLanguage, messagesFor } from './messages';

const catalogs = { de, en, sw };

/** The text keys the apps and libs name literally, as in `t('calendar.search')` (plural keys without suffix). */
function keysNamedInSource(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : keysNamedInSource(full);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(full, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)].map(
      (match) => match[1],
    );
  });
}

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

  it('should have every English text in Swahili, and no Swahili text English lacks', () => {
    expect(keysOf(sw).sort()).toEqual(english);
  });

  it('should have every text that pages and emails name in German, English and Swahili', () => {
    const root = path.resolve(__dirname, '../../../..');
    const named = [...new Set(['apps', 'libs'].flatMap((top) => keysNamedInSource(path.join(root, top))))];
    expect(named.length).toBeGreaterThan(50);
    for (const [language, catalog] of Object.entries(catalogs)) {
      const keys = new Set(keysOf(catalog).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
      expect({ language, missing: named.filter((key) => !keys.has(key)) }).toEqual({ language, missing: [] });
    }
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

  it('should read unknown languages in English, and Swahili pages in Swahili', () => {
    expect(messagesFor('fr').t('common.when')).toBe('When');
    expect(messagesFor(undefined).language).toBe('en');
    expect(messagesFor('sw').t('calendar.search')).toBe('Tafuta');
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
