import { SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { eventually } from './email-fixtures';
import { HttpsReceiver, startHttpsReceiver } from './https-receiver';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';
import {
  fastMailSettings,
  removeQueueKeys,
  spawnWorker,
  WORKER_START_BUDGET_MS,
  WorkerProcess,
} from './worker-harness';

/** How long one step (an attempt, a recovery, a retry) may take on a quiet machine, its deliberate waits aside. */
const QUIET_STEP_BUDGET_MS = 20_000;
/** Booting a worker process on a quiet machine (see WORKER_START_BUDGET_MS). */
const QUIET_WORKER_START_MS = 5_000;
/** The most a step's budget grows: a worker that took its whole start budget to boot. */
const MAX_SLOWDOWN = WORKER_START_BUDGET_MS / QUIET_WORKER_START_MS;
const RETRY_DELAY_MS = 3_000;

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  message_id: string;
  job_id: string | null;
}

/** Nothing lost when the worker process dies mid-attempt, or when Redis loses its data. */
describe('Webhook deliveries across worker crashes and Redis data loss', () => {
  let receiver: HttpsReceiver;
  let sink: SmtpSink;
  let api: ApiHarness;
  let host: OrganisationKeys;
  const workers: WorkerProcess[] = [];
  /**
   * How many times longer than on a quiet machine the last worker took to boot: each step's budget
   * grows by as much, so that a loaded machine gets time in proportion to its load.
   */
  let slowdown = 1;
  const stepBudget = (deliberateWaitMs = 0) => deliberateWaitMs + QUIET_STEP_BUDGET_MS * slowdown;

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    sink = await startSmtpSink({ parse: false });
    const settings = {
      ...fastMailSettings(sink.url),
      WEBHOOK_ALLOWED_HOSTS: 'localhost',
      WEBHOOK_CA_FILE: receiver.caFile,
      WEBHOOK_RELAY_INTERVAL_MS: '200',
      WEBHOOK_TIMEOUT_MS: '2000',
      // Long enough that the retry is still a delayed job in Redis when the test wipes Redis.
      WEBHOOK_RETRY_FIRST_DELAY_MS: String(RETRY_DELAY_MS),
    };
    api = await startApi({ env: () => settings });
    Object.assign(process.env, settings);
    host = await organisationWithKeys(api);
  });

  afterAll(async () => {
    for (const worker of workers) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    await api?.close();
    await removeQueueKeys();
    await sink?.close();
    await receiver?.close();
  });

  async function startWorkerProcess(): Promise<WorkerProcess> {
    const started = performance.now();
    const worker = spawnWorker({});
    workers.push(worker);
    await worker.ready;
    slowdown = Math.min(MAX_SLOWDOWN, Math.max(1, (performance.now() - started) / QUIET_WORKER_START_MS));
    return worker;
  }

  async function endpointFor(path: string): Promise<string> {
    const response = await api
      .http()
      .post(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(host.organiserKey))
      .send({ url: receiver.url(path, 'localhost'), eventTypes: ['event.created'] })
      .expect(201);
    return response.body.id;
  }

  async function deliveryOf(endpointId: string): Promise<DeliveryRow | undefined> {
    const [row] = await api.dataSource.query<DeliveryRow[]>(
      `SELECT id, status, attempts, message_id, job_id FROM webhook_deliveries WHERE endpoint_id = $1`,
      [endpointId],
    );
    return row;
  }

  const requestsTo = (path: string) => receiver.received.filter((request) => request.path === path);

  const eventCreated = (title: string) =>
    createEvent(api, host.organiserKey, { title, startsAt: '2031-03-01T10:00', endsAt: '2031-03-01T11:00' });

  it(
    'should deliver a delivery left `delivering` by a killed worker, once the next worker recovers it',
    async () => {
      const endpointId = await endpointFor('/crash');
      receiver.answer('/crash', [0]);
      const worker = await startWorkerProcess();
      await eventCreated('Treffen vor dem Absturz');
      await eventually(
        () => (requestsTo('/crash').length > 0 ? true : undefined),
        stepBudget(),
        'the first attempt',
      );

      worker.child.kill('SIGKILL');
      await worker.exited;
      const cutOff = await deliveryOf(endpointId);
      expect(cutOff).toMatchObject({ status: 'delivering', attempts: 1 });
      // The relay takes a `delivering` row for abandoned 30 s past WEBHOOK_TIMEOUT_MS, a margin that
      // is no setting: rather than wait for it, the row is made that old.
      await api.dataSource.query(
        `UPDATE webhook_deliveries SET updated_at = now() - interval '1 minute' WHERE id = $1`,
        [cutOff!.id],
      );

      await startWorkerProcess();
      const delivered = await eventually(
        async () => {
          const row = await deliveryOf(endpointId);
          return row?.status === 'delivered' ? row : undefined;
        },
        stepBudget(),
        'the delivery after recovery',
      );
      expect(delivered.attempts).toBe(2);
      // Twice at the receiver, as the same message: it dedupes on webhook-id.
      expect(requestsTo('/crash').map((request) => request.headers['webhook-id'])).toEqual([
        cutOff!.message_id,
        cutOff!.message_id,
      ]);
    },
    2 * WORKER_START_BUDGET_MS + 3 * QUIET_STEP_BUDGET_MS * MAX_SLOWDOWN,
  );

  it(
    'should deliver a retry whose job Redis lost, rebuilt from the table',
    async () => {
      const endpointId = await endpointFor('/later');
      receiver.answer('/later', [503]);
      if (workers.every((worker) => worker.child.exitCode !== null)) await startWorkerProcess();
      await eventCreated('Treffen vor dem Datenverlust');
      const waiting = await eventually(
        async () => {
          const row = await deliveryOf(endpointId);
          return row?.status === 'pending' && row.attempts === 1 && row.job_id ? row : undefined;
        },
        stepBudget(),
        'the retry to be scheduled in Redis',
      );

      await removeQueueKeys();

      const delivered = await eventually(
        async () => {
          const row = await deliveryOf(endpointId);
          return row?.status === 'delivered' ? row : undefined;
        },
        stepBudget(RETRY_DELAY_MS),
        'the retry after Redis lost it',
      );
      expect(delivered).toMatchObject({ id: waiting.id, attempts: 2 });
      expect(requestsTo('/later')).toHaveLength(2);
    },
    WORKER_START_BUDGET_MS + 2 * QUIET_STEP_BUDGET_MS * MAX_SLOWDOWN + RETRY_DELAY_MS,
  );
});
