import { ERROR_CATALOGS } from './problems';
import { problemsPage } from './problems.page';

describe('error catalogs', () => {
  it('should give a code that several libs raise the same title in each, as its problem type is one', () => {
    const titles = new Map<string, Set<string>>();
    for (const catalog of Object.values(ERROR_CATALOGS)) {
      for (const [code, title] of Object.entries(catalog))
        titles.set(code, (titles.get(code) ?? new Set()).add(title));
    }
    const differing = [...titles].filter(([, distinct]) => distinct.size > 1).map(([code]) => code);
    expect(differing).toEqual([]);
  });

  it('should give every code an anchor on the /problems page', () => {
    const page = problemsPage().value;
    for (const code of Object.values(ERROR_CATALOGS).flatMap((catalog) => Object.keys(catalog))) {
      expect(page).toContain(`id="${code}"`);
    }
  });
});
