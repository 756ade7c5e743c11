/**
 * Invites 10,000 people to one event through the API and measures until the SMTP sink accepted
 * all 10,000 messages (outbox → relay → BullMQ → worker child process → SMTP), next to the same
 * 10,000 messages rendered and sent directly with pooled nodemailer to the same sink. Prints
 * both rates, their ratio and the worker's peak resident memory.
 *
 *   npm run bench:mail            (builds first; the worker runs from dist/ as in production)
 *   BENCH_MESSAGES=2000 npm run bench:mail
 *   BENCH_WORKERS=2 npm run bench:mail   (several worker processes share the queue)
 *   BENCH_WORKER_NODE_ARGS=--prof npm run bench:mail   (profile the worker: node --prof-process)
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { messageIdFor } from '@app/emails';
import { MailService } from '@app/mail';
import { Event, Person } from '@app/planning';
import { bearer, startApi } from '../test/api-harness';
import { spawnWorker } from '../test/worker-harness';
import type { SinkReply, SinkRequest } from './smtp-sink.process';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const POOL_SIZE = process.env.SMTP_POOL_SIZE ?? '5';
const CONCURRENCY = process.env.MAIL_CONCURRENCY ?? '50';
/** Worker processes sharing the queue, as production would run several. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const DIRECT_IN_FLIGHT = 100;
const FROM = 'Treffpunkt <treffpunkt@bench.example>';

function rate(count: number, ms: number): number {
  return count / (ms / 1000);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** The SMTP sink in its own process, so that it competes with neither sender for a thread. */
class SinkProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<SinkProcess> {
    const child = fork(join(__dirname, 'smtp-sink.process.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    });
    const url = await new Promise<string>((resolve) =>
      child.once('message', (message: SinkReply) => {
        if (message.type === 'listening') resolve(message.url);
      }),
    );
    return new SinkProcess(child, url);
  }

  async waitFor(count: number): Promise<void> {
    const reached = this.next('reached');
    this.send({ type: 'wait', count });
    await reached;
  }

  async stats(): Promise<{ received: number; distinct: number }> {
    const stats = this.next('stats');
    this.send({ type: 'stats' });
    const reply = await stats;
    return reply.type === 'stats' ? reply : { received: 0, distinct: 0 };
  }

  reset(): void {
    this.send({ type: 'reset' });
  }

  close(): void {
    this.child.disconnect();
  }

  private send(request: SinkRequest): void {
    this.child.send(request);
  }

  private next(type: SinkReply['type']): Promise<SinkReply> {
    return new Promise((resolve) => {
      const listener = (message: SinkReply): void => {
        if (message.type !== type) return;
        this.child.off('message', listener);
        resolve(message);
      };
      this.child.on('message', listener);
    });
  }
}

/**
 * The same messages rendered and sent with the same pooled transport, without database or queue.
 * Returns the milliseconds until the sink accepted all.
 */
async function sendDirectly(sink: SinkProcess, event: Event, people: Person[]): Promise<number> {
  const mail = new MailService({ url: sink.url, from: FROM, organizer: FROM, poolSize: Number(POOL_SIZE) });
  const start = performance.now();
  let next = 0;
  const sendNext = async (): Promise<void> => {
    while (next < people.length) {
      const person = people[next++];
      const message = mail.compose({
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
        participation: 'NEEDS-ACTION',
      });
      await mail.send(message);
    }
  };
  await Promise.all(Array.from({ length: DIRECT_IN_FLIGHT }, sendNext));
  await sink.waitFor(people.length);
  const elapsed = performance.now() - start;
  mail.onApplicationShutdown();
  return elapsed;
}

async function main(): Promise<void> {
  if (!existsSync(join(__dirname, '..', 'dist/apps/worker/src/main.js'))) {
    throw new Error('Build first (npm run build): the benchmark runs the compiled worker.');
  }
  const sink = await SinkProcess.start();
  process.env.SMTP_URL = sink.url;
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
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const event = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(api.adminKey))
      .send({
        kind: 'conference',
        title: 'Auftaktkonferenz Kommunale Nachhaltigkeitspartnerschaften',
        description: 'Auftaktkonferenz aller 16 Partnerstädte in Hamm/Westfalen.',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        startZone: 'Europe/Berlin',
        endZone: 'Europe/Berlin',
        venue: { name: 'Kurhaus Hamm', address: 'Ostenallee 87, 59071 Hamm' },
        hostOrganisationId: organisation.body.id,
        status: 'published',
      })
      .expect(201);
    await api.dataSource.query(
      `INSERT INTO people (name, email, organisation_id, locale, time_zone)
       SELECT 'Teilnehmende ' || g, 'bench-' || g || '@example.org', $1,
              (ARRAY['de', 'en', 'sw'])[1 + g % 3], (ARRAY['Europe/Berlin', 'Africa/Dar_es_Salaam'])[1 + g % 2]
         FROM generate_series(1, $2) AS g`,
      [organisation.body.id, MESSAGES],
    );

    const eventEntity = await api.dataSource.manager.findOneByOrFail(Event, { id: event.body.id });
    const people = await api.dataSource.manager.findBy(Person, { organisationId: organisation.body.id });
    const directBeforeMs = await sendDirectly(sink, eventEntity, people);
    sink.reset();

    // Through the product: API invite → outbox → relay → BullMQ → worker process → SMTP.
    const workers = Array.from({ length: WORKERS }, () =>
      spawnWorker(
        { SMTP_URL: sink.url, SMTP_POOL_SIZE: POOL_SIZE, MAIL_CONCURRENCY: CONCURRENCY, MAIL_FROM: FROM },
        { compiled: true, nodeArgs: process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) },
      ),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    const pipelineStart = performance.now();
    const invite = await api
      .http()
      .post(`/api/v1/events/${event.body.id}/invitations`)
      .set(bearer(api.adminKey))
      .send({ organisationIds: [organisation.body.id] });
    const inviteMs = performance.now() - pipelineStart;
    if (invite.status !== 201)
      throw new Error(`Invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
    await sink.waitFor(MESSAGES);
    const pipelineMs = performance.now() - pipelineStart;
    const { received, distinct } = await sink.stats();
    const duplicates = received - distinct;
    workers.forEach((worker) => worker.child.kill('SIGTERM'));
    await Promise.all(workers.map((worker) => worker.exited));
    const peakRss = Math.max(...workers.map((worker) => worker.peakRss()));
    sink.reset();
    // Once more after the pipeline: this machine's load drifts, so the baseline is the mean of both.
    const directAfterMs = await sendDirectly(sink, eventEntity, people);

    const directBefore = rate(MESSAGES, directBeforeMs);
    const directAfter = rate(MESSAGES, directAfterMs);
    const direct = (directBefore + directAfter) / 2;
    const pipeline = rate(MESSAGES, pipelineMs);
    const ratio = pipeline / direct;
    const lines = [
      `Treffpunkt mail benchmark: ${MESSAGES} invitations, ${WORKERS} worker process(es), SMTP pool ${POOL_SIZE} and concurrency ${CONCURRENCY} each`,
      `  invited through        POST /api/v1/events/:id/invitations (${invite.body.invited} invited, answered in ${(inviteMs / 1000).toFixed(1)} s)`,
      `  direct nodemailer      ${direct.toFixed(0)} msgs/s (mean of ${directBefore.toFixed(0)} before and ${directAfter.toFixed(0)} after)`,
      `  API → queue → worker   ${pipeline.toFixed(0)} msgs/s (${(pipelineMs / 1000).toFixed(1)} s until the sink had all)`,
      `  ratio                  ${ratio.toFixed(2)} (target ≥ 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
      `  worker peak RSS        ${mb(peakRss)} (the largest of ${WORKERS}; target < 300 MB) ${peakRss < 300 * 1024 * 1024 ? 'OK' : 'ABOVE TARGET'}`,
      `  duplicates at sink     ${duplicates}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await api.close();
    sink.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
