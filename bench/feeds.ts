/**
 * Calendar feed benchmark, against the built API in a process of its own. Prints, each figure
 * next to its anchor measured in the same run:
 *  - an organisation feed of 10,000 events rendered cold (state and row queries, rendering,
 *    ETag; nothing of it cached in the API or in Redis) and after one of its events changed,
 *    both over HTTP, next to ical-generator 11 alone turning the same 10,000 already built events
 *    into text (targets <= 1.0x and <= 0.25x);
 *  - the API's event loop while such a feed renders: its longest delay (monitorEventLoopDelay in
 *    the API process, target <= 50 ms) and the slowest GET /health answer, asked from a process of
 *    its own (target <= 100 ms);
 *  - a personal feed of 200 events under wrk (10 connections, its own process): warm 200s and
 *    304s per second next to nginx serving the very same bytes (gzip_static for the gzip
 *    encoding) and a bare node:http server, with identity and with gzip. The API, nginx and the
 *    bare server each run one process per core (API_PROCESSES, worker_processes auto, node:cluster).
 *
 *   npm run bench:feeds
 *   BENCH_SECONDS=4 BENCH_RUNS=3 npm run bench:feeds
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { addEventToCalendar, createFeedCalendar } from '@app/calendar';
import { databaseOptions } from '@app/database';
import { FeedQueries } from '@app/feeds';
import { createTestDatabase } from '@app/testing';
import { insertBenchEvents } from './lib/bench-events';
import { issueFirstAdminKey, RunningApi, startApiProcess } from './lib/api-process';
import { LoadResult, runLoad, RunningPeer, startBareNodeServer, startNginx } from './lib/peers';
import { absolute, compared, informational, recordResults, Row } from './lib/report';

const BENCHMARK = 'feeds';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Renders per figure; the median is reported. Each run measures the anchor and ours back to back. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CONNECTIONS = 10;
/** API processes, nginx workers and bare node:http processes alike. */
const PROCESSES = availableParallelism();
const LARGE_FEED_EVENTS = 10_000;
const PERSONAL_FEED_EVENTS = 200;
/** Sampling interval of the API's event-loop histogram; a reported delay includes it. */
const LOOP_RESOLUTION_MS = 5;
const ORGANIZER_EMAIL = 'treffpunkt@bench.example';
const QUEUE_PREFIX = `tp-bench-${randomBytes(4).toString('hex')}`;

/**
 * Loaded into the API with --require: every 100 ms it appends the longest event-loop delay of
 * the last 100 ms (and when) to a file, so the bench can look at the time a render took. Worker
 * threads inherit --require: only the main thread, the one that answers requests, is measured.
 */
const LOOP_PROBE = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const { appendFileSync } = require('node:fs');
  const histogram = monitorEventLoopDelay({ resolution: ${LOOP_RESOLUTION_MS} });
  histogram.enable();
  setInterval(() => {
    appendFileSync(process.env.FEED_BENCH_LOOP_FILE, Date.now() + ' ' + histogram.max / 1e6 + '\\n');
    histogram.reset();
  }, 100).unref();
}
`;

interface Seeded {
  organisationId: string;
  personalFeedPath: string;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const scratch = mkdtempSync(join(tmpdir(), 'treffpunkt-feed-bench-'));
  const loopFile = join(scratch, 'event-loop.log');
  writeFileSync(join(scratch, 'loop-probe.js'), LOOP_PROBE);
  writeFileSync(loopFile, '');
  const dataSource = await new DataSource(databaseOptions(database.url)).initialize();
  const peers: RunningPeer[] = [];
  let api: RunningApi | undefined;
  try {
    const adminKey = await issueFirstAdminKey({ DATABASE_URL: database.url });
    api = await startApiProcess({
      env: {
        DATABASE_URL: database.url,
        FEED_BENCH_LOOP_FILE: loopFile,
        MAIL_ORGANIZER: `Treffpunkt <${ORGANIZER_EMAIL}>`,
        QUEUE_PREFIX,
      },
      nodeArgs: [
        ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--require',
        join(scratch, 'loop-probe.js'),
      ],
    });
    const seeded = await seed(dataSource, api, adminKey);
    const rows: Row[] = [];

    console.log(`Organisation feed of ${LARGE_FEED_EVENTS.toLocaleString('en-US')} events, ${RUNS} runs:`);
    rows.push(...(await renders(dataSource, api, seeded.organisationId)));
    rows.push(...(await eventLoopDuringRender(dataSource, api, loopFile)));

    console.log(
      `Personal feed of ${PERSONAL_FEED_EVENTS} events, wrk with ${CONNECTIONS} connections, ${SECONDS} s per figure:`,
    );
    rows.push(...(await serving(api, seeded.personalFeedPath, scratch, peers)));
    recordResults(BENCHMARK, rows);
  } finally {
    for (const peer of peers) await peer.stop();
    getter?.stop();
    await api?.stop();
    await dataSource.destroy();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * An organisation with 10,000 public events over the coming months, across a daylight-saving
 * switch, with mixed zones (flights to Dar es Salaam, calls in Chicago), all-day stays, venues,
 * tags and text that needs escaping; and a person invited to 200 of them, with a feed URL.
 */
async function seed(dataSource: DataSource, api: RunningApi, adminKey: string): Promise<Seeded> {
  const [organisation] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO organisations (name, code, country, time_zone, default_locale)
     VALUES ('Stadt Hamm, Benchmark', 'BIG', 'DE', 'Europe/Berlin', 'de') RETURNING id`,
  );
  await insertBenchEvents(dataSource, organisation.id, LARGE_FEED_EVENTS, { someHidden: false });
  const [person] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO people (name, email, organisation_id, locale, time_zone)
     VALUES ('Jonas Beispiel', 'jonas@bench.example', $1, 'de', 'Europe/Berlin') RETURNING id`,
    [organisation.id],
  );
  await dataSource.query(
    `INSERT INTO invitations (event_id, person_id, status)
     SELECT id, $2, CASE WHEN row_number() OVER () % 4 = 0 THEN 'invited' ELSE 'accepted' END
     FROM (SELECT id FROM events WHERE host_organisation_id = $1 ORDER BY starts_at LIMIT $3) chosen`,
    [organisation.id, person.id, PERSONAL_FEED_EVENTS],
  );
  const response = await fetch(`${api.url}/api/v1/people/${person.id}/feed-token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}` },
  });
  if (response.status !== 201)
    throw new Error(`Issuing a feed token: ${response.status} ${await response.text()}`);
  const issued = (await response.json()) as { url: string };
  return { organisationId: organisation.id, personalFeedPath: new URL(issued.url).pathname };
}

const LARGE_FEED = '/feeds/organisations/big.ics';

/**
 * Cold: renaming the organisation changes every event's VEVENT (the host's name is the
 * ORGANIZER), its entry key and the feed's cache key, so neither the API's memory nor Redis holds
 * anything of the feed. After one change: one event moved (new sequence and change time), the
 * other 9,999 entries are kept. The bench writes to the database itself, so the API hears of each
 * change by notification (see changedFeed).
 */
async function renders(dataSource: DataSource, api: RunningApi, organisationId: string): Promise<Row[]> {
  const queries = new FeedQueries(dataSource, { cancelledRetentionDays: 30, pastDays: 365 });
  const events = await queries.rows({ kind: 'organisation', code: 'BIG' }, organisationId);
  if (events.length !== LARGE_FEED_EVENTS) throw new Error(`The feed holds ${events.length} events`);
  // The API's first render: code paths warm, as in a running service.
  let served = await timedGet(api, LARGE_FEED);

  const alone: number[] = [];
  const cold: number[] = [];
  const changed: number[] = [];
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  for (let run = 0; run < RUNS; run++) {
    alone.push(icalGeneratorAlone(events, api.url));
    await sleep(SETTLE_MS);
    await renameOrganisation(dataSource);
    served = await changedFeed(api, served.etag);
    cold.push(served.ms);
    await sharedInRedis(redis, served.etag);
    await sleep(SETTLE_MS);
    await dataSource.query(
      `UPDATE events SET title = title || '.', sequence = sequence + 1, updated_at = clock_timestamp()
       WHERE id = (SELECT id FROM events WHERE host_organisation_id = $1 ORDER BY starts_at OFFSET $2 LIMIT 1)`,
      [organisationId, (run * 997) % LARGE_FEED_EVENTS],
    );
    served = await changedFeed(api, served.etag);
    changed.push(served.ms);
    await sharedInRedis(redis, served.etag);
  }
  redis.disconnect();
  const anchor = median(alone);
  console.log(
    `  ical-generator alone ${ms(alone)}; cold over HTTP ${ms(cold)}; after one change ${ms(changed)}`,
  );
  const figure = (name: string, values: number[], atMost: number) =>
    compared({
      benchmark: BENCHMARK,
      figure: `${name}, 10k-event feed (median of ${RUNS})`,
      value: median(values),
      unit: 'ms',
      anchor: 'ical-generator 11 alone, same 10k events',
      anchorValue: anchor,
      target: { atMost },
    });
  return [
    figure('cold render, queries included', cold, 1.0),
    figure('render after one change', changed, 0.25),
  ];
}

/** The same events, already turned into ical-generator objects, rendered to text: timed part only. */
function icalGeneratorAlone(events: Awaited<ReturnType<FeedQueries['rows']>>, baseUrl: string): number {
  const calendar = createFeedCalendar({
    name: 'Stadt Hamm, Benchmark',
    timeZone: 'Europe/Berlin',
    refreshIntervalSeconds: 3600,
  });
  for (const event of events) {
    addEventToCalendar(calendar, event, {
      organizer: { name: event.hostName, email: ORGANIZER_EMAIL },
      url: `${baseUrl}/calendar/events/${event.id}`,
    });
  }
  collectGarbage();
  const started = performance.now();
  calendar.toString();
  return performance.now() - started;
}

/**
 * Asks GET /health one request after another until its stdin closes, then prints how many answers
 * came and the slowest in ms. A process of its own: in the bench's, the answers would wait for its
 * event loop, busy taking in the 10 MB feed. Its first request, which loads fetch and opens the
 * connection, is not timed; it says "ready" once that is done.
 */
const HEALTH_POLLER = `
const url = process.argv[1];
let stop = false, count = 0, slowest = 0;
process.stdin.on('end', () => (stop = true)).resume();
(async () => {
  await (await fetch(url)).arrayBuffer();
  process.stdout.write('ready\\n');
  while (!stop) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
    count++;
  }
  process.stdout.write(JSON.stringify({ count, slowest }));
})();
`;

interface PolledWork<Result> {
  result: Result;
  /** When the work started and ended (Date.now()). */
  started: number;
  ended: number;
  health: { count: number; slowest: number };
}

async function pollHealthWhile<Result>(
  api: RunningApi,
  work: () => Promise<Result>,
): Promise<PolledWork<Result>> {
  const poller = spawn(process.execPath, ['-e', HEALTH_POLLER, `${api.url}/health`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  let ready: () => void;
  const polling = new Promise<void>((resolve) => (ready = resolve));
  poller.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (output.startsWith('ready\n')) ready();
  });
  const exited = new Promise((resolve) => poller.once('exit', resolve));
  await Promise.race([polling, exited]);
  const started = Date.now();
  const result = await work();
  const ended = Date.now();
  poller.stdin.end();
  await exited;
  const health = JSON.parse(output.slice('ready\n'.length)) as { count: number; slowest: number };
  return { result, started, ended, health };
}

/**
 * While the API renders the 10,000-event feed cold, GET /health is asked again and again from a
 * process of its own; the API's own histogram tells the longest time its event loop could not
 * take a turn.
 */
async function eventLoopDuringRender(
  dataSource: DataSource,
  api: RunningApi,
  loopFile: string,
): Promise<Row[]> {
  const loopMaxima: number[] = [];
  const healthMaxima: number[] = [];
  let { etag } = await timedGet(api, LARGE_FEED);
  for (let run = 0; run < 3; run++) {
    await renameOrganisation(dataSource);
    const { result, started, ended, health } = await pollHealthWhile(api, () => changedFeed(api, etag));
    ({ etag } = result);
    await sleep(250); // the probe writes the last window
    loopMaxima.push(loopMaximum(loopFile, started, ended));
    healthMaxima.push(health.slowest);
    console.log(
      `  render ${ended - started} ms: ${health.count} /health answers, slowest ${health.slowest.toFixed(1)} ms; longest event-loop delay ${loopMaxima.at(-1)!.toFixed(1)} ms`,
    );
  }
  return [
    absolute({
      benchmark: BENCHMARK,
      figure: `longest API event-loop delay during a cold 10k render (median of 3 renders, ${LOOP_RESOLUTION_MS} ms sampling)`,
      value: median(loopMaxima),
      unit: 'ms',
      target: { atMost: 50 },
    }),
    absolute({
      benchmark: BENCHMARK,
      figure: 'slowest GET /health during a cold 10k render (median of 3 renders)',
      value: median(healthMaxima),
      unit: 'ms',
      target: { atMost: 100 },
    }),
  ];
}

/** The longest delay the probe saw in the 100 ms windows that overlap [from, to]. */
function loopMaximum(file: string, from: number, to: number): number {
  let longest = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [at, delay] = line.split(' ').map(Number);
    if (at >= from && at - 100 <= to) longest = Math.max(longest, delay);
  }
  return longest;
}

/** Warm 200s and 304s of the personal feed, with identity and gzip, next to nginx and bare node. */
async function serving(api: RunningApi, path: string, scratch: string, peers: RunningPeer[]): Promise<Row[]> {
  const url = `${api.url}${path}`;
  const identity = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await identity.arrayBuffer());
  const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  if (zipped.headers.get('content-encoding') !== 'gzip') throw new Error('The API did not serve gzip');
  // fetch decodes gzip: ask Node's http for the bytes as sent.
  const gzipBody = await rawBody(url, { 'accept-encoding': 'gzip' });
  const files = join(scratch, 'files');
  mkdirSync(files);
  const file = join(files, 'personal.ics');
  writeFileSync(file, body, { flag: 'w' });
  writeFileSync(`${file}.gz`, gzipBody);
  console.log(`  ${(body.length / 1024).toFixed(0)} KB, gzip ${(gzipBody.length / 1024).toFixed(0)} KB`);

  const nginx = await startNginx({ root: files, gzipStatic: true });
  peers.push(nginx);
  const bare = await startBareNodeServer({
    file,
    gzipFile: `${file}.gz`,
    contentType: 'text/calendar; charset=utf-8',
  });
  peers.push(bare);
  const servers = [
    { name: 'API', url },
    { name: 'nginx', url: `${nginx.url}/personal.ics` },
    { name: 'bare node:http', url: `${bare.url}/personal.ics` },
  ];

  const rows: Row[] = [];
  for (const encoding of ['identity', 'gzip'] as const) {
    for (const notModified of [false, true]) {
      const results: Record<string, number> = {};
      for (const server of servers) {
        const headers: Record<string, string> = { 'accept-encoding': encoding };
        if (notModified) headers['if-none-match'] = await etagOf(server.url, encoding);
        const result = checked(
          await runLoad({
            url: server.url,
            connections: CONNECTIONS,
            seconds: SECONDS,
            warmupSeconds: 2,
            headers,
          }),
          `${server.name} ${encoding} ${notModified ? '304' : '200'}`,
        );
        results[server.name] = result.requestsPerSecond;
      }
      const figure = `${notModified ? '304s (If-None-Match)' : 'warm 200s'}, personal feed, ${encoding}`;
      console.log(
        `  ${figure}: API ${rate(results.API)}, nginx ${rate(results.nginx)}, bare node ${rate(results['bare node:http'])} req/s`,
      );
      rows.push(
        compared({
          benchmark: BENCHMARK,
          figure,
          value: results.API,
          unit: 'req/s',
          anchor: `nginx, same bytes (${PROCESSES} worker processes)`,
          anchorValue: results.nginx,
          target: { atLeast: notModified ? 0.25 : 0.5 },
        }),
        informational({
          benchmark: BENCHMARK,
          figure,
          value: results.API,
          unit: 'req/s',
          anchor: `bare node:http, same bytes (${PROCESSES} processes)`,
          anchorValue: results['bare node:http'],
        }),
      );
    }
  }
  return rows;
}

async function etagOf(url: string, encoding: string): Promise<string> {
  const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`${url} sent no ETag`);
  return etag;
}

async function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * GETs timed from a process of its own, from the request to the last byte, on one kept-alive
 * connection (so by one API process, as a calendar app's would be): it reads paths on stdin and
 * answers each with a line of JSON. Read by the bench's own fetch, the 7 MB feed took some 35 ms
 * more than the API took to send it (curl needs ~7 ms for it warm): the client's work, not the API's.
 */
const TIMED_GETTER = `
const http = require('node:http');
const readline = require('node:readline');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const base = process.argv[1];
readline.createInterface({ input: process.stdin }).on('line', (path) => {
  const started = performance.now();
  http.get(base + path, { agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
    let bytes = 0;
    response.on('data', (chunk) => (bytes += chunk.length));
    response.on('end', () => {
      const ms = performance.now() - started;
      const etag = response.headers.etag ?? '';
      process.stdout.write(JSON.stringify({ status: response.statusCode, ms, bytes, etag }) + '\\n');
    });
  }).on('error', (error) => process.stdout.write(JSON.stringify({ status: 0, error: error.message }) + '\\n'));
});
`;

interface TimedGet {
  ms: number;
  bytes: number;
  etag: string;
}

let getter: { ask(path: string): Promise<TimedGet>; stop(): void } | undefined;

/** A GET whose whole body arrived, timed by TIMED_GETTER. */
async function timedGet(api: RunningApi, path: string): Promise<TimedGet> {
  getter ??= startTimedGetter(api);
  return getter.ask(path);
}

function startTimedGetter(api: RunningApi): { ask(path: string): Promise<TimedGet>; stop(): void } {
  const child = spawn(process.execPath, ['-e', TIMED_GETTER, api.url], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: Array<{ path: string; resolve(got: TimedGet): void; reject(error: Error): void }> = [];
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const answer = JSON.parse(buffered.slice(0, newline)) as TimedGet & { status: number; error?: string };
      buffered = buffered.slice(newline + 1);
      const asked = waiting.shift()!;
      if (answer.status === 200) asked.resolve(answer);
      else asked.reject(new Error(`GET ${asked.path}: ${answer.error ?? answer.status}`));
    }
  });
  child.once('exit', () => waiting.splice(0).forEach((asked) => asked.reject(new Error('The timed getter ended'))));
  return {
    ask: (path) =>
      new Promise((resolve, reject) => {
        waiting.push({ path, resolve, reject });
        child.stdin.write(`${path}\n`);
      }),
    stop: () => child.stdin.end(),
  };
}

let renames = 0;

/** A new name for the large feed's organisation: every VEVENT names it as ORGANIZER. */
async function renameOrganisation(dataSource: DataSource): Promise<void> {
  renames++;
  await dataSource.query(
    `UPDATE organisations SET name = $1, updated_at = clock_timestamp() WHERE code = 'BIG'`,
    [`Stadt Hamm, Benchmark ${renames}`],
  );
}

/**
 * A pause before each timed change. Real edits come minutes apart: by then the API has long done
 * what follows an answer (sharing, compressing, collecting the last render's garbage).
 */
const SETTLE_MS = 1000;

/** How long sharing a rendered feed (10 MB and its gzip into Redis) may take before the bench gives up. */
const SHARING_BOUND_MS = 30_000;

/**
 * Waits until the API has shared the large feed it served with this ETag: its bytes and their gzip
 * in Redis (FeedCache), work the API does after answering. Real edits come minutes apart; without
 * this, a render timed right after another would be timed against that one's compression. The
 * ETag of a feed's plain bytes is the digest of its cache key (FeedCache.etagFor).
 */
async function sharedInRedis(redis: Redis, etag: string): Promise<void> {
  const feed = createHash('sha256').update('organisation:BIG').digest('base64url');
  const key = `${QUEUE_PREFIX}:feeds:feed:${etag.replaceAll('"', '')}`;
  const deadline = performance.now() + SHARING_BOUND_MS;
  for (;;) {
    const latest = await redis.get(`${QUEUE_PREFIX}:feeds:feed-latest:${feed}`);
    if (latest === key && (await redis.hexists(key, 'gzip'))) return;
    if (performance.now() > deadline) throw new Error('The API did not share the feed it rendered');
    await sleep(10);
  }
}

/** How long an API process may take to hear of a change the bench committed (LISTEN/NOTIFY). */
const NOTIFICATION_BOUND_MS = 2_000;

/**
 * The large feed after the bench changed it in the database: the API processes hear of the change
 * some milliseconds after the commit, and until then serve the feed they have (quickly, from
 * memory). Timed is the request that got the changed feed, that is the one that rendered it.
 */
async function changedFeed(
  api: RunningApi,
  before: string,
): Promise<{ ms: number; bytes: number; etag: string }> {
  const deadline = performance.now() + NOTIFICATION_BOUND_MS;
  for (;;) {
    const served = await timedGet(api, LARGE_FEED);
    if (served.etag !== before) return served;
    if (performance.now() > deadline) throw new Error('The API did not hear of the change');
  }
}

function checked(result: LoadResult, what: string): LoadResult {
  if (result.errors || result.non2xx3xx) {
    throw new Error(`${what}: ${result.errors} errors and ${result.non2xx3xx} error answers under load`);
  }
  return result;
}

/** The previous run's garbage is collected outside the timed part (the npm script passes --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(values: number[]): string {
  return `${median(values).toFixed(0)} ms (${values.map((value) => value.toFixed(0)).join(', ')})`;
}

function rate(value: number): string {
  return value.toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
