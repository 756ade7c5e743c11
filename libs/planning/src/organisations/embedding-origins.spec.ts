import { PlanningError } from '../shared/planning.error';
import { MAX_EMBEDDING_ORIGINS, normaliseEmbeddingOrigins } from './embedding-origins';

describe(normaliseEmbeddingOrigins.name, () => {
  it('should keep scheme, host and port as browsers send them, sorted and without duplicates', () => {
    expect(
      normaliseEmbeddingOrigins([
        'https://WWW.Arnsberg.de/',
        'http://127.0.0.1:8080',
        'https://www.arnsberg.de:443',
      ]),
    ).toEqual(['http://127.0.0.1:8080', 'https://www.arnsberg.de']);
  });

  it.each([
    ['a path', 'https://www.arnsberg.de/veranstaltungen'],
    ['a query', 'https://www.arnsberg.de/?x=1'],
    ['a fragment', 'https://www.arnsberg.de#top'],
    ['a wildcard', 'https://*.arnsberg.de'],
    ['credentials', 'https://user:secret@www.arnsberg.de'],
    ['another scheme', 'javascript:alert(1)'],
    ['no scheme', 'www.arnsberg.de'],
    ['nothing', '  '],
    ['too long', `https://${'a'.repeat(200)}.de`],
  ])('should refuse an origin with %s, naming the field', (_, origin) => {
    try {
      normaliseEmbeddingOrigins(['https://www.arnsberg.de', origin]);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanningError);
      expect((error as PlanningError).problems).toEqual([
        { field: 'origins[1]', message: expect.stringContaining('is not an origin') },
      ]);
    }
  });

  it('should refuse more origins than a calendar may have', () => {
    const origins = Array.from({ length: MAX_EMBEDDING_ORIGINS + 1 }, (_, n) => `https://site${n}.example`);
    expect(() => normaliseEmbeddingOrigins(origins)).toThrow(PlanningError);
  });
});
