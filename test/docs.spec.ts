import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENVIRONMENT_VARIABLES } from '@app/config';

/** Keeps the README and docs/ honest about what they name: npm scripts and environment variables. */

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const docs = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('docs', () => {
  it('should name only npm scripts that package.json has', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const named = docs.flatMap((file) =>
      [...read(file).matchAll(/npm run ([a-z][\w:-]*)/g)].map(([, script]) => ({ file, script })),
    );

    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ script }) => !(script in scripts))).toEqual([]);
  });

  it('should document in docs/configuration.md exactly the variables the config schema reads', () => {
    const configuration = read('docs/configuration.md');
    const appTable = configuration.slice(
      configuration.indexOf('## Variables the apps read'),
      configuration.indexOf('## Variables only the scripts read'),
    );
    const documented = [...appTable.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map(([, name]) => name);

    expect([...documented].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('should keep the README short enough for a newcomer', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it('should link only docs pages that exist', () => {
    const missing = docs.flatMap((file) =>
      [...read(file).matchAll(/\]\(((?:\.\.\/|docs\/)?[\w./-]+\.(?:md|png))\)/g)]
        .map(([, link]) => path.join(path.dirname(file), link))
        .filter(
          (target) => !readdirSync(path.join(root, path.dirname(target))).includes(path.basename(target)),
        ),
    );

    expect(missing).toEqual([]);
  });
});
