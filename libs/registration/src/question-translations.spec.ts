import { checkTranslations, missingQuestionTranslations, questionTextsIn } from './question-translations';

const diet = {
  label: 'Ernährung',
  options: ['Alles', 'Vegetarisch'],
  translations: {
    sw: { label: 'Mahitaji ya chakula', options: ['Chochote', 'Mboga tu'] },
    en: { label: 'Diet' },
  },
};

describe(questionTextsIn.name, () => {
  it('should show the translation where there is one and the original otherwise, saying so', () => {
    expect(questionTextsIn(diet, 'de', 'sw')).toEqual({
      label: 'Mahitaji ya chakula',
      optionLabels: ['Chochote', 'Mboga tu'],
      fellBackTo: null,
    });
    expect(questionTextsIn(diet, 'de', 'en')).toEqual({
      label: 'Diet',
      optionLabels: ['Alles', 'Vegetarisch'],
      fellBackTo: 'de',
    });
    expect(questionTextsIn(diet, 'de', 'de').fellBackTo).toBeNull();
    expect(questionTextsIn(diet, 'de', 'fr').label).toBe('Ernährung');
  });

  it('should name the languages a question is not fully translated into', () => {
    expect(missingQuestionTranslations(diet, 'de')).toEqual(['en']);
    expect(missingQuestionTranslations({ ...diet, options: [], translations: {} }, 'en')).toEqual([
      'de',
      'sw',
    ]);
  });
});

describe(checkTranslations.name, () => {
  it('should refuse the original language, unknown ones and options that do not match', () => {
    const problems: string[] = [];
    const checked = checkTranslations(
      {
        de: { label: 'x' },
        fr: { label: 'x' },
        en: { label: ' Diet ', options: ['Anything'] },
        sw: { label: 'Chakula' },
      },
      diet.options,
      'de',
      (field) => problems.push(field),
    );
    expect(problems).toEqual(['translations.de', 'translations.fr', 'translations.en.options']);
    expect(checked.sw).toEqual({ label: 'Chakula' });
  });
});
