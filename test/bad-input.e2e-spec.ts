import fc from 'fast-check';
import { ApiHarness, bearer, startApi } from './api-harness';
import { addPerson, answerPath, cityDay, invite } from './invitation-fixtures';
import { issueKey, organisationWithKeys, OrganisationKeys } from './planning-fixtures';

/**
 * Throws generated bad input at every operation of the live OpenAPI document (so new endpoints are
 * covered without touching this file) and at the pages outside it: wrong types, huge, deeply nested
 * and oddly encoded values in path parameters, query parameters and bodies, missing and extra
 * fields. No answer may be a 5xx, and a refused request (4xx) must not change anything stored.
 * Seeded and with a fixed number of runs per operation, so a run is repeatable and bounded.
 */
const SEED = 20_261_202;
const RUNS_PER_OPERATION = 25;
/** What one generated request may take on a busy machine, snapshot included: the test's budget. */
const BUDGET_PER_REQUEST_MS = 300;

/**
 * Longer URLs are the HTTP server's business, not the app's: Node refuses headers over 16 kB with
 * 431 and closes the connection, which a client still sending may see as a reset instead.
 */
const MAX_URL_LENGTH = 8 * 1024;

interface Schema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: { schema: Schema; form: boolean };
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** Pages for browsers, left out of the document on purpose, but answering input all the same. */
const PAGES: Operation[] = [
  {
    method: 'get',
    path: '/answer/{token}',
    parameters: [
      { name: 'token', in: 'path' },
      { name: 'saved', in: 'query' },
    ],
  },
  {
    method: 'post',
    path: '/answer/{token}',
    parameters: [{ name: 'token', in: 'path' }],
    body: {
      form: true,
      schema: {
        type: 'object',
        required: ['answer'],
        properties: {
          answer: { type: 'string', enum: ['accept', 'tentative', 'decline'] },
          workshop: { type: 'array', items: { type: 'string', format: 'uuid' } },
        },
      },
    },
  },
  {
    method: 'get',
    path: '/calendar',
    parameters: ['kind', 'tag', 'organisation', 'q', 'lang', 'after'].map((name) => ({
      name,
      in: 'query' as const,
    })),
  },
  {
    method: 'get',
    path: '/calendar/events/{id}',
    parameters: [
      { name: 'id', in: 'path' },
      { name: 'lang', in: 'query' },
    ],
  },
];

describe('Bad input (property-based, every operation)', () => {
  let api: ApiHarness;
  let host: OrganisationKeys;
  let known: {
    organisation: string;
    code: string;
    person: string;
    event: string;
    workshop: string;
    partnership: string;
    invitation: string;
    apiKey: string;
    feedToken: string;
    answerToken: string;
  };
  let operations: Operation[];
  let schemas: Record<string, Schema> = {};
  let snapshotSql: string;

  beforeAll(async () => {
    api = await startApi();
    host = await organisationWithKeys(api, { name: 'Stadt Iserlohn' });
    const partner = await organisationWithKeys(api, { name: 'Stadt Hemer' });
    const { event, workshops } = await cityDay(api, { host, workshops: [{ title: 'Klima', capacity: 20 }] });
    const person = await addPerson(api, host.organiserKey);
    expect((await invite(api, host.organiserKey, event.id, { personIds: [person.id] })).status).toBe(201);
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({ name: 'Märkischer Kreis', memberOrganisationIds: [host.id, partner.id] })
      .expect(201);
    const feedToken = await api
      .http()
      .post(`/api/v1/people/${person.id}/feed-token`)
      .set(bearer(host.organiserKey))
      .expect(201);
    await issueKey(api, partner.id, 'viewer');
    const [{ id: invitation }] = await api.dataSource.query(`SELECT id FROM invitations LIMIT 1`);
    const [{ id: apiKey }] = await api.dataSource.query(
      `SELECT id FROM api_keys WHERE organisation_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [partner.id],
    );
    known = {
      organisation: host.id,
      code: host.code,
      person: person.id,
      event: event.id,
      workshop: workshops[0].id,
      partnership: partnership.body.id,
      invitation,
      apiKey,
      feedToken: new URL(feedToken.body.url).pathname.replace(/^\/feeds\/personal\/|\.ics$/g, ''),
      answerToken: (await answerPath(api, event.id, person.id)).replace('/answer/', ''),
    };

    const document = (await api.http().get('/docs-json').expect(200)).body as Document;
    operations = [...operationsOf(document), ...PAGES]
      // Deletions last, so that the other operations meet the fixtures while they exist.
      .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    schemas = document.components.schemas;

    const tables: Array<{ name: string }> = await api.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    // When a key was last used is bookkeeping that every authenticated request may write.
    const row = `(to_jsonb(t) - 'last_used_at')::text`;
    snapshotSql = tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${name}" t`,
      )
      .join(' UNION ALL ');
  });

  afterAll(async () => {
    await api.close();
  });

  async function snapshot(): Promise<string> {
    const rows: Array<{ name: string; rows: number; digest: string }> =
      await api.dataSource.query(snapshotSql);
    return rows.map((row) => `${row.name}:${row.rows}:${row.digest}`).join('\n');
  }

  it(
    'should answer every operation without a 5xx and store nothing for a refused request',
    async () => {
      expect(operations.length).toBeGreaterThan(40);
      const failures: string[] = [];
      const refusedPerOperation = new Map<string, number>();
      let before = await snapshot();
      for (const [index, operation] of operations.entries()) {
        const name = `${operation.method.toUpperCase()} ${operation.path}`;
        refusedPerOperation.set(name, 0);
        const result = await fc.check(
          fc.asyncProperty(requestArbitrary(operation), async (generated) => {
            const response = await send(generated);
            const after = await snapshot();
            const changed = after !== before;
            before = after;
            if (response.status >= 500) {
              throw new Error(`${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
            }
            if (response.status >= 400) {
              refusedPerOperation.set(name, refusedPerOperation.get(name)! + 1);
              if (changed) throw new Error(`refused with ${response.status}, but stored data changed`);
            }
          }),
          { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
        );
        if (result.failed) {
          const [request] = result.counterexample ?? [];
          failures.push(
            `${name}: ${String(result.errorInstance)} (seed ${result.seed}) for ${shown(request)}`,
          );
        }
      }
      expect(failures).toEqual([]);
      // Not vacuous: each operation that takes input refused some of what it was sent.
      const neverRefused = operations
        .filter((operation) => operation.parameters.length > 0 || operation.body)
        .map((operation) => `${operation.method.toUpperCase()} ${operation.path}`)
        .filter((name) => refusedPerOperation.get(name) === 0);
      expect(neverRefused).toEqual([]);
    },
    60_000 + 50 * RUNS_PER_OPERATION * BUDGET_PER_REQUEST_MS,
  );

  interface GeneratedRequest {
    method: Operation['method'];
    url: string;
    auth: string | null;
    body?: { text: string; contentType: string };
  }

  function send(generated: GeneratedRequest) {
    let test = api.http()[generated.method](generated.url);
    if (generated.auth) test = test.set('Authorization', generated.auth);
    if (generated.body) test = test.set('Content-Type', generated.body.contentType).send(generated.body.text);
    return test.ok(() => true);
  }

  function requestArbitrary(operation: Operation): fc.Arbitrary<GeneratedRequest> {
    const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
    const path = fc
      .tuple(...pathParameters.map((parameter) => pathValue(operation.path, parameter.name)))
      .map((values) =>
        pathParameters.reduce(
          (url, parameter, index) => url.replace(`{${parameter.name}}`, values[index]),
          operation.path,
        ),
      );
    const query = fc
      .tuple(
        ...queryParameters.map((parameter) =>
          fc.option(queryPart(parameter.name), { nil: undefined, freq: 2 }),
        ),
      )
      .map((parts) => parts.filter((part): part is string => part !== undefined).join('&'));
    const auth = fc.constantFrom(
      bearer(api.adminKey).Authorization,
      bearer(api.adminKey).Authorization,
      bearer(host.organiserKey).Authorization,
      bearer(host.viewerKey).Authorization,
      'Bearer tp_0000000000000000_notakey',
      null,
    );
    const body = operation.body
      ? bodyArbitrary(operation.body.schema, operation.body.form)
      : fc.constant(undefined);
    return fc
      .record({ path, query, auth, body })
      .map(({ path: url, query: search, auth: authorization, body: sent }) => ({
        method: operation.method,
        url: search && url.length + search.length < MAX_URL_LENGTH ? `${url}?${search}` : url,
        auth: authorization,
        body: sent,
      }));
  }

  /** A path parameter: mostly bad, sometimes the id of a fixture, so that the body is looked at too. */
  function pathValue(path: string, name: string): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(fixtureFor(path, name)) },
      { weight: 2, arbitrary: urlPiece },
    );
  }

  function fixtureFor(path: string, name: string): string {
    if (name === 'invitationId') return known.invitation;
    if (name === 'code') return known.code.toLowerCase();
    if (name === 'token') return path.startsWith('/answer') ? known.answerToken : known.feedToken;
    const resource = path.split('/{')[0].split('/').pop() ?? '';
    const byResource: Record<string, string> = {
      organisations: known.organisation,
      partnerships: known.partnership,
      people: known.person,
      'api-keys': known.apiKey,
    };
    return byResource[resource] ?? known.event;
  }

  function queryPart(name: string): fc.Arbitrary<string> {
    return fc.oneof(
      urlPiece.map((value) => `${name}=${value}`),
      fc.tuple(urlPiece, urlPiece).map(([a, b]) => `${name}=${a}&${name}=${b}`),
      fc.tuple(urlPiece, urlPiece).map(([key, value]) => `${name}[${key}]=${value}`),
      fc.constant(`${name}`),
      fc.constant(`${name}${'[a]'.repeat(40)}=1`),
    );
  }

  function bodyArbitrary(schema: Schema, form: boolean): fc.Arbitrary<{ text: string; contentType: string }> {
    const resolved = resolve(schema);
    const base = exampleOf(resolved) as Record<string, unknown>;
    const names = Object.keys(resolved.properties ?? {});
    const changes = names.length
      ? fc.array(fc.tuple(fc.constantFrom(...names), fc.option(badValue, { nil: undefined, freq: 4 })), {
          maxLength: 3,
        })
      : fc.constant([]);
    const mutated = fc
      .tuple(changes, fc.dictionary(oddString, badValue, { maxKeys: 2 }))
      .map(([fields, extra]) => {
        const body: Record<string, unknown> = { ...base };
        for (const [field, value] of fields) {
          if (value === undefined) delete body[field];
          else body[field] = value;
        }
        return Object.assign(body, extra);
      });
    const value = fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: badValue });
    const encoded = value.map((body) =>
      form
        ? { text: formEncoded(body), contentType: 'application/x-www-form-urlencoded' }
        : { text: JSON.stringify(body) ?? 'null', contentType: 'application/json' },
    );
    return fc.oneof(
      { weight: 8, arbitrary: encoded },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          { text: '{"title": ', contentType: 'application/json' },
          { text: '[{"a":'.repeat(5000), contentType: 'application/json' },
          { text: '\u0000', contentType: 'application/json' },
          { text: '{"a":"\\ud800"}', contentType: 'application/json; charset=latin-9' },
          { text: 'answer=accept', contentType: 'text/plain' },
          { text: `${'a[b]'.repeat(100)}=1`, contentType: 'application/x-www-form-urlencoded' },
        ),
      },
    );
  }

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return { ...schema, ...resolve(schema.allOf[0]), allOf: undefined };
    return schema;
  }

  /** A plausible value from the schema (its example, else by type), for the fields left as they are. */
  function exampleOf(schema: Schema, name = ''): unknown {
    const resolved = resolve(schema);
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum?.length) return resolved.enum[0];
    if (resolved.format === 'uuid') return uuidFor(name);
    if (resolved.properties) {
      return Object.fromEntries(
        Object.entries(resolved.properties).map(([property, child]) => [
          property,
          exampleOf(child, property),
        ]),
      );
    }
    if (resolved.type === 'array') return resolved.items ? [exampleOf(resolved.items, name)] : [];
    if (resolved.type === 'number' || resolved.type === 'integer') return 1;
    if (resolved.type === 'boolean') return true;
    return /email/i.test(name) ? 'gast@example.org' : 'Text';
  }

  function uuidFor(name: string): string {
    if (/partnership/i.test(name)) return known.partnership;
    if (/organisation/i.test(name)) return known.organisation;
    if (/person|people/i.test(name)) return known.person;
    if (/workshop/i.test(name)) return known.workshop;
    return known.event;
  }
});

/** A generated request, shortened so that a report stays readable. */
function shown(request: unknown): string {
  return JSON.stringify(request, (_, value: unknown) =>
    typeof value === 'string' && value.length > 120
      ? `${value.slice(0, 120)}… (${value.length} characters)`
      : value,
  );
}

function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const json = operation.requestBody?.content['application/json'];
      return {
        method: method as Operation['method'],
        path,
        parameters: operation.parameters ?? [],
        body: json ? { schema: json.schema, form: false } : undefined,
      };
    }),
  );
}

/** Strings a careless parser, validator or query trips over. */
const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'anna\udc00@example.org',
    '\ud83d',
    '\u202eevil',
    '\ufeff',
    '\u0007',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9'.repeat(40),
    '2027-02-30T25:61',
    '0000-01-01T00:00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%',
    '__proto__',
    'constructor',
  ),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 1, max: 3_000 }).map((length) => '👩🏽‍⚕️'.repeat(length)),
);

/** Objects nested deeper than anything the API reads, built without recursion. */
const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 30, max: 2_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
    return value;
  });

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(oddString, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  deeplyNested,
  fc.integer({ min: 10_000, max: 60_000 }).map((length) => Array.from({ length }, () => 0)),
);

/** Pieces of a URL: odd text percent-encoded as UTF-8, or encodings that do not decode at all. */
const urlPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: oddString.map((text) => percentEncoded(text.slice(0, 300))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%00',
      '%ED%A0%80',
      '%FF',
      '%',
      '%zz',
      '%C0%AF',
      '..',
      '%2e%2e%2f',
      '%2F',
      'a%0Ab',
      '%E2%80%AE',
    ),
  },
);

/** Lone surrogates become U+FFFD in UTF-8, as any client would have to send them. */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** Most a generated form body holds: past the 100 kB limit, more only costs time. */
const MAX_FORM_LENGTH = 2_500_000;

/**
 * Form encoding as browsers send it, arrays as repeated fields, anything else as its JSON text;
 * cut off at MAX_FORM_LENGTH.
 */
function formEncoded(body: unknown): string {
  if (typeof body !== 'object' || body === null) return `answer=${percentEncoded(String(body))}`;
  const fields: string[] = [];
  let length = 0;
  for (const [key, value] of Object.entries(body)) {
    const name = percentEncoded(key);
    for (const item of Array.isArray(value) ? value : [value]) {
      const field = `${name}=${percentEncoded(typeof item === 'string' ? item : (JSON.stringify(item) ?? ''))}`;
      length += field.length + 1;
      if (length > MAX_FORM_LENGTH) return fields.join('&');
      fields.push(field);
    }
  }
  return fields.join('&');
}
