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
  /** Lib → relation property of its entities → the table it leads to, to recognise `join('email.event', …)`. */
  relationTables: Map<string, Map<string, string>>;
  /** Views of the migrations → the tables each reads: a view is its owner's published read, open to every lib. */
  views: Map<string, string[]>;
}

const RELATION_DECORATORS = new Set(['ManyToOne', 'OneToMany', 'ManyToMany', 'OneToOne']);

/** The name a decorator is called by (`@ManyToOne(…)` → ManyToOne) and its arguments. */
function decoratorCall(
  decorator: ts.Decorator,
): { name: string; args: readonly ts.Expression[] } | undefined {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  return { name: call.expression.text, args: call.arguments };
}

/** Relation properties of the entities in one file → the entity class each leads to (`() => Event`). */
function entityRelations(file: string, text: string): Map<string, string> {
  const relations = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decoratorCall(decorator);
        const [target] = call?.args ?? [];
        if (call && RELATION_DECORATORS.has(call.name) && target && ts.isArrowFunction(target)) {
          if (ts.isIdentifier(target.body)) relations.set(node.name.text, target.body.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest));
  return relations;
}

function tableOwnership(sources: Map<string, string>, migrations: string[]): TableOwnership {
  const owners = new Map<string, string>();
  const entityTables = new Map<string, string>();
  const relationEntities = new Map<string, Map<string, string>>();
  for (const [file, text] of sources) {
    const room = roomOf(file);
    if (room?.kind !== 'lib') continue;
    for (const [, table, entity] of text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) {
      owners.set(table, room.name);
      entityTables.set(entity, table);
    }
    for (const [, table] of text.matchAll(/@JoinTable\(\{\s*name: '([a-z_]+)'/g))
      owners.set(table, room.name);
    if (!text.includes('@Entity(')) continue;
    const own = relationEntities.get(room.name) ?? new Map<string, string>();
    relationEntities.set(room.name, own);
    for (const [property, entity] of entityRelations(file, text)) own.set(property, entity);
  }
  const views = new Map<string, string[]>();
  for (const text of migrations) {
    const up = text.split('async down(')[0];
    for (const [, view, sql] of up.matchAll(/CREATE (?:OR REPLACE )?VIEW "([a-z_]+)" AS([^`]*)`/g))
      views.set(view, tablesNamedIn(sql));
    for (const [, table] of up.matchAll(/(?:CREATE TABLE|RENAME TO) "([a-z_]+)"/g)) {
      if (!owners.has(table)) owners.set(table, 'database');
    }
    for (const [, renamed] of up.matchAll(/ALTER TABLE "([a-z_]+)" RENAME TO/g)) owners.delete(renamed);
  }
  const relationTables = new Map(
    [...relationEntities].map(([lib, relations]) => [
      lib,
      new Map(
        [...relations].flatMap(([property, entity]) => {
          const table = entityTables.get(entity);
          return table ? [[property, table] as const] : [];
        }),
      ),
    ]),
  );
  return { owners, entityTables, relationTables, views };
}

/** The tables a piece of SQL reads or writes. */
function tablesNamedIn(sql: string): string[] {
  return [...sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+"?([a-z_]+)"?/g)].map((match) => match[1]);
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

/** Query builder joins: `leftJoin(Event, 'e', …)`, `innerJoinAndSelect('email.event', 'event')`. */
const JOIN_CALL = /^(?:left|inner)Join(?:AndSelect|AndMapOne|AndMapMany)?$/;

/** Property names in `relations: ['event']` or `relations: { event: { parent: true } }`. */
function relationNames(value: ts.Expression): string[] {
  if (ts.isArrayLiteralExpression(value))
    return value.elements.flatMap((element) =>
      ts.isStringLiteralLike(element) ? element.text.split('.') : [],
    );
  if (!ts.isObjectLiteralExpression(value)) return [];
  return value.properties.flatMap((property) => {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) return [];
    return [property.name.text, ...relationNames(property.initializer)];
  });
}

/**
 * Tables a file of `lib` reaches through TypeORM: any call given an entity class, alone or in a list
 * (`manager.find(Event, …)`, `getRepository(Event)`, `@InjectRepository(Event)`, `forFeature([Event])`,
 * and helpers that read or write the table of the entity they are handed, `seedRows(manager, Event, …)`),
 * query builder joins onto a table or a relation of the lib's entities (`'email.event'`), and
 * `relations:` options.
 */
function entityCallTables(file: string, text: string, lib: string, ownership: TableOwnership): string[] {
  const tables: string[] = [];
  const relations = ownership.relationTables.get(lib) ?? new Map<string, string>();
  const entity = (node: ts.Node | undefined) => {
    const table = node && ts.isIdentifier(node) ? ownership.entityTables.get(node.text) : undefined;
    if (table) tables.push(table);
  };
  const relation = (name: string) => {
    const table = relations.get(name);
    if (table) tables.push(table);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      for (const argument of node.arguments ?? []) {
        if (ts.isArrayLiteralExpression(argument)) argument.elements.forEach(entity);
        else entity(argument);
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (JOIN_CALL.test(name)) {
        for (const argument of node.arguments) {
          if (!ts.isStringLiteralLike(argument)) continue;
          const path = argument.text;
          if (/^\w+\.\w+$/.test(path)) relation(path.slice(path.indexOf('.') + 1));
          else if (ownership.owners.has(path)) tables.push(path);
        }
      }
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'relations') {
      relationNames(node.initializer).forEach(relation);
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
    const named = sqlTexts(file, text).flatMap(tablesNamedIn);
    named.push(...entityCallTables(file, text, room.name, ownership));
    for (const table of new Set(named)) {
      const owner = ownership.owners.get(table);
      if (owner && owner !== room.name) found.push({ file: path.relative(root, file), table, owner });
    }
  }
  return found;
}

/**
 * Files whose SQL or TypeORM calls reach tables of other libs, each with the tables and the
 * reason: the two read models, by design (docs/architecture.md). Libs otherwise ask the owner (its
 * services, the query and seed functions in its index, or a view it publishes); the demo loader
 * too. The test fails on an entry that is no longer needed.
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
  'libs/public-programme/src/public-programme-queries.ts': {
    tables: ['events', 'event_co_hosts', 'organisations', 'organisation_former_codes'],
    reason:
      'the public programme read model: a list or a search is one statement over events and their hosts (docs/public-calendar.md)',
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
        [
          at('libs/demo/src/z.ts'),
          "export const feed = 'INSERT INTO feed_tokens (person_id, lookup_id) VALUES ($1, $2)';",
        ],
      ]);

      expect(unexcused(foreignTables(nosy, ownership), FOREIGN_TABLE_EXCEPTIONS)).toEqual([
        'libs/mail/src/x.ts: invitations (owned by invitations)',
        'libs/mail/src/x.ts: events (owned by planning)',
        'libs/mail/src/x.ts: people (owned by planning)',
        'libs/demo/src/z.ts: feed_tokens (owned by feeds)',
      ]);
    });
    it("should report a lib that reaches another lib's table through a repository, a relation or a helper", () => {
      const reaching = new Map([
        [
          at('libs/mail/src/injected.ts'),
          'constructor(@InjectRepository(Event) events: Repository<Event>) {}',
        ],
        [
          at('libs/mail/src/repository.ts'),
          'export const people = (source: DataSource) => source.getRepository(Person);',
        ],
        [at('libs/mail/src/module.ts'), 'export const feature = TypeOrmModule.forFeature([Invitation]);'],
        [
          at('libs/mail/src/joined.ts'),
          "export const q = (query: SelectQueryBuilder<X>) => query.leftJoin(WorkshopChoice, 'choice', 'TRUE');",
        ],
        [
          at('libs/mail/src/joined-table.ts'),
          "export const q = (b: B) => b.innerJoin('api_keys', 'k', 'TRUE');",
        ],
        [
          at('libs/emails/src/relation.ts'),
          "export const q = (repository: R) => repository.createQueryBuilder('email').innerJoinAndSelect('email.event', 'event');",
        ],
        [
          at('libs/emails/src/relations-option.ts'),
          'export const e = (manager: EntityManager) => manager.findOne(Email, { where: {}, relations: { person: true } });',
        ],
        [
          at('libs/demo/src/helper.ts'),
          'export const e = (manager: EntityManager) => seedRows(manager, Organisation, []);',
        ],
        [
          at('libs/demo/src/constructed.ts'),
          'export const r = (manager: EntityManager) => new Repository(WorkshopChoice, manager);',
        ],
      ]);

      expect(unexcused(foreignTables(reaching, ownership), {})).toEqual([
        'libs/mail/src/injected.ts: events (owned by planning)',
        'libs/mail/src/repository.ts: people (owned by planning)',
        'libs/mail/src/module.ts: invitations (owned by invitations)',
        'libs/mail/src/joined.ts: workshop_choices (owned by invitations)',
        'libs/mail/src/joined-table.ts: api_keys (owned by access)',
        'libs/emails/src/relation.ts: events (owned by planning)',
        'libs/emails/src/relations-option.ts: people (owned by planning)',
        'libs/demo/src/helper.ts: organisations (owned by planning)',
        'libs/demo/src/constructed.ts: workshop_choices (owned by invitations)',
      ]);
    });
  });

  describe('on the source tree', () => {
    it('should have no import across a boundary', () => {
      expect(boundaryViolations(tree)).toEqual([]);
    });

    it('should give every table of the migrations one owning lib', () => {
      expect(Object.fromEntries([...ownership.owners].sort())).toEqual({
        account_memberships: 'accounts',
        account_sessions: 'accounts',
        accounts: 'accounts',
        api_keys: 'access',
        attendance: 'attendance',
        audit_entries: 'audit',
        change_version: 'database',
        embedding_origins: 'planning',
        emails: 'emails',
        event_co_hosts: 'planning',
        events: 'planning',
        feed_tokens: 'feeds',
        host_assignments: 'hosting',
        host_schedules_sent: 'hosting',
        invitations: 'invitations',
        open_sign_ups: 'invitations',
        organisation_former_codes: 'planning',
        organisations: 'planning',
        partnership_members: 'planning',
        partnerships: 'planning',
        people: 'planning',
        public_event_search: 'public-programme',
        public_search_lexemes: 'public-programme',
        registration_answers: 'registration',
        registration_questions: 'registration',
        sensitive_answers_retention: 'registration',
        room_assignments: 'hosting',
        sign_in_requests: 'accounts',
        sign_ups: 'invitations',
        webhook_deliveries: 'webhooks',
        webhook_endpoints: 'webhooks',
        workshop_choices: 'invitations',
      });
    });

    it('should publish views that each read the tables of one lib, and that some lib reads', () => {
      expect(ownership.views.size).toBeGreaterThan(0);
      for (const [view, tables] of ownership.views) {
        const owners = new Set(tables.map((table) => ownership.owners.get(table)));
        expect({ view, owners: [...owners] }).toEqual({ view, owners: [expect.any(String)] });
        const readers = [...tree].filter(
          ([file, text]) =>
            roomOf(file)?.kind === 'lib' && sqlTexts(file, text).some((sql) => sql.includes(view)),
        );
        expect({ view, read: readers.length > 0 }).toEqual({ view, read: true });
      }
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
      const aliases = libNames.map((lib) => [`@app/${lib}`, [`./libs/${lib}/src`]]);

      expect(Object.entries(compilerOptions.paths).sort()).toEqual(aliases.sort());
      for (const lib of libNames) expect(tree.has(at('libs', lib, 'src', 'index.ts'))).toBe(true);
    });
  });
});
