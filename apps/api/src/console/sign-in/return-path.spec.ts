import { returnPathOf } from './return-path';

describe(returnPathOf.name, () => {
  it('should keep a console path with its query', () => {
    expect(returnPathOf('/console/check-in/abc/def?lang=de')).toBe('/console/check-in/abc/def?lang=de');
    expect(returnPathOf('/console')).toBe('/console');
  });

  it('should refuse anything that could leave the site or the console', () => {
    for (const value of [
      'https://evil.example/console',
      '//evil.example/console',
      '/\\evil.example/console',
      '/console\\..\\..\\evil',
      ' /console',
      '/console/\tx',
      'javascript:alert(1)',
      'console/check-in',
      '/api/v1/events',
      '/consoles',
      '/console/../api/v1/events',
      '/console/sign-in?next=/console',
      undefined,
      42,
    ]) {
      expect(returnPathOf(value)).toBeNull();
    }
  });
});
