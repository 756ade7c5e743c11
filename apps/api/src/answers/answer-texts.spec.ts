import { answerTexts, localeFromAcceptLanguage } from './answer-texts';

describe(localeFromAcceptLanguage.name, () => {
  it('should pick the most preferred of German, English and Swahili', () => {
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('fr-FR, sw;q=0.7, en;q=0.5')).toBe('sw');
    expect(localeFromAcceptLanguage('en;q=0.4, de;q=0.8')).toBe('de');
  });

  it('should fall back to English for unknown or missing preferences', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
    expect(localeFromAcceptLanguage('fr, it;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage(';;;q=x')).toBe('en');
  });
});

describe(answerTexts.name, () => {
  it('should have every text in every language', () => {
    const keys = Object.keys(answerTexts('en')).sort();
    expect(Object.keys(answerTexts('de')).sort()).toEqual(keys);
    expect(Object.keys(answerTexts('sw')).sort()).toEqual(keys);
  });
});
