import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The boundaries of docs/architecture.md, checked over the source tree by reading import paths,
 * so that they hold even if someone loosens eslint.config.mjs (which checks the same while typing),
 * and the owners of tables, checked by reading the SQL and TypeORM calls of every lib.
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

/** Where each table is owned: the lib of its entity (or join table); tables without one are the database lib's. */
interface TableOwnership {
  owners: Map<string, string>;
  /** Entity class → its table, to recognise `manager.find(Event, …)` and its kin. */
  entityTables: Map<string, string>;
}

function tableOwnership(sources: Map<string, string>, migrations: string[]): TableOwnership {
  const owners = new Map<string, string>();
  const entityTables = new Map<string, string>();
  for (const [file, text] of sources) {
    const room = roomOf(file);
    if (room?.kind !== 'lib') continue;
    for (const [, table, entity] of text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) {
      owners.set(table, room.name);
      entityTables.set(entity, table);
    }
    for (const [, table] of text.matchAll(/@JoinTable\(\{\s*name: '([a-z_]+)'/g))
      owners.set(table, room.name);
  }
  for (const text of migrations) {
    const up = text.split('async down(')[0];
    for (const [, table] of up.matchAll(/(?:CREATE TABLE|RENAME TO) "([a-z_]+)"/g)) {
      if (!owners.has(table)) owners.set(table, 'database');
    }
    for (const [, renamed] of up.matchAll(/ALTER TABLE "([a-z_]+)" RENAME TO/g)) owners.delete(renamed);
  }
  return { owners, entityTables };
}

/** The SQL a file hands to the database: the text of its string and template literals. */
function sqlTexts(file: string, text: string): string[] {
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node))
      texts.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest));
  return texts;
}

/** TypeORM calls that read or write the table of the entity they are given. */
const ENTITY_CALLS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'getRepository',
  'createQueryBuilder',
  'update',
  'insert',
  'delete',
  'save',
  'upsert',
  'increment',
]);

/** Tables a file queries through TypeORM calls given an entity class (`manager.find(Event, …)`). */
function entityCallTables(file: string, text: string, entityTables: Map<string, string>): string[] {
  const tables: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ENTITY_CALLS.has(node.expression.name.text)
    ) {
      const [first] = node.arguments;
      const table = first && ts.isIdentifier(first) ? entityTables.get(first.text) : undefined;
      if (table) tables.push(table);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest));
  return tables;
}

/** Libs whose files may name every table: the one that holds the migrations, and test helpers. */
const SCHEMA_LIBS = ['database', 'testing'];

interface ForeignTable {
  file: string;
  table: string;
  owner: string;
}

/** Each table a lib's SQL or TypeORM calls name though another lib owns it, once per file. */
function foreignTables(sources: Map<string, string>, ownership: TableOwnership): ForeignTable[] {
  const found: ForeignTable[] = [];
  for (const [file, text] of sources) {
    const room = roomOf(file);
    if (room?.kind !== 'lib' || SCHEMA_LIBS.includes(room.name) || file.endsWith('.spec.ts')) continue;
    const named = sqlTexts(file, text).flatMap((sql) =>
      [...sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+"?([a-z_]+)"?/g)].map((match) => match[1]),
    );
    named.push(...entityCallTables(file, text, ownership.entityTables));
    for (const table of new Set(named)) {
      const owner = ownership.owners.get(table);
      if (owner && owner !== room.name) found.push({ file: path.relative(root, file), table, owner });
    }
  }
  return found;
}

/**
 * Files whose SQL names tables of other libs, each with the tables and the reason. The feeds read
 * model is the one exception by design (docs/architecture.md); the others are debts from before
 * tables had owners, listed so that no new one slips in unnoticed. Pay one by calling the owner's
 * service, then delete its entry: the test fails on an entry that is no longer needed.
 */
const FOREIGN_TABLE_EXCEPTIONS: Record<string, { tables: string[]; reason: string }> = {
  'libs/feeds/src/feed-queries.ts': {
    tables: [
      'events',
      'event_co_hosts',
      'organisations',
      'organisation_former_codes',
      'partnerships',
      'people',
      'invitations',
      'workshop_choices',
    ],
    reason: 'the feeds read model: each feed is one statement over the whole programme (docs/feeds.md)',
  },
  'libs/planning/src/people/people-visibility.ts': {
    tables: ['invitations'],
    reason: 'debt: sharing an invitation makes a person visible; planning cannot import invitations (cycle)',
  },
  'libs/planning/src/partnerships/partnerships.service.ts': {
    tables: ['invitations'],
    reason: 'debt: removing a member looks for its invitations; planning cannot import invitations (cycle)',
  },
  'libs/invitations/src/invitations.service.ts': {
    tables: ['events', 'people', 'partnership_members'],
    reason: 'debt: invitees are chosen by organisation, partnership and event in one locked statement',
  },
  'libs/invitations/src/answers.service.ts': {
    tables: ['events', 'people'],
    reason: 'debt: an answer reads the event and person of its link inside the answering transaction',
  },
  'libs/invitations/src/seats.service.ts': {
    tables: ['events'],
    reason: 'debt: seats lock workshops before the event around them, as EventsService.lockParts does',
  },
  'libs/invitations/src/recipients.ts': {
    tables: ['events'],
    reason: 'debt: recipients of a change skip cancelled invited events in the statement that picks them',
  },
  'libs/invitations/src/invitee-data.ts': {
    tables: ['events'],
    reason: "debt: a person's export names the events of their invitations",
  },
  'libs/emails/src/recipient-data.ts': {
    tables: ['events'],
    reason: "debt: a person's export names the event of each email",
  },
  'libs/emails/src/emails.service.ts': {
    tables: ['people'],
    reason: "debt: a person's email list loads the person for PeopleVisibility",
  },
  'libs/webhooks/src/webhook-outbox.service.ts': {
    tables: ['events', 'event_co_hosts'],
    reason: "debt: a notice goes to the hosts' endpoints, chosen in the statement that writes it",
  },
  'libs/webhooks/src/producer-webhooks.service.ts': {
    tables: ['events', 'people'],
    reason: 'debt: a notice of failed emails names their events and recipients, read where they are recorded',
  },
  'libs/webhooks/src/webhook-endpoints.service.ts': {
    tables: ['organisations'],
    reason: 'debt: an endpoint checks its organisation exists (should ask OrganisationsService)',
  },
  'libs/access/src/api-keys.service.ts': {
    tables: ['organisations'],
    reason: 'debt: a key checks its organisation exists (should ask OrganisationsService)',
  },
  'libs/feeds/src/feed-tokens.service.ts': {
    tables: ['people'],
    reason: 'debt: a personal feed token checks its person exists (should ask PeopleService)',
  },
  'libs/demo/src/demo-programme.service.ts': {
    tables: ['events', 'people', 'invitations', 'feed_tokens'],
    reason:
      "the demo loader writes seed data across libs, bypassing the services' side effects (emails, audit)",
  },
};

function unexcused(found: ForeignTable[], exceptions: typeof FOREIGN_TABLE_EXCEPTIONS): string[] {
  return found
    .filter(({ file, table }) => !exceptions[file]?.tables.includes(table))
    .map(({ file, table, owner }) => `${file}: ${table} (owned by ${owner})`);
}

const at = (...parts: string[]) => path.join(root, ...parts);
const libNames = readdirSync(at('libs'));
const tree = new Map(
  ['apps', 'libs', 'test', 'bench']
    .flatMap((top) => typescriptFiles(at(top)))
    .map((file) => [file, readFileSync(file, 'utf8')] as const),
);

const migrations = typescriptFiles(at('libs/database/src/migrations')).map((file) =>
  readFileSync(file, 'utf8'),
);
const ownership = tableOwnership(tree, migrations);

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

    it("should report a lib whose SQL or TypeORM calls name another lib's table", () => {
      const nosy = new Map([
        [
          at('libs/mail/src/x.ts'),
          'export const sql = `SELECT i.status FROM invitations i JOIN events e ON e.id = i.event_id`;\n' +
            'export const person = (manager: EntityManager) => manager.findOneBy(Person, { id: "1" });',
        ],
        [at('libs/invitations/src/y.ts'), "export const own = 'UPDATE workshop_choices SET status = $1';"],
      ]);

      expect(unexcused(foreignTables(nosy, ownership), FOREIGN_TABLE_EXCEPTIONS)).toEqual([
        'libs/mail/src/x.ts: invitations (owned by invitations)',
        'libs/mail/src/x.ts: events (owned by planning)',
        'libs/mail/src/x.ts: people (owned by planning)',
      ]);
    });
  });

  describe('on the source tree', () => {
    it('should have no import across a boundary', () => {
      expect(boundaryViolations(tree)).toEqual([]);
    });

    it('should give every table of the migrations one owning lib', () => {
      expect(Object.fromEntries([...ownership.owners].sort())).toEqual({
        api_keys: 'access',
        audit_entries: 'audit',
        change_version: 'database',
        embedding_origins: 'planning',
        emails: 'emails',
        event_co_hosts: 'planning',
        events: 'planning',
        feed_tokens: 'feeds',
        invitations: 'invitations',
        organisation_former_codes: 'planning',
        organisations: 'planning',
        partnership_members: 'planning',
        partnerships: 'planning',
        people: 'planning',
        webhook_deliveries: 'webhooks',
        webhook_endpoints: 'webhooks',
        workshop_choices: 'invitations',
      });
    });

    it("should name no other lib's table in a lib's SQL, but for the listed exceptions", () => {
      expect(unexcused(foreignTables(tree, ownership), FOREIGN_TABLE_EXCEPTIONS)).toEqual([]);
    });

    it('should list only exceptions that are still needed', () => {
      const found = new Set(foreignTables(tree, ownership).map(({ file, table }) => `${file}: ${table}`));
      const listed = Object.entries(FOREIGN_TABLE_EXCEPTIONS).flatMap(([file, { tables }]) =>
        tables.map((table) => `${file}: ${table}`),
      );

      expect(listed.filter((entry) => !found.has(entry))).toEqual([]);
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
