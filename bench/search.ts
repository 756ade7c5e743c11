/**
 * Public search benchmark: GET /public/events.json?q=… for typical searches, each in turn, with
 * 100,000 published public events stored, next to GET /health of the same API process. Load from
 * wrk in a process of its own, 4 connections (a busy city website's search box). Target: p95 <= 50
 * ms for every typical search.
 *
 *   npm run bench:search
 *   BENCH_EVENTS=20000 BENCH_SECONDS=3 npm run bench:search
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createTestDatabase } from '@app/testing';
import { RunningApi, startApiProcess } from './lib/api-process';
import { LoadResult, runLoad } from './lib/peers';
import { insertPublicProgramme } from './lib/public-programme';
import { absolute, informational, recordResults } from './lib/report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const CONNECTIONS = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const BENCHMARK = 'search';
const TARGET_P95_MS = 50;

/** What people type: two words mostly, umlauts spelt out, a typo, a part of a compound. */
const TYPICAL_SEARCHES = [
  'Klimaschutz Workshop',
  'Rathaus Sundern',
  'Staedtetag 2027',
  'Delegation Morogoro',
  'Hamm Konferenz',
  'Morogor',
  'Wärmeplanung Hamm',
  'Buergerbeteiligung Arnsberg',
];

async function main(): Promise<void> {
  const database = await createTestDatabase();
  let api: RunningApi | undefined;
  try {
    const seeding = Date.now();
    await seed(database.url);
    console.log(
      `${EVENTS.toLocaleString('en-US')} public events stored in ${((Date.now() - seeding) / 1000).toFixed(0)} s`,
    );
    // Longer than the default to get ready: on a shared machine two API processes may start slowly.
    api = await startApiProcess({ env: { DATABASE_URL: database.url }, readyTimeoutMs: 180_000 });
    const searchUrl = (text: string) => `${api!.url}/public/events.json?q=${encodeURIComponent(text)}`;
    for (const text of TYPICAL_SEARCHES) await assertFindsEvents(searchUrl(text), text);

    console.log(
      `GET /public/events.json?q=… (${TYPICAL_SEARCHES.length} typical searches) vs GET /health,`,
      `${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    const health = checked(
      await runLoad({
        url: `${api.url}/health`,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: 2,
      }),
      'health',
    );
    const searches: Array<{ text: string; result: LoadResult }> = [];
    for (const [index, text] of TYPICAL_SEARCHES.entries()) {
      const result = checked(
        await runLoad({
          url: searchUrl(text),
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: index === 0 ? 2 : 0,
        }),
        text,
      );
      searches.push({ text, result });
      console.log(
        `  "${text}": ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`,
      );
    }
    const worst = searches.reduce((a, b) => (b.result.p95Ms > a.result.p95Ms ? b : a));
    recordResults(BENCHMARK, [
      absolute({
        benchmark: BENCHMARK,
        figure: `public search p95, worst typical search ("${worst.text}"), ${EVENTS} events, ${CONNECTIONS} conn.`,
        value: worst.result.p95Ms,
        unit: 'ms',
        target: { atMost: TARGET_P95_MS },
      }),
      ...searches.map(({ text, result }) =>
        informational({
          benchmark: BENCHMARK,
          figure: `public search p95 "${text}"`,
          value: result.p95Ms,
          unit: 'ms',
          anchor: 'GET /health p95, same process',
          anchorValue: health.p95Ms,
        }),
      ),
    ]);
  } finally {
    await api?.stop();
    await database.drop();
  }
}

async function seed(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await insertPublicProgramme(client, EVENTS);
  } finally {
    await client.end();
  }
}

/** The benchmark measures real searches: each finds events. */
async function assertFindsEvents(url: string, text: string): Promise<void> {
  const response = await fetch(url);
  const page = (await response.json()) as { events?: Array<{ title: string }> };
  if (response.status !== 200 || !page.events?.length) {
    throw new Error(`"${text}" found nothing: ${response.status} ${JSON.stringify(page).slice(0, 300)}`);
  }
}

function checked(result: LoadResult, name: string): LoadResult {
  if (result.errors > 0 || result.non2xx3xx > 0) {
    throw new Error(`${name} under load: ${result.errors} errors, ${result.non2xx3xx} answers >= 400`);
  }
  return result;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
