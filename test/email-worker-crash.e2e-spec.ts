import { SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { EmailRow, emailRows, eventWithPeople, timeoutFor, whileProgressing } from './email-fixtures';
import {
  fastMailSettings,
  removeQueueKeys,
  spawnWorker,
  WORKER_START_BUDGET_MS,
  WorkerProcess,
} from './worker-harness';

const FAN_OUT = 300;
/** Emails one worker has in flight: a crash can leave at most this many `sending`. */
const IN_FLIGHT = 10;
/**
 * After a SIGKILL nothing moves until BullMQ sees the dead worker's jobs stalled: their lock
 * expires (30 s) and the next stalled check (every 30 s) hands them on.
 */
const STALLED_JOBS_HANDED_ON_MS = 60_000;
/** Short here so the test need not wait the production 90 s; the rule is the same. */
const SENDING_ABANDONED_AFTER_MS = 3_000;

/** Every email of a fan-out arrives, although the worker process dies in the middle of it. */
describe('Email delivery across worker restarts', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink({ parse: false });
    api = await startApi({ env: () => fastMailSettings(sink.url) });
  });

  afterAll(async () => {
    for (const worker of workers) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await api?.close();
    await removeQueueKeys();
    await sink?.close();
  });

  async function startWorkerProcess(): Promise<WorkerProcess> {
    const worker = spawnWorker({
      ...fastMailSettings(sink.url),
      MAIL_CONCURRENCY: String(IN_FLIGHT),
      MAIL_SENDING_ABANDONED_AFTER_MS: String(SENDING_ABANDONED_AFTER_MS),
    });
    workers.push(worker);
    await worker.ready;
    return worker;
  }

  /** An event and an organisation of FAN_OUT people, invited in one request. */
  async function inviteFanOut(): Promise<string> {
    const { host, event } = await eventWithPeople(api, []);
    await api.dataSource.query(
      `INSERT INTO people (name, email, organisation_id, locale, time_zone)
       SELECT 'Delegate ' || g, 'delegate-' || g || '-' || $2 || '@example.org', $1,
              (ARRAY['de', 'en', 'sw'])[1 + g % 3], 'Africa/Dar_es_Salaam'
         FROM generate_series(1, $3) AS g`,
      [host.id, event.id.slice(0, 8), FAN_OUT],
    );
    await api.changesSeen();
    const invited = await api
      .http()
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(host.organiserKey))
      .send({ organisationIds: [host.id] })
      .expect(201);
    expect(invited.body.invited).toBe(FAN_OUT);
    return event.id;
  }

  async function allSent(eventId: string, stallMs?: number): Promise<EmailRow[]> {
    await whileProgressing(
      async () => {
        const rows = await emailRows(api, "event_id = $1 AND status = 'sent'", [eventId]);
        return { done: rows.length === FAN_OUT, count: rows.length };
      },
      `all ${FAN_OUT} emails to be sent`,
      stallMs,
    );
    return emailRows(api, 'event_id = $1', [eventId]);
  }

  function copiesAtSink(messageId: string): number {
    return sink.byMessageId().get(messageId)?.length ?? 0;
  }

  /** A worker starts a fan-out and is stopped by `signal` once 40 emails arrived. */
  async function fanOutStoppedBy(signal: NodeJS.Signals): Promise<{ eventId: string; before: number }> {
    const worker = await startWorkerProcess();
    const before = sink.received.length;
    const eventId = await inviteFanOut();
    await sink.waitForCount(before + 40, timeoutFor(40));
    worker.child.kill(signal);
    await worker.exited;
    return { eventId, before };
  }

  /** Emails cut off between claim and record: they may have reached the sink already. */
  async function sendingIds(eventId: string): Promise<Set<string>> {
    return new Set(
      (await emailRows(api, "event_id = $1 AND status = 'sending'", [eventId])).map((row) => row.id),
    );
  }

  /** Every email arrived; a second copy only of one cut off mid-send, and never a third. */
  function expectCopiesOnlyFor(cutOff: Set<string>, rows: EmailRow[]): void {
    for (const row of rows) {
      const copies = copiesAtSink(row.message_id!);
      expect(copies).toBeGreaterThanOrEqual(1);
      if (copies > 1) {
        expect(cutOff.has(row.id)).toBe(true);
        expect(copies).toBe(2);
      }
    }
  }

  it(
    'should deliver every email once when the worker is stopped with SIGTERM mid-fan-out',
    async () => {
      const { eventId, before } = await fanOutStoppedBy('SIGTERM');

      const interrupted = await emailRows(api, "event_id = $1 AND status = 'sending'", [eventId]);
      expect(interrupted).toEqual([]);
      expect(sink.received.length - before).toBeLessThan(FAN_OUT);

      const second = await startWorkerProcess();
      const rows = await allSent(eventId);
      for (const row of rows) expect(copiesAtSink(row.message_id!)).toBe(1);
      second.child.kill('SIGTERM');
      await second.exited;
    },
    timeoutFor(FAN_OUT, 60_000) + 2 * WORKER_START_BUDGET_MS,
  );

  it(
    'should deliver every email when the worker is killed mid-fan-out, a copy only for those cut off mid-send',
    async () => {
      const { eventId, before } = await fanOutStoppedBy('SIGKILL');
      expect(sink.received.length - before).toBeLessThan(FAN_OUT);

      const cutOff = await sendingIds(eventId);
      expect(cutOff.size).toBeLessThanOrEqual(IN_FLIGHT);

      const second = await startWorkerProcess();
      const rows = await allSent(eventId, STALLED_JOBS_HANDED_ON_MS + 30_000);
      expectCopiesOnlyFor(cutOff, rows);
      second.child.kill('SIGTERM');
      await second.exited;
    },
    timeoutFor(FAN_OUT, 60_000 + STALLED_JOBS_HANDED_ON_MS) + 2 * WORKER_START_BUDGET_MS,
  );

  it(
    'should deliver every email when the worker is killed mid-fan-out and Redis loses its data meanwhile',
    async () => {
      const { eventId } = await fanOutStoppedBy('SIGKILL');
      const cutOff = await sendingIds(eventId);
      expect(cutOff.size).toBeGreaterThan(0);
      // Redis restarted without its data: the dead worker's jobs and their locks are gone.
      await removeQueueKeys();

      // No BullMQ job is left to stall: the rows left `sending` must be found as abandoned, within
      // the default 30 s of no progress rather than at the next full rebuild minutes later.
      const second = await startWorkerProcess();
      const rows = await allSent(eventId);
      expectCopiesOnlyFor(cutOff, rows);
      second.child.kill('SIGTERM');
      await second.exited;
    },
    timeoutFor(FAN_OUT, 60_000) + 2 * WORKER_START_BUDGET_MS,
  );
});
