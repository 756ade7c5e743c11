import { SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { emailRows, eventWithPeople, timeoutFor, whileProgressing } from './email-fixtures';
import {
  fastMailSettings,
  removeQueueKeys,
  spawnWorker,
  WORKER_START_BUDGET_MS,
  WorkerProcess,
} from './worker-harness';
import { TcpProxy } from './tcp-proxy';

const INVITED = 30;
/** Short here so that the test need not wait the production 20 s; the rule is the same. */
const GRACE_MS = 3_000;
/** The grace, the hard stop 8 s after it, and room for a busy machine to end a process. */
const EXIT_BOUND_MS = GRACE_MS + 8_000 + 5_000;

/** SIGTERM ends a worker in bounded time, whatever hangs, and leaves unfinished emails in the outbox. */
describe('Worker shutdown when the relay or Redis hangs', () => {
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redisProxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  let sink: SmtpSink;
  let api: ApiHarness;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await redisProxy.open();
    sink = await startSmtpSink({ parse: false });
    api = await startApi({ env: () => fastMailSettings(sink.url) });
  });

  afterAll(async () => {
    for (const worker of workers) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await api?.close();
    await redisProxy.cut();
    await removeQueueKeys();
    await sink?.close();
  });

  async function startWorkerProcess(env: Record<string, string> = {}): Promise<WorkerProcess> {
    const worker = spawnWorker({
      ...fastMailSettings(sink.url),
      WORKER_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      MAIL_SENDING_ABANDONED_AFTER_MS: '2000',
      ...env,
    });
    workers.push(worker);
    await worker.ready;
    return worker;
  }

  async function invite(): Promise<string> {
    const people = Array.from({ length: INVITED }, () => ({ locale: 'de', timeZone: 'Europe/Berlin' }));
    const { host, event } = await eventWithPeople(api, people);
    await api
      .http()
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(host.organiserKey))
      .send({ organisationIds: [host.id] })
      .expect(201);
    return event.id;
  }

  async function stopTimed(worker: WorkerProcess): Promise<number> {
    const started = Date.now();
    worker.child.kill('SIGTERM');
    await worker.exited;
    return Date.now() - started;
  }

  /** Every email of the event arrives once a healthy worker runs again: nothing was lost. */
  async function deliveredLater(eventId: string): Promise<void> {
    sink.hang(false);
    const worker = await startWorkerProcess();
    await whileProgressing(async () => {
      const sent = await emailRows(api, "event_id = $1 AND status = 'sent'", [eventId]);
      return { done: sent.length === INVITED, count: sent.length };
    }, `all ${INVITED} emails to be sent`);
    await stopTimed(worker);
  }

  it(
    'should end within the grace when the relay hangs mid-message, leaving those emails to be retried',
    async () => {
      sink.hang(true);
      const worker = await startWorkerProcess();
      const eventId = await invite();
      await whileProgressing(
        () => Promise.resolve({ done: sink.hanging() > 0, count: sink.hanging() }),
        'a message to hang at the relay',
      );

      expect(await stopTimed(worker)).toBeLessThan(EXIT_BOUND_MS);
      const rows = await emailRows(api, 'event_id = $1', [eventId]);
      expect(rows).toHaveLength(INVITED);
      expect(rows.filter((row) => row.status === 'sent' || row.status === 'failed')).toEqual([]);

      await deliveredLater(eventId);
    },
    timeoutFor(INVITED, 60_000) + 2 * WORKER_START_BUDGET_MS,
  );

  it(
    'should end in bounded time when Redis is unreachable, and the emails still go out afterwards',
    async () => {
      const worker = await startWorkerProcess({ REDIS_URL: redisProxy.rewrite(redis.toString()) });
      await redisProxy.cut();
      let eventId: string;
      try {
        eventId = await invite();
        expect(await stopTimed(worker)).toBeLessThan(EXIT_BOUND_MS);
        expect(worker.output()).not.toMatch(/Unhandled error event|UnhandledPromiseRejection/);
      } finally {
        await redisProxy.open();
      }
      await deliveredLater(eventId);
    },
    timeoutFor(INVITED, 60_000) + 2 * WORKER_START_BUDGET_MS,
  );
});
