/**
 * Calendar feed benchmark. Prints:
 *  - cold render of an organisation feed with 10,000 events (state query, row query, mapping,
 *    rendering, ETag and Redis store) next to ical-generator alone turning the same 10,000
 *    already-built events into text in the same run, and their ratio (target ≤ 1.5);
 *  - cold render of 1,000 vs 10,000 events, per event (the cost must grow linearly);
 *  - a personal feed of 200 events under autocannon: warm 200s and 304s per second, next to a
 *    static file server (express.static) serving the same bytes from disk, and the ratios
 *    (target ≥ 0.5 for warm 200s; 304s are printed for comparison).
 *
 *   npm run bench:feeds
 *   BENCH_SECONDS=5 npm run bench:feeds
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addEventToCalendar, createFeedCalendar } from '@app/calendar';
import { FeedQueries, FeedsService, FeedTokensService } from '@app/feeds';
import { startApi } from '../test/api-harness';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const COLD_RUNS = 5;

type Harness = Awaited<ReturnType<typeof startApi>>;

async function main(): Promise<void> {
  const api = await startApi();
  const staticDirectory = mkdtempSync(join(tmpdir(), 'treffpunkt-feed-bench-'));
  try {
    const large = await seedOrganisation(api, 'BIG', 10_000);
    const small = await seedOrganisation(api, 'SMALL', 1_000);
    const feeds = api.app.get(FeedsService);

    const alone = await icalGeneratorAlone(api, large);
    const { coldLarge, coldSmall } = await coldRenders(api, feeds);

    console.log(`\nOrganisation feed, cold (query included), median of ${COLD_RUNS}:`);
    console.log(`  10,000 events: ${ms(coldLarge.ms)} (${(coldLarge.bytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`  ical-generator alone, same 10,000 events from memory: ${ms(alone)}`);
    console.log(`  ratio: ${(coldLarge.ms / alone).toFixed(2)}x (target <= 1.5x)`);
    console.log(`\nLinearity, cold render:`);
    console.log(
      `   1,000 events: ${ms(coldSmall.ms)} = ${((coldSmall.ms / 1_000) * 1000).toFixed(1)} µs per event`,
    );
    console.log(
      `  10,000 events: ${ms(coldLarge.ms)} = ${((coldLarge.ms / 10_000) * 1000).toFixed(1)} µs per event`,
    );
    console.log(`  10,000 / 1,000 time: ${(coldLarge.ms / coldSmall.ms).toFixed(1)}x for 10x the events`);

    const path = await seedPersonalFeed(api, small.organisationId, 200);
    await api.app.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}${path}`;
    const first = await fetch(apiUrl);
    const body = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag')!;
    writeFileSync(join(staticDirectory, 'personal.ics'), body);
    const files = express().use(express.static(staticDirectory));
    const staticServer = files.listen(0, '127.0.0.1');
    await new Promise((resolve) => staticServer.once('listening', resolve));
    const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/personal.ics`;
    const staticEtag = (await fetch(staticUrl)).headers.get('etag')!;

    console.log(
      `\nPersonal feed, 200 events (${(body.length / 1024).toFixed(0)} KB), ${CONNECTIONS} connections, ${SECONDS} s each:`,
    );
    const warm = await load(apiUrl, {}, 200);
    const warmStatic = await load(staticUrl, {}, 200);
    const notModified = await load(apiUrl, { 'if-none-match': etag }, 304);
    const notModifiedStatic = await load(staticUrl, { 'if-none-match': staticEtag }, 304);
    staticServer.close();
    console.log(
      `  warm 200: API ${rate(warm)} req/s, static ${rate(warmStatic)} req/s, ratio ${(warm / warmStatic).toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `  304:      API ${rate(notModified)} req/s, static ${rate(notModifiedStatic)} req/s, ratio ${(notModified / notModifiedStatic).toFixed(2)} (no target; for comparison)`,
    );
  } finally {
    rmSync(staticDirectory, { recursive: true, force: true });
    await api.close();
  }
}

/**
 * Events spread over the coming months so that they cross a daylight-saving switch, with mixed
 * zones (flights to Dar es Salaam, calls in Chicago), all-day stays, venues, tags and text that
 * needs escaping.
 */
async function seedOrganisation(
  api: Harness,
  code: string,
  count: number,
): Promise<{ organisationId: string }> {
  const [organisation] = await api.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO organisations (name, code, country, time_zone, default_locale)
     VALUES ($1, $2, 'DE', 'Europe/Berlin', 'de') RETURNING id`,
    [`Stadt ${code}, Benchmark`, code],
  );
  await api.dataSource.query(
    `INSERT INTO events (kind, title, description, starts_at, start_zone, ends_at, end_zone, all_day, venue_name,
       venue_address, venue_latitude, venue_longitude, online_url, host_organisation_id, status, visibility, tags, sequence)
     SELECT
       CASE WHEN g % 10 = 0 THEN 'travel_leg' WHEN g % 7 = 0 THEN 'accommodation' ELSE 'workshop' END,
       'Workshop Nr. ' || g || ' – Klima, Wärme; Wasser 🌍',
       E'Beschreibung für Termin ' || g || E'.\\nZweite Zeile, mit Komma; und Semikolon.',
       CASE WHEN g % 7 = 0 THEN date_trunc('day', s AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'Europe/Berlin' ELSE s END,
       CASE WHEN g % 5 = 0 AND g % 10 <> 0 THEN 'America/Chicago' ELSE 'Europe/Berlin' END,
       CASE WHEN g % 7 = 0 THEN (date_trunc('day', s AT TIME ZONE 'Europe/Berlin') + interval '2 days') AT TIME ZONE 'Europe/Berlin'
            WHEN g % 10 = 0 THEN s + interval '10 hours' ELSE s + interval '90 minutes' END,
       CASE WHEN g % 10 = 0 THEN 'Africa/Dar_es_Salaam' WHEN g % 5 = 0 THEN 'America/Chicago' ELSE 'Europe/Berlin' END,
       g % 7 = 0,
       'Kulturzentrum ' || (g % 50), 'Ostring ' || (g % 90) || ', 59065 Hamm', 51.68, 7.82,
       CASE WHEN g % 4 = 0 THEN 'https://meet.example.org/room-' || g END,
       $1, 'published', 'public', ARRAY['klima', 'digitalisierung'], g % 3
     FROM generate_series(1, $2::int) AS g, LATERAL (SELECT now() + interval '1 day' + g * interval '37 minutes' AS s) t`,
    [organisation.id, count],
  );
  return { organisationId: organisation.id };
}

/** Large and small alternate, so that load from elsewhere on the machine hits both alike. */
async function coldRenders(
  api: Harness,
  feeds: FeedsService,
): Promise<{ coldLarge: { ms: number; bytes: number }; coldSmall: { ms: number; bytes: number } }> {
  const large: number[] = [];
  const small: number[] = [];
  let bytes = { large: 0, small: 0 };
  for (let run = 0; run < COLD_RUNS + 1; run++) {
    const bigRun = await coldRender(api, feeds, 'BIG');
    const smallRun = await coldRender(api, feeds, 'SMALL');
    bytes = { large: bigRun.bytes, small: smallRun.bytes };
    if (run > 0) {
      large.push(bigRun.ms);
      small.push(smallRun.ms);
    }
  }
  return {
    coldLarge: { ms: median(large), bytes: bytes.large },
    coldSmall: { ms: median(small), bytes: bytes.small },
  };
}

/**
 * A cold render is what a change costs: touching the organisation gives its feed a new cache key,
 * so neither this process's memory nor Redis holds it, exactly as after an edit.
 */
async function coldRender(
  api: Harness,
  feeds: FeedsService,
  code: string,
): Promise<{ ms: number; bytes: number }> {
  await api.dataSource.query(`UPDATE organisations SET updated_at = clock_timestamp() WHERE code = $1`, [code]);
  collectGarbage();
  const started = performance.now();
  const feed = await feeds.open({ kind: 'organisation', code });
  const content = await feeds.content(feed, 'identity');
  return { ms: performance.now() - started, bytes: content.body.length };
}

/** The same events, already turned into ical-generator objects, rendered to text. */
async function icalGeneratorAlone(api: Harness, organisation: { organisationId: string }): Promise<number> {
  const rows = await api.app
    .get(FeedQueries)
    .rows({ kind: 'organisation', code: 'BIG' }, organisation.organisationId);
  const timings: number[] = [];
  for (let run = 0; run < COLD_RUNS + 1; run++) {
    const calendar = createFeedCalendar({
      name: 'Stadt BIG',
      timeZone: 'Europe/Berlin',
      refreshIntervalSeconds: 3600,
    });
    for (const row of rows) {
      addEventToCalendar(calendar, row, { organizer: { name: row.hostName, email: 'treffpunkt@localhost' } });
    }
    collectGarbage();
    const started = performance.now();
    calendar.toString();
    if (run > 0) timings.push(performance.now() - started);
  }
  return median(timings);
}

async function seedPersonalFeed(api: Harness, organisationId: string, count: number): Promise<string> {
  const [person] = await api.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO people (name, email, organisation_id, locale, time_zone)
     VALUES ('Jonas Beispiel', 'jonas@bench.example', $1, 'de', 'Europe/Berlin') RETURNING id`,
    [organisationId],
  );
  await api.dataSource.query(
    `INSERT INTO invitations (event_id, person_id, status)
     SELECT id, $2, CASE WHEN row_number() OVER () % 4 = 0 THEN 'invited' ELSE 'accepted' END
     FROM (SELECT id FROM events WHERE host_organisation_id = $1 ORDER BY starts_at LIMIT $3) chosen`,
    [organisationId, person.id, count],
  );
  const issued = await api.app.get(FeedTokensService).issue({ organisationId, role: 'admin' }, person.id);
  return new URL(issued.feed.url).pathname;
}

async function load(url: string, headers: Record<string, string>, expectedStatus: number): Promise<number> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers, workers: 1 });
  const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(
    ([status]) => Number(status) !== expectedStatus,
  );
  if (result.errors || result.timeouts || unexpected.length) {
    throw new Error(
      `Unexpected answers from ${url}: ${JSON.stringify({ errors: result.errors, unexpected })}`,
    );
  }
  return result.requests.average;
}

/** The previous run's garbage is collected outside the timed part (npm script passes --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function rate(value: number): string {
  return value.toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
