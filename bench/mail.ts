/**
 * Invites 10,000 people to one event through the API and measures until postfix's smtp-sink (a
 * relay that never slows the sender down) accepted all 10,000 messages: outbox → relay → BullMQ →
 * worker process → SMTP, with one worker and with two. The anchor, measured in the same run
 * before and after, is pooled nodemailer rendering and sending the same messages straight to the
 * same sink. Prints the rates, their ratio, the worker's peak resident memory and whether every
 * email arrived exactly once.
 *
 *   npm run bench:mail            (builds first; the worker runs from dist/ as in production)
 *   BENCH_MESSAGES=2000 npm run bench:mail
 *   BENCH_WORKER_NODE_ARGS=--prof npm run bench:mail   (profile the worker: node --prof-process)
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { messageIdFor } from '@app/emails';
import { MailService } from '@app/mail';
import { Event, Person } from '@app/planning';
import { ApiHarness, bearer, startApi } from '../test/api-harness';
import { spawnWorker } from '../test/worker-harness';
import { RunningSmtpSink, startSmtpSink } from './lib/peers';
import { absolute, compared, recordResults, Row } from './lib/report';

const BENCHMARK = 'mail';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const POOL_SIZE = process.env.SMTP_POOL_SIZE ?? '5';
const CONCURRENCY = process.env.MAIL_CONCURRENCY ?? '50';
const DIRECT_IN_FLIGHT = 100;
const FROM = 'Treffpunkt <treffpunkt@bench.example>';
/** Generous: 10,000 messages at a tenth of the slowest rate seen here. */
const DELIVERY_TIMEOUT_MS = MESSAGES * 50;

function rate(count: number, ms: number): number {
  return count / (ms / 1000);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * The same messages rendered and sent with the same pooled transport, without database or queue.
 * Returns the milliseconds until the sink accepted all.
 */
async function sendDirectly(sink: RunningSmtpSink, event: Event, people: Person[]): Promise<number> {
  const mail = new MailService({
    url: `smtp://${sink.host}:${sink.port}`,
    from: FROM,
    organizer: FROM,
    poolSize: Number(POOL_SIZE),
  });
  const before = await sink.received();
  const start = performance.now();
  let next = 0;
  const sendNext = async (): Promise<void> => {
    while (next < people.length) {
      const person = people[next++];
      const message = mail.compose({
        parts: [],
        kind: 'invitation',
        messageId: messageIdFor(person.id, 'http://bench.example'),
        recipient: {
          name: person.name,
          email: person.email,
          locale: person.locale,
          timeZone: person.timeZone,
        },
        event,
        parentEvent: null,
        answerUrl: `http://bench.example/answer/${person.id}`,
        programmeUrl: `http://bench.example/answer/${person.id}/programme`,
        participation: 'NEEDS-ACTION',
      });
      await mail.send(message);
    }
  };
  await Promise.all(Array.from({ length: DIRECT_IN_FLIGHT }, sendNext));
  await sink.waitFor(before + people.length, DELIVERY_TIMEOUT_MS);
  const elapsed = performance.now() - start;
  mail.onApplicationShutdown();
  return elapsed;
}

interface PipelineRun {
  ms: number;
  /** Of `ms`, until the API answered the invitation request (outbox rows written). */
  inviteMs: number;
  peakRss: number;
  /** Messages the sink took beyond one per invitation, counted once the workers stopped. */
  extra: number;
  sent: number;
}

/** Invites everybody to a new event with `workers` worker processes running; until the sink has all. */
async function throughThePipeline(
  api: ApiHarness,
  sink: RunningSmtpSink,
  organisationId: string,
  workers: number,
): Promise<PipelineRun> {
  const event = await createEvent(api, organisationId, `Auftaktkonferenz (${workers} worker)`);
  const smtpUrl = `smtp://${sink.host}:${sink.port}`;
  const running = Array.from({ length: workers }, () =>
    spawnWorker(
      { SMTP_URL: smtpUrl, SMTP_POOL_SIZE: POOL_SIZE, MAIL_CONCURRENCY: CONCURRENCY, MAIL_FROM: FROM },
      { compiled: true, nodeArgs: process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) },
    ),
  );
  await Promise.all(running.map((worker) => worker.ready));
  const before = await sink.received();
  const start = performance.now();
  const invite = await api
    .http()
    .post(`/api/v1/events/${event.id}/invitations`)
    .set(bearer(api.adminKey))
    .send({ organisationIds: [organisationId] });
  const inviteMs = performance.now() - start;
  if (invite.status !== 201)
    throw new Error(`Invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  await sink.waitFor(before + MESSAGES, DELIVERY_TIMEOUT_MS);
  const ms = performance.now() - start;
  running.forEach((worker) => worker.child.kill('SIGTERM'));
  await Promise.all(running.map((worker) => worker.exited));
  const [{ sent }] = await api.dataSource.query<Array<{ sent: number }>>(
    `SELECT count(*)::int AS sent FROM emails WHERE event_id = $1 AND kind = 'invitation' AND status = 'sent'`,
    [event.id],
  );
  return {
    ms,
    inviteMs,
    peakRss: Math.max(...running.map((worker) => worker.peakRss())),
    extra: (await sink.received()) - before - MESSAGES,
    sent,
  };
}

async function createEvent(api: ApiHarness, organisationId: string, title: string): Promise<Event> {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const created = await api
    .http()
    .post('/api/v1/events')
    .set(bearer(api.adminKey))
    .send({
      kind: 'conference',
      title,
      description: 'Auftaktkonferenz aller 16 Partnerstädte in Hamm/Westfalen.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
      startZone: 'Europe/Berlin',
      endZone: 'Europe/Berlin',
      venue: { name: 'Kurhaus Hamm', address: 'Ostenallee 87, 59071 Hamm' },
      hostOrganisationId: organisationId,
      status: 'published',
    })
    .expect(201);
  return api.dataSource.manager.findOneByOrFail(Event, { id: (created.body as { id: string }).id });
}

async function main(): Promise<void> {
  if (!existsSync(join(__dirname, '..', 'dist/apps/worker/src/main.js'))) {
    throw new Error('Build first (npm run build): the benchmark runs the compiled worker.');
  }
  const sink = await startSmtpSink();
  process.env.SMTP_URL = `smtp://${sink.host}:${sink.port}`;
  process.env.MAIL_FROM = FROM;
  const api = await startApi();
  try {
    const organisation = await api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .send({
        name: 'Stadt Arnsberg (Benchmark)',
        code: 'BENCH',
        country: 'DE',
        timeZone: 'Europe/Berlin',
        defaultLocale: 'de',
      })
      .expect(201);
    const organisationId = (organisation.body as { id: string }).id;
    await api.dataSource.query(
      `INSERT INTO people (name, email, organisation_id, locale, time_zone)
       SELECT 'Teilnehmende ' || g, 'bench-' || g || '@example.org', $1,
              (ARRAY['de', 'en', 'sw'])[1 + g % 3], (ARRAY['Europe/Berlin', 'Africa/Dar_es_Salaam'])[1 + g % 2]
         FROM generate_series(1, $2) AS g`,
      [organisationId, MESSAGES],
    );
    const sample = await createEvent(
      api,
      organisationId,
      'Auftaktkonferenz Kommunale Nachhaltigkeitspartnerschaften',
    );
    const people = await api.dataSource.manager.findBy(Person, { organisationId });

    // Direct before and after: this machine's load drifts, so the anchor is the mean of both.
    const directBefore = rate(MESSAGES, await sendDirectly(sink, sample, people));
    const one = await throughThePipeline(api, sink, organisationId, 1);
    const two = await throughThePipeline(api, sink, organisationId, 2);
    const directAfter = rate(MESSAGES, await sendDirectly(sink, sample, people));
    const direct = (directBefore + directAfter) / 2;

    console.log(
      [
        `${MESSAGES} invitations to postfix smtp-sink, SMTP pool ${POOL_SIZE} and concurrency ${CONCURRENCY} per worker`,
        `  direct pooled nodemailer  ${direct.toFixed(0)} msgs/s (${directBefore.toFixed(0)} before, ${directAfter.toFixed(0)} after)`,
        `  API → worker, 1 worker    ${rate(MESSAGES, one.ms).toFixed(0)} msgs/s, peak RSS ${mb(one.peakRss)}, ${one.sent} sent, ${one.extra} extra at the sink; invitation request answered after ${one.inviteMs.toFixed(0)} of ${one.ms.toFixed(0)} ms`,
        `  API → worker, 2 workers   ${rate(MESSAGES, two.ms).toFixed(0)} msgs/s, peak RSS ${mb(two.peakRss)}, ${two.sent} sent, ${two.extra} extra at the sink; invitation request answered after ${two.inviteMs.toFixed(0)} of ${two.ms.toFixed(0)} ms`,
      ].join('\n'),
    );
    const rows: Row[] = [
      compared({
        benchmark: BENCHMARK,
        figure: `${MESSAGES} invitations, API → outbox → BullMQ → 1 worker → smtp-sink`,
        value: rate(MESSAGES, one.ms),
        unit: 'msgs/s',
        anchor: 'pooled nodemailer alone, same messages, same sink',
        anchorValue: direct,
        target: { atLeast: 0.8 },
      }),
      compared({
        benchmark: BENCHMARK,
        figure: `${MESSAGES} invitations with 2 workers`,
        value: rate(MESSAGES, two.ms),
        unit: 'msgs/s',
        anchor: 'the same with 1 worker',
        anchorValue: rate(MESSAGES, one.ms),
        target: { atLeast: 1.0 },
      }),
      absolute({
        benchmark: BENCHMARK,
        figure: 'peak RSS of one worker process',
        value: one.peakRss / 1024 / 1024,
        unit: 'MB',
        target: { atMost: 200 },
      }),
      absolute({
        benchmark: BENCHMARK,
        figure: 'invitations not sent exactly once (1 and 2 workers)',
        value: Math.abs(one.extra) + Math.abs(two.extra) + (2 * MESSAGES - one.sent - two.sent),
        unit: 'emails',
        target: { atMost: 0 },
      }),
    ];
    recordResults(BENCHMARK, rows);
  } finally {
    await api.close();
    await sink.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
