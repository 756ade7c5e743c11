import { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findIncompleteOperations, operationsOf } from '../apps/api/src/openapi/document-completeness';
import { ApiHarness, startApi } from './api-harness';

const run = promisify(execFile);

/** Routes that are on purpose not operations of the API, and why. */
const NOT_IN_DOCUMENT: Array<{ route: RegExp; reason: string }> = [
  { route: /^(GET|POST) \/answer\/\{token\}$/, reason: 'the answer page, for people invited' },
  {
    route: /^GET \/answer\/\{token\}\/itinerary(\/pdf)?$/,
    reason: "a guest's itinerary, page and PDF, behind their answer link",
  },
  {
    route:
      /^(GET \/answer\/\{token\}\/programme|POST \/answer\/\{token\}\/programme\/calendar-link|(GET|POST) \/programme-link)$/,
    reason: "the participant's programme page and the lost-link form, for people invited",
  },
  { route: /^GET \/calendar(\/|$)/, reason: 'the public calendar, its archive and its script, for browsers' },
  {
    route: /^(POST \/calendar\/events\/\{id\}\/sign-up|(GET|POST) \/sign-up\/\{token\})$/,
    reason: 'open sign-up: the form and the confirmation link’s page, for browsers',
  },
  {
    route: /^(GET|POST) \/console(\/|$)/,
    reason: 'the organiser console: pages and forms behind a session and CSRF token',
  },
  { route: /^GET \/embed(\.js$|\/)/, reason: 'the widget and the embedded list, for other sites' },
  { route: /^GET \/sitemap\.xml$/, reason: 'the sitemap, for search engines' },
  { route: /^GET \/docs(\/|-json$|-yaml$|$)/, reason: 'Swagger UI and the document itself' },
  {
    route: / (\/\{\*path\}|\{\/\*splat\})$/,
    reason: 'Nest middleware applied to every path (nestjs-pino names it {/*splat}), not an operation',
  },
];

/** What a client of the API writes with the generated types; it compiles only if they are right. */
const CLIENT_USAGE = `
import type { components, operations, paths } from './treffpunkt-api';

type EventPage = paths['/api/v1/events']['get']['responses'][200]['content']['application/json'];
type EventView = components['schemas']['EventView'];
type EventNotFound = operations['events_get']['responses'][404]['content']['application/problem+json'];

export const emptyPage: EventPage = { items: [], nextCursor: null };
export const localStart = (event: EventView): string => event.start.local;
export const venueName = (event: EventView): string | null => event.venue?.name ?? null;
export const code: EventNotFound['code'] = 'event_not_found';
export const feed: operations['feeds_event']['responses'][200]['content']['text/calendar'] = 'BEGIN:VCALENDAR';
`;

/** Uses the types wrongly: the proof that the check above is not vacuous. */
const WRONG_USAGE = `
import type { components } from './treffpunkt-api';

export const title: number = ({} as components['schemas']['EventView']).title;
`;

describe('OpenAPI document (the live one)', () => {
  let api: ApiHarness;
  let document: OpenAPIObject;
  let directory: string;

  beforeAll(async () => {
    api = await startApi();
    document = (await api.http().get('/docs-json').expect(200)).body as OpenAPIObject;
    directory = await mkdtemp(join(tmpdir(), 'treffpunkt-openapi-'));
  });

  afterAll(async () => {
    await api.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('should describe every operation with an id, a tag, success schemas and its error codes', () => {
    expect(operationsOf(document).length).toBeGreaterThan(50);
    expect(findIncompleteOperations(document)).toEqual([]);
  });

  it('should have every route of the app in the document, but for the pages', () => {
    const documented = new Set(
      operationsOf(document).map(({ method, path }) => `${method.toUpperCase()} ${path}`),
    );
    const missing = routesOf(api).filter(
      (route) => !documented.has(route) && !NOT_IN_DOCUMENT.some(({ route: page }) => page.test(route)),
    );
    expect(missing).toEqual([]);
  });

  it(
    'should generate TypeScript types with openapi-typescript that a client typechecks against',
    async () => {
      const specPath = join(directory, 'openapi.json');
      await writeFile(specPath, JSON.stringify(document));
      await run(process.execPath, [
        // The package exports no path to its command; npm links it here.
        join(__dirname, '..', 'node_modules', '.bin', 'openapi-typescript'),
        specPath,
        '--output',
        join(directory, 'treffpunkt-api.ts'),
      ]);
      await writeFile(join(directory, 'client.ts'), CLIENT_USAGE);
      await writeFile(join(directory, 'wrong-client.ts'), WRONG_USAGE);

      await expect(typecheck('client.ts')).resolves.toBe('');
      await expect(typecheck('wrong-client.ts')).resolves.toMatch(/wrong-client\.ts.*TS2322/);
    },
    // One generator and two compiler runs: about 5 s each on an idle machine, 45 s together on a
    // loaded 2-core one; twice that as margin, and more for the generator's first start.
    240_000,
  );

  /** Type-checks as a client project would, in a folder of its own (not under our tsconfig.json). */
  async function typecheck(file: string): Promise<string> {
    try {
      await run(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--target',
          'es2022',
          '--module',
          'commonjs',
          join(directory, file),
        ],
        { cwd: directory },
      );
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  }
});

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** The routes Express knows, as `METHOD /path/{param}`, whatever registered them. */
function routesOf(api: ApiHarness): string[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
          .map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
}
