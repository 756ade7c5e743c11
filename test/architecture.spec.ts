import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The boundaries of docs/architecture.md, checked over the source tree by reading import paths,
 * so that they hold even if someone loosens eslint.config.mjs (which checks the same while typing).
 */

const root = path.resolve(__dirname, '..');

/** Where a file lives: one lib, one app, or the test and bench folders that may use everything public. */
type Room = { kind: 'lib' | 'app'; name: string } | { kind: 'test' | 'bench' };

function roomOf(file: string): Room | undefined {
  const [top, name] = path.relative(root, file).split(path.sep);
  if (top === 'libs') return { kind: 'lib', name };
  if (top === 'apps') return { kind: 'app', name };
  if (top === 'test' || top === 'bench') return { kind: top };
  return undefined;
}

const describeRoom = (room: Room): string =>
  room.kind === 'lib' || room.kind === 'app' ? `${room.kind} ${room.name}` : room.kind;

interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Every boundary an import crosses the wrong way, for files given as absolute path → source text. */
function boundaryViolations(sources: Map<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of sources) {
    const importer = roomOf(file);
    if (!importer) continue;
    const report = (imports: string, rule: string) =>
      violations.push({ file: path.relative(root, file), imports, rule });
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (specifier.startsWith('@app/')) {
        if (specifier.split('/').length > 2) report(specifier, 'a lib is imported only as @app/<lib>');
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = roomOf(path.resolve(path.dirname(file), specifier));
      if (!target || describeRoom(target) === describeRoom(importer)) continue;
      if (target.kind === 'lib') report(specifier, `another lib is imported only as @app/${target.name}`);
      else if (target.kind === 'app' && importer.kind === 'lib') report(specifier, 'libs never import apps');
      else if (target.kind === 'app' && importer.kind === 'app')
        report(specifier, 'apps never import each other');
    }
  }
  return violations;
}

/** Each lib → the libs it imports through their alias. */
function libDependencies(sources: Map<string, string>): Map<string, Set<string>> {
  const dependencies = new Map<string, Set<string>>();
  for (const [file, text] of sources) {
    const importer = roomOf(file);
    if (importer?.kind !== 'lib') continue;
    const uses = dependencies.get(importer.name) ?? new Set<string>();
    dependencies.set(importer.name, uses);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const lib = /^@app\/([a-z-]+)$/.exec(fileName)?.[1];
      if (lib && lib !== importer.name) uses.add(lib);
    }
  }
  return dependencies;
}

/** One cycle between libs as [a, b, …, a], or undefined when the libs form a DAG. */
function libCycle(dependencies: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (lib: string, trail: string[]): string[] | undefined => {
    if (trail.includes(lib)) return [...trail.slice(trail.indexOf(lib)), lib];
    if (done.has(lib)) return undefined;
    for (const used of dependencies.get(lib) ?? []) {
      const cycle = visit(used, [...trail, lib]);
      if (cycle) return cycle;
    }
    done.add(lib);
    return undefined;
  };
  for (const lib of dependencies.keys()) {
    const cycle = visit(lib, []);
    if (cycle) return cycle;
  }
  return undefined;
}

function typescriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : typescriptFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

const at = (...parts: string[]) => path.join(root, ...parts);
const libNames = readdirSync(at('libs'));
const tree = new Map(
  ['apps', 'libs', 'test', 'bench']
    .flatMap((top) => typescriptFiles(at(top)))
    .map((file) => [file, readFileSync(file, 'utf8')] as const),
);

describe('architecture', () => {
  describe('on a tree that breaks every rule', () => {
    const broken = new Map([
      [at('libs/mail/src/x.ts'), "import { ApiModule } from '../../../apps/api/src/api.module';"],
      [at('apps/worker/src/x.ts'), "import { configureApi } from '../../api/src/configure-api';"],
      [at('apps/api/src/x.ts'), "import { Event } from '@app/planning/events/event.entity';"],
      [at('libs/mail/src/y.ts'), "export * from '../../planning/src';"],
      [at('test/x.ts'), "import { EventsService } from '../libs/planning/src/events/events.service';"],
    ]);

    it('should report each import that crosses a boundary', () => {
      expect(boundaryViolations(broken).map(({ file, rule }) => `${file}: ${rule}`)).toEqual([
        'libs/mail/src/x.ts: libs never import apps',
        'apps/worker/src/x.ts: apps never import each other',
        'apps/api/src/x.ts: a lib is imported only as @app/<lib>',
        'libs/mail/src/y.ts: another lib is imported only as @app/planning',
        'test/x.ts: another lib is imported only as @app/planning',
      ]);
    });

    it('should find a cycle between libs', () => {
      const cyclic = new Map([
        [at('libs/mail/src/a.ts'), "import { Event } from '@app/planning';"],
        [at('libs/planning/src/b.ts'), "import { sendMail } from '@app/mail';"],
        [at('libs/planning/src/c.ts'), "import { Config } from '@app/config';"],
      ]);

      expect(libCycle(libDependencies(cyclic))).toEqual(['mail', 'planning', 'mail']);
    });
  });

  describe('on the source tree', () => {
    it('should have no import across a boundary', () => {
      expect(boundaryViolations(tree)).toEqual([]);
    });

    it('should have no cycle between libs', () => {
      expect(libCycle(libDependencies(tree))).toBeUndefined();
    });

    it('should give every lib an index.ts as its public surface, reached by its alias', () => {
      const { compilerOptions } = ts.readConfigFile(at('tsconfig.json'), (file) => ts.sys.readFile(file))
        .config as {
        compilerOptions: { paths: Record<string, string[]> };
      };
      const aliases = libNames.map((lib) => [`@app/${lib}`, [`libs/${lib}/src`]]);

      expect(Object.entries(compilerOptions.paths).sort()).toEqual(aliases.sort());
      for (const lib of libNames) expect(tree.has(at('libs', lib, 'src', 'index.ts'))).toBe(true);
    });
  });
});
