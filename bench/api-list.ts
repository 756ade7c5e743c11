/**
 * Organiser API list benchmark: the first page of GET /api/v1/events with 10,000 events stored,
 * next to GET /health of the same API process, measured side by side in one run with wrk at 20
 * connections. Targets: the list answers at least 0.25x the /health rate, with p99 <= 100 ms.
 * GET /api/v1/api-keys/me (the key check alone) is printed beside them for comparison.
 *
 *   npm run bench:api
 *   BENCH_SECONDS=5 BENCH_ROUNDS=1 npm run bench:api
 *   BENCH_API_NODE_ARGS=--prof npm run bench:api     (profile the API: node --prof-process)
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createTestDatabase } from '@app/testing';
import { insertBenchEvents } from './lib/bench-events';
import { issueFirstAdminKey, RunningApi, startApiProcess } from './lib/api-process';
import { LoadResult, runLoad } from './lib/peers';
import { absolute, compared, informational, recordResults } from './lib/report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Rounds alternate /health and the list, so that load from elsewhere on the machine hits both alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BENCHMARK = 'api';

async function main(): Promise<void> {
  const database = await createTestDatabase();
  let api: RunningApi | undefined;
  try {
    const adminKey = await issueFirstAdminKey({ DATABASE_URL: database.url });
    api = await startApiProcess({
      env: { DATABASE_URL: database.url },
      nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean),
    });
    const organiserKey = await seed(api.url, adminKey, database.url);
    const listUrl = `${api.url}/api/v1/events`;
    const headers = { authorization: `Bearer ${organiserKey}` };
    await assertFirstPage(listUrl, headers);

    console.log(
      `GET /api/v1/events (first page of ${EVENTS.toLocaleString('en-US')} events, organiser key) vs GET /health,`,
      `${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s each`,
    );
    const targets = {
      health: { url: `${api.url}/health`, headers: {} },
      list: { url: listUrl, headers },
      // The least an authenticated request costs (key lookup, guard), for comparison.
      auth: { url: `${api.url}/api/v1/api-keys/me`, headers },
    };
    const results: Record<keyof typeof targets, LoadResult[]> = { health: [], list: [], auth: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, target] of Object.entries(targets) as Array<
        [keyof typeof targets, { url: string; headers: Record<string, string> }]
      >) {
        const result = await runLoad({
          ...target,
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: round === 0 ? 2 : 0,
        });
        results[name].push(checked(result, name));
      }
      const line = (name: keyof typeof targets) =>
        `${name} ${results[name][round].requestsPerSecond.toFixed(0)} req/s (p99 ${results[name][round].p99Ms.toFixed(1)} ms)`;
      console.log(`  round ${round + 1}: ${line('health')}, ${line('list')}, ${line('auth')}`);
    }
    const rate = (name: keyof typeof targets) =>
      mean(results[name].map((result) => result.requestsPerSecond));
    recordResults(BENCHMARK, [
      compared({
        benchmark: BENCHMARK,
        figure: `GET /api/v1/events first page, ${EVENTS} events, ${CONNECTIONS} conn.`,
        value: rate('list'),
        unit: 'req/s',
        anchor: 'GET /health, same process',
        anchorValue: rate('health'),
        target: { atLeast: 0.25 },
      }),
      absolute({
        benchmark: BENCHMARK,
        figure: `GET /api/v1/events p99 (worst round), ${CONNECTIONS} conn.`,
        value: Math.max(...results.list.map((result) => result.p99Ms)),
        unit: 'ms',
        target: { atMost: 100 },
      }),
      informational({
        benchmark: BENCHMARK,
        figure: `GET /api/v1/api-keys/me (key check only), ${CONNECTIONS} conn.`,
        value: rate('auth'),
        unit: 'req/s',
        anchor: 'GET /health, same process',
        anchorValue: rate('health'),
      }),
      informational({
        benchmark: BENCHMARK,
        figure: 'API peak RSS',
        value: api.peakRssBytes() / 1024 / 1024,
        unit: 'MB',
      }),
    ]);
  } finally {
    await api?.stop();
    await database.drop();
  }
}

/**
 * An organisation with 10,000 events of all kinds over the coming years (some drafts, some
 * internal, a tenth co-hosted by a partner), seeded in SQL for speed; the organisation and its
 * key are made through the API. Returns the organiser key of the hosting organisation.
 */
export async function seed(apiUrl: string, adminKey: string, databaseUrl: string): Promise<string> {
  const host = await post<{ id: string }>(apiUrl, adminKey, '/api/v1/organisations', {
    name: 'Stadt Hamm',
    code: 'HAM',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
  });
  const partner = await post<{ id: string }>(apiUrl, adminKey, '/api/v1/organisations', {
    name: 'Mufindi District Council',
    code: 'MUF',
    country: 'TZ',
    timeZone: 'Africa/Dar_es_Salaam',
    defaultLocale: 'sw',
  });
  const { key } = await post<{ key: string }>(apiUrl, adminKey, '/api/v1/api-keys', {
    name: 'Benchmark organiser',
    organisationId: host.id,
    role: 'organiser',
  });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await insertBenchEvents(client, host.id, EVENTS, { someHidden: true });
    await client.query(
      `INSERT INTO event_co_hosts (event_id, organisation_id)
       SELECT id, $2 FROM events WHERE host_organisation_id = $1 AND title ~ '^Workshop Nr. [0-9]*3 '`,
      [host.id, partner.id],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return key;
}

async function post<T>(apiUrl: string, key: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The benchmark measures a real first page: 50 events and a cursor to the next. */
async function assertFirstPage(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
  if (response.status !== 200 || page.items.length !== 50 || !page.nextCursor) {
    throw new Error(`unexpected first page: ${response.status} ${JSON.stringify(page).slice(0, 500)}`);
  }
}

function checked(result: LoadResult, name: string): LoadResult {
  if (result.errors > 0 || result.non2xx3xx > 0) {
    throw new Error(`${name} under load: ${result.errors} errors, ${result.non2xx3xx} answers >= 400`);
  }
  return result;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
