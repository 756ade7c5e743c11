/**
 * Reminder lateness: 10,000 reminders fall due within one minute; how late does the SMTP sink
 * accept each one after its due time, and is any early? Targets: p99 ≤ 2 s, none early.
 *
 * The whole product path runs in processes of their own, from dist/ as in production: the API
 * (people accept through their answer links, organisers set the reminder offsets with PATCH
 * /api/v1/events/:id, which writes the reminder rows to the Postgres outbox), the worker (the
 * relay moves them to BullMQ as delayed jobs, the mail processor sends them), and an SMTP sink
 * that notes the arrival of every message by Message-ID. Lateness = arrival at the sink minus
 * the row's send_at.
 *
 * Anchor, in the same run: the same reminders rendered and sent by a plain timer per due time
 * through pooled nodemailer to the same sink, without database or queue — the lateness this
 * machine and sink allow at all.
 *
 *   npm run bench:reminders
 *   BENCH_REMINDERS=2000 npm run bench:reminders
 *   BENCH_WORKER_NODE_ARGS=--cpu-prof npm run bench:reminders   (profile the worker)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { CalendarEvent } from '@app/calendar';
import { messageIdFor } from '@app/emails';
import { AnswerLinks } from '@app/invitations';
import { MailService } from '@app/mail';
import { Arrival, createTestDatabase } from '@app/testing';
import {
  offsetMinutesDueFrom,
  percentile,
  Punctuality,
  punctuality,
  ReminderRow,
} from '../test/reminder-fixtures';
import { spawnWorker, WorkerProcess } from '../test/worker-harness';
import { issueFirstAdminKey, RunningApi, startApiProcess } from './lib/api-process';
import { ensureBuilt } from './lib/build';
import { absolute, informational, recordResults, Row } from './lib/report';
import { startTimestampingSink, TimestampingSink } from './lib/timestamping-sink';

const BENCHMARK = 'reminders';
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
/** Events whose attendees are reminded; their due times are spread evenly over the minute. */
const EVENTS = Number(process.env.BENCH_REMINDER_EVENTS ?? 100);
const WINDOW_MS = 60_000;
/**
 * From setting the offsets to the first due time: reminders are scheduled days ahead in real
 * use; this is long enough for the writes and the relay, and is reported as measured.
 */
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 30) * 1000;
const P99_TARGET_MS = 2_000;
const ANSWERS_IN_FLIGHT = 8;
const FROM = 'Treffpunkt <treffpunkt@bench.example>';

interface Api {
  url: string;
  call<T>(method: string, path: string, key: string, body?: unknown): Promise<T>;
}

function apiClient(api: RunningApi): Api {
  return {
    url: api.url,
    call: async <T>(method: string, path: string, key: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as T;
    },
  };
}

async function main(): Promise<void> {
  if (REMINDERS % EVENTS !== 0)
    throw new Error('BENCH_REMINDERS must be a multiple of BENCH_REMINDER_EVENTS');
  ensureBuilt();
  const database = await createTestDatabase();
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const sink = await startTimestampingSink();
  let api: RunningApi | undefined;
  let worker: WorkerProcess | undefined;
  try {
    const env = {
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `tp-bench-${randomBytes(4).toString('hex')}`,
      ANSWER_LINK_SECRET: randomBytes(32).toString('hex'),
      SIGN_IN_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: sink.url,
      MAIL_FROM: FROM,
    };
    const adminKey = await issueFirstAdminKey({ DATABASE_URL: database.url });
    api = await startApiProcess({ env });
    worker = spawnWorker(
      { ...env, NODE_ENV: 'production', PUBLIC_BASE_URL: api.url },
      { compiled: true, nodeArgs: process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) },
    );
    // Not one of bench/lib's managed processes: it must not outlive a bench that dies, and the
    // bench must not wait for mail from a worker that died.
    const child = worker.child;
    process.once('exit', () => child.kill('SIGKILL'));
    let workerOutput = '';
    const keep = (chunk: Buffer): void => {
      workerOutput = (workerOutput + chunk.toString()).slice(-8_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const workerDied = worker.exited.then((code) => {
      throw new Error(`The worker exited (${code}) during the benchmark:\n${workerOutput}`);
    });
    workerDied.catch(() => undefined); // rejects on the planned SIGTERM too; only races heed it
    const unlessWorkerDied = <T>(work: Promise<T>): Promise<T> => Promise.race([work, workerDied]);
    await worker.ready;
    const http = apiClient(api);

    const setupStart = Date.now();
    const events = await seed(http, db, adminKey);
    // People answer while the invitations still go out; the reminders wait for both.
    const [acceptedAt, deliveredAt] = await Promise.all([
      acceptAll(http, db, env.ANSWER_LINK_SECRET).then(() => Date.now()),
      unlessWorkerDied(sink.waitFor(REMINDERS, 30 * 60_000)).then(() => Date.now()),
    ]);
    console.log(
      `${REMINDERS} people invited to ${EVENTS} events: all accepted after ${seconds(acceptedAt - setupStart)}, ` +
        `invitations delivered after ${seconds(deliveredAt - setupStart)}`,
    );
    await sink.reset();

    // Each event gets the whole-minute offset that puts its reminders into the minute after
    // the lead; the events' start times are spread over a minute, so the due times are too.
    const scheduleStart = Date.now();
    const notBefore = new Date(scheduleStart + LEAD_MS);
    for (const event of events) {
      const offset = offsetMinutesDueFrom(event.startsAt, notBefore);
      await http.call('PATCH', `/api/v1/events/${event.id}`, adminKey, { reminderOffsetsMinutes: [offset] });
    }
    const scheduledAt = Date.now();
    const scheduled = await reminderRows(db);
    if (scheduled.length !== REMINDERS)
      throw new Error(`${scheduled.length} reminders scheduled, not ${REMINDERS}`);
    const firstDue = Math.min(...scheduled.map((row) => row.send_at.getTime()));
    const lastDue = Math.max(...scheduled.map((row) => row.send_at.getTime()));
    const relayedAt = await relayed(db, firstDue);
    console.log(
      `${REMINDERS} reminders scheduled by ${EVENTS} PATCHes in ${seconds(scheduledAt - scheduleStart)}, ` +
        `in BullMQ ${relayedAt === null ? 'NOT before the first was due' : `${seconds(firstDue - relayedAt)} before the first was due`}; ` +
        `due from +${seconds(firstDue - scheduledAt)} over ${seconds(lastDue - firstDue)}`,
    );

    // Those still missing then count as never sent (infinitely late) in the results.
    await unlessWorkerDied(sink.waitFor(REMINDERS, lastDue - Date.now() + 10 * 60_000)).catch(
      (error: Error) => console.log(`${error.message}\nReporting what arrived.`),
    );
    // A little longer, so that a duplicate would be counted too.
    await sleep(2_000);
    const rows = await reminderRows(db);
    const notSent = rows.filter((row) => row.status !== 'sent').length;
    const arrivals = await sink.arrivals();
    const pipeline = punctuality(rows, arrivals);
    console.log(`Lateness p99 by 10 s of due times: ${bySlice(rows, arrivals, firstDue)}`);
    worker.child.kill('SIGTERM');
    await worker.exited;
    const peakRss = worker.peakRss();
    worker = undefined;

    await sink.reset();
    const anchor = await sendOnTime(db, sink, scheduled, env.ANSWER_LINK_SECRET, api.url);

    report(pipeline, anchor, notSent, peakRss);
  } finally {
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await api?.stop();
    await sink.stop();
    await db.end();
    await database.drop();
  }
}

interface SeededEvent {
  id: string;
  startsAt: Date;
}

/**
 * An organisation with REMINDERS people, EVENTS events a few hours ahead whose starts are spread
 * over one minute, and everyone invited to one of them through the API.
 */
async function seed(http: Api, db: Client, adminKey: string): Promise<SeededEvent[]> {
  const organisation = await http.call<{ id: string }>('POST', '/api/v1/organisations', adminKey, {
    name: 'Kreis Soest (Benchmark)',
    code: 'BENCH',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
  });
  const { rows: people } = await db.query<{ id: string }>(
    `INSERT INTO people (name, email, organisation_id, locale, time_zone)
     SELECT 'Teilnehmende ' || g, 'reminder-' || g || '@example.org', $1,
            (ARRAY['de', 'en', 'sw'])[1 + g % 3], (ARRAY['Europe/Berlin', 'Africa/Dar_es_Salaam'])[1 + g % 2]
       FROM generate_series(1, $2) AS g
     RETURNING id`,
    [organisation.id, REMINDERS],
  );
  const firstStart = Date.now() + 3 * 3_600_000;
  const perEvent = REMINDERS / EVENTS;
  const events: SeededEvent[] = [];
  for (let index = 0; index < EVENTS; index++) {
    const startsAt = new Date(firstStart + Math.round((index * WINDOW_MS) / EVENTS));
    const event = await http.call<{ id: string }>('POST', '/api/v1/events', adminKey, {
      kind: 'workshop',
      title: `Fachforum Klimaanpassung ${index + 1}`,
      description: 'Austausch der Partnerkommunen zu Hitzeschutz und Starkregenvorsorge.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      startZone: 'Europe/Berlin',
      endZone: 'Europe/Berlin',
      venue: { name: 'Kreishaus Soest', address: 'Hoher Weg 1-3, 59494 Soest' },
      hostOrganisationId: organisation.id,
      status: 'published',
      // A day before: already past, so accepting schedules nothing until the offsets are set.
      reminderOffsetsMinutes: [1440],
    });
    await http.call('POST', `/api/v1/events/${event.id}/invitations`, adminKey, {
      personIds: people.slice(index * perEvent, (index + 1) * perEvent).map((person) => person.id),
    });
    events.push({ id: event.id, startsAt });
  }
  return events;
}

/** Everyone follows their answer link and accepts, as from the invitation email. */
async function acceptAll(http: Api, db: Client, linkSecret: string): Promise<void> {
  const links = answerLinks(linkSecret, http.url);
  const { rows } = await db.query<{ answer_token_sealed: Buffer }>(
    `SELECT answer_token_sealed FROM invitations WHERE answer_token_sealed IS NOT NULL`,
  );
  // In no particular order: answers to the same event wait for each other's lock on it.
  const urls = rows
    .map((row) => links.urlFromSealed(row.answer_token_sealed))
    .sort((a, b) => a.slice(-43).localeCompare(b.slice(-43)));
  let next = 0;
  const answerNext = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++];
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'answer=accept',
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status !== 303) throw new Error(`Accepting ${url}: ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: ANSWERS_IN_FLIGHT }, answerNext));
}

function answerLinks(linkSecret: string, publicBaseUrl: string): AnswerLinks {
  return new AnswerLinks(
    { linkSecret },
    { publicBaseUrl, apiPort: 0, apiProcesses: 1, workerHealthPort: 0, trustProxy: false },
  );
}

interface ScheduledReminder extends ReminderRow {
  id: string;
  event_id: string;
  person_id: string;
  invitation_id: string;
}

async function reminderRows(db: Client): Promise<ScheduledReminder[]> {
  const { rows } = await db.query<ScheduledReminder>(
    `SELECT id, event_id, person_id, invitation_id, message_id, send_at, status
       FROM emails WHERE kind = 'reminder' AND status <> 'skipped'`,
  );
  return rows;
}

/** When the relay had put every reminder into BullMQ, or null if that was not before `deadline`. */
async function relayed(db: Client, deadline: number): Promise<number | null> {
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM emails WHERE kind = 'reminder' AND status = 'queued' AND enqueued_at IS NULL`,
    );
    if (rows[0].pending === 0) return Date.now();
    await sleep(50);
  }
  return null;
}

/**
 * The anchor: the same reminders, due in the same pattern (shifted to start a few seconds from
 * now), each rendered and sent when a plain timer fires at its due time, with one pooled
 * nodemailer transport to the same sink. What is late here is late because of this machine.
 */
async function sendOnTime(
  db: Client,
  sink: TimestampingSink,
  reminders: ScheduledReminder[],
  linkSecret: string,
  publicBaseUrl: string,
): Promise<Punctuality> {
  const events = await calendarEvents(db);
  const { rows: people } = await db.query<{
    id: string;
    name: string;
    email: string;
    locale: string;
    time_zone: string;
  }>(`SELECT id, name, email, locale, time_zone FROM people WHERE email LIKE 'reminder-%'`);
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const { rows: sealed } = await db.query<{ id: string; answer_token_sealed: Buffer }>(
    `SELECT id, answer_token_sealed FROM invitations`,
  );
  const sealedById = new Map(sealed.map((row) => [row.id, row.answer_token_sealed]));
  const links = answerLinks(linkSecret, publicBaseUrl);
  const mail = new MailService({ url: sink.url, from: FROM, organizer: FROM, poolSize: 5 });

  const firstDue = Math.min(...reminders.map((row) => row.send_at.getTime()));
  const shift = Date.now() + 5_000 - firstDue;
  const byDue = new Map<number, ScheduledReminder[]>();
  for (const reminder of reminders) {
    const due = reminder.send_at.getTime() + shift;
    byDue.set(due, [...(byDue.get(due) ?? []), reminder]);
  }
  const rows: ReminderRow[] = [];
  const sends: Array<Promise<unknown>> = [];
  for (const [due, group] of byDue) {
    sends.push(
      (async () => {
        // Timers may fire a millisecond early by the wall clock; a reminder may not.
        while (Date.now() < due) await sleep(due - Date.now());
        await Promise.all(
          group.map(async (reminder) => {
            const person = peopleById.get(reminder.person_id)!;
            const messageId = messageIdFor(reminder.id, `${publicBaseUrl}/anchor`);
            rows.push({ message_id: messageId, send_at: new Date(due), status: 'sent' });
            await mail.send(
              mail.compose({
                parts: [],
                kind: 'reminder',
                messageId,
                recipient: {
                  name: person.name,
                  email: person.email,
                  locale: person.locale,
                  timeZone: person.time_zone,
                },
                event: events.get(reminder.event_id)!,
                parentEvent: null,
                answerUrl: links.urlFromSealed(sealedById.get(reminder.invitation_id)!),
                programmeUrl: links.programmeUrlFromSealed(sealedById.get(reminder.invitation_id)!),
                participation: 'ACCEPTED',
              }),
            );
          }),
        );
      })(),
    );
  }
  await Promise.all(sends);
  await sink.waitFor(reminders.length, 60_000);
  mail.onApplicationShutdown();
  return punctuality(rows, await sink.arrivals());
}

async function calendarEvents(db: Client): Promise<Map<string, CalendarEvent>> {
  const { rows } = await db.query<
    CalendarEvent & { venueLatitude: string | null; venueLongitude: string | null }
  >(
    `SELECT id, kind, title, description, starts_at AS "startsAt", start_zone AS "startZone", ends_at AS "endsAt",
            end_zone AS "endZone", all_day AS "allDay", venue_name AS "venueName", venue_address AS "venueAddress",
            venue_latitude AS "venueLatitude", venue_longitude AS "venueLongitude", online_url AS "onlineUrl",
            status, tags, sequence, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM events`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        venueLatitude: row.venueLatitude === null ? null : Number(row.venueLatitude),
        venueLongitude: row.venueLongitude === null ? null : Number(row.venueLongitude),
      },
    ]),
  );
}

function report(pipeline: Punctuality, anchor: Punctuality, notSent: number, peakRss: number): void {
  const lateness = (fraction: number, of: Punctuality) => percentile(of.latenessMs, fraction);
  const against = (figure: string, fraction: number, target?: number): Row => {
    const value = lateness(fraction, pipeline);
    const anchorValue = lateness(fraction, anchor);
    return {
      benchmark: BENCHMARK,
      figure,
      value,
      unit: 'ms',
      anchor: 'timer + pooled nodemailer, same sink',
      anchorValue,
      ratio: value / anchorValue,
      target: target === undefined ? '' : `<= ${target} ms`,
      met: target === undefined || value <= target,
    };
  };
  const window = `${pipeline.reminders} reminders due within ${WINDOW_MS / 1000} s`;
  recordResults(BENCHMARK, [
    absolute({
      benchmark: BENCHMARK,
      figure: `${window}: accepted by the SMTP sink`,
      value: pipeline.arrived,
      unit: 'msgs',
      target: { atLeast: pipeline.reminders },
    }),
    against('reminder lateness p50 (sink arrival - due)', 0.5),
    against('reminder lateness p99 (sink arrival - due)', 0.99, P99_TARGET_MS),
    against('reminder lateness max (sink arrival - due)', 1),
    absolute({
      benchmark: BENCHMARK,
      figure: 'reminders accepted before due',
      value: pipeline.early,
      unit: 'msgs',
      target: { atMost: 0 },
    }),
    absolute({
      benchmark: BENCHMARK,
      figure: 'reminders accepted twice',
      value: pipeline.duplicates,
      unit: 'msgs',
      target: { atMost: 0 },
    }),
    absolute({
      benchmark: BENCHMARK,
      figure: 'reminder rows not sent',
      value: notSent,
      unit: 'rows',
      target: { atMost: 0 },
    }),
    informational({
      benchmark: BENCHMARK,
      figure: 'worker peak RSS',
      value: peakRss / 1024 / 1024,
      unit: 'MB',
    }),
    informational({
      benchmark: BENCHMARK,
      figure: 'anchor: reminders accepted before due',
      value: anchor.early,
      unit: 'msgs',
    }),
  ]);
}

/** p99 lateness of the reminders due in each 10 s of the window: does lateness build up? */
function bySlice(rows: ReminderRow[], arrivals: Arrival[], firstDue: number): string {
  const slices: string[] = [];
  for (let from = firstDue; from < firstDue + WINDOW_MS; from += 10_000) {
    const due = rows.filter((row) => row.send_at.getTime() >= from && row.send_at.getTime() < from + 10_000);
    slices.push(`${percentile(punctuality(due, arrivals).latenessMs, 0.99).toFixed(0)} ms`);
  }
  return slices.join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
