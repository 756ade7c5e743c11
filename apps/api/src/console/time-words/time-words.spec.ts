import { timeInWords } from './time-words';

describe(timeInWords.name, () => {
  it('should say a date and a time in the console language, whatever the server runs in', () => {
    expect(timeInWords('2031-03-04T09:00', 'de-DE')).toBe('Dienstag, 4. März 2031 um 09:00');
    expect(timeInWords('2031-03-04', 'en-GB')).toBe('Tuesday, 4 March 2031');
    expect(timeInWords('04/03/2031', 'de-DE')).toBeNull();
    expect(timeInWords('', 'de-DE')).toBeNull();
  });
});
