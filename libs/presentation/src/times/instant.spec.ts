import { formatInstant } from './instant';

describe(formatInstant.name, () => {
  it('should show a moment in the reader’s zone, with the zone named', () => {
    const at = new Date('2031-09-20T07:05:00Z');
    expect(formatInstant(at, 'en-GB', 'Europe/Berlin')).toBe('20 Sept 2031, 09:05 Berlin (CEST)');
    expect(formatInstant(at, 'de-DE', 'Africa/Dar_es_Salaam')).toContain('10:05 Dar es Salaam (EAT)');
  });
});
