import { formatMoment } from './moment';

describe(formatMoment.name, () => {
  const at = new Date('2026-12-02T18:40:00Z');

  it('should show the moment in the reader zone, with the zone named', () => {
    expect(formatMoment(at, 'en-GB', 'Europe/Berlin')).toBe('2 Dec 2026, 19:40 Berlin (CET)');
    expect(formatMoment(at, 'en-GB', 'Africa/Dar_es_Salaam')).toBe('2 Dec 2026, 21:40 Dar es Salaam (EAT)');
  });
});
