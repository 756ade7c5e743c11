import { PlanningError } from '../shared/planning.error';
import {
  eventTextsIn,
  missingTranslations,
  normaliseTranslation,
  TranslatableEvent,
  translationFields,
} from './event-translations';

const visit: TranslatableEvent = {
  title: 'Zweiter Delegationsbesuch',
  description: 'Ortstermin am Wasserwerk.',
  venueNotes: 'Eingang über den Rathausinnenhof.',
  originalLanguage: 'de',
  translations: {
    sw: { title: 'Ziara ya pili ya ujumbe', description: 'Ziara ya kiwanda cha maji.', venueNotes: '' },
  },
};

describe('event translations', () => {
  it('should give a Swahili reader the Swahili texts and the original where the translation lacks one', () => {
    expect(eventTextsIn(visit, 'sw')).toEqual({
      title: 'Ziara ya pili ya ujumbe',
      description: 'Ziara ya kiwanda cha maji.',
      venueNotes: 'Eingang über den Rathausinnenhof.',
      fellBackTo: 'de',
      inOriginal: ['venueNotes'],
    });
  });

  it('should give an English reader without a translation the original, saying so', () => {
    expect(eventTextsIn(visit, 'en')).toMatchObject({ title: 'Zweiter Delegationsbesuch', fellBackTo: 'de' });
  });

  it('should not speak of a fallback to readers of the original or of a language we have no texts for', () => {
    expect(eventTextsIn(visit, 'de').fellBackTo).toBeNull();
    expect(eventTextsIn(visit, 'fr')).toMatchObject({ title: 'Zweiter Delegationsbesuch', fellBackTo: null });
  });

  it('should count a translation as complete when it has every text the original has', () => {
    expect(missingTranslations(visit)).toEqual(['en', 'sw']);
    const complete = { ...visit, venueNotes: '' };
    expect(missingTranslations(complete)).toEqual(['en']);
  });

  it('should refuse a translation into the original language, a blank title and too long texts', () => {
    expect(() => normaliseTranslation(visit, 'de', { title: 'Titel' })).toThrow(PlanningError);
    expect(() => normaliseTranslation(visit, 'en', { title: '  ' })).toThrow(PlanningError);
    expect(() => normaliseTranslation(visit, 'en', { title: 'Visit', venueNotes: 'x'.repeat(2001) })).toThrow(
      'At most 2000 characters.',
    );
    expect(normaliseTranslation(visit, 'en', { title: ' Visit ' })).toEqual({
      title: 'Visit',
      description: '',
      venueNotes: '',
    });
  });

  it('should name each translated text as a field of its own for the audit trail', () => {
    expect(translationFields(visit.translations)).toEqual({
      'translations.sw.title': 'Ziara ya pili ya ujumbe',
      'translations.sw.description': 'Ziara ya kiwanda cha maji.',
    });
  });
});
