import { messagesFor } from '@app/presentation';
import { fieldWords } from './audit-settings.page';

describe(fieldWords.name, () => {
  it('should name changed fields in the reader’s language, each once, translations with their language', () => {
    const fields = ['startsAt', 'capacity', 'venueLatitude', 'venueLongitude', 'translations.sw.title'];
    expect(fieldWords(messagesFor('de'), fields)).toBe('Beginn, Plätze, Lage des Orts, Titel (Swahili)');
    expect(fieldWords(messagesFor('en'), fields)).toBe('Start, Capacity, Position of the venue, Title (Swahili)');
  });

  it('should make a field the catalogs do not know yet readable rather than show the code’s name', () => {
    expect(fieldWords(messagesFor('sw'), ['reminder_offsets', 'guestCountMax'])).toBe(
      'Reminder offsets, Guest count max',
    );
  });
});
