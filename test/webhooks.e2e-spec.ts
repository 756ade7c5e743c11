import { createHmac } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { hostname } from 'node:os';
import { DateTime } from 'luxon';
import { Webhook } from 'standardwebhooks';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { eventually } from './email-fixtures';
import { HttpsReceiver, ReceivedWebhook, startHttpsReceiver } from './https-receiver';
import { addPerson, answerPath, cityDay, invite, postAnswer, wallTime } from './invitation-fixtures';
import { countRows, OrganisationKeys, organisationWithKeys } from './planning-fixtures';
import { fastMailSettings, removeQueueKeys, startWorker, WorkerHarness } from './worker-harness';

const ALL_TYPES = [
  'invitation.answered',
  'registration.created',
  'registration.promoted',
  'registration.cancelled',
  'event.created',
  'event.updated',
  'event.moved',
  'event.cancelled',
  'event.uncancelled',
  'email.failed',
];
/** Short retries so that three attempts take about a second; the worker allows only the receiver's host. */
const MAX_ATTEMPTS = 3;
/** The statements of an answer are recorded by wrapping this, and still run against PostgreSQL. */
const recordedQuery = Object.getOwnPropertyDescriptor(PostgresQueryRunner.prototype, 'query')!
  .value as PostgresQueryRunner['query'];

/* eslint-disable @typescript-eslint/no-explicit-any -- payloads are checked field by field against the docs */

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

describe('Webhooks', () => {
  let receiver: HttpsReceiver;
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let host: OrganisationKeys;
  let other: OrganisationKeys;

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    sink = await startSmtpSink();
    const settings = {
      ...fastMailSettings(sink.url),
      WEBHOOK_ALLOWED_HOSTS: 'localhost',
      WEBHOOK_CA_FILE: receiver.caFile,
      WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      WEBHOOK_RETRY_FIRST_DELAY_MS: '300',
      WEBHOOK_RELAY_INTERVAL_MS: '200',
      WEBHOOK_DISABLE_AFTER_FAILURES: '2',
      WEBHOOK_TIMEOUT_MS: '5000',
    };
    api = await startApi({ env: () => settings });
    worker = await startWorker(settings);
    host = await organisationWithKeys(api);
    other = await organisationWithKeys(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    await receiver?.close();
    await removeQueueKeys();
  });

  async function register(
    key: string,
    organisationId: string,
    path: string,
    eventTypes = ALL_TYPES,
  ): Promise<{ id: string; secret: string }> {
    const response = await api
      .http()
      .post(`/api/v1/organisations/${organisationId}/webhook-endpoints`)
      .set(bearer(key))
      .send({ url: receiver.url(path, 'localhost'), eventTypes, description: path });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function deliveries(endpointId: string, key = host.organiserKey): Promise<Delivery[]> {
    const response = await api
      .http()
      .get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`)
      .set(bearer(key))
      .expect(200);
    return response.body.items;
  }

  function waitForDelivery(endpointId: string, match: (delivery: Delivery) => boolean, what: string) {
    return eventually(async () => (await deliveries(endpointId)).find(match), 20_000, what);
  }

  function messages(
    path: string,
    type?: string,
  ): Array<ReceivedWebhook & { message: { type: string; data: Record<string, any> } }> {
    return receiver.received
      .filter((request) => request.path === path)
      .map((request) => ({ ...request, message: JSON.parse(request.body) }))
      .filter((request) => !type || request.message.type === type);
  }

  function received(path: string, type: string, count = 1) {
    return eventually(
      () => (messages(path, type).length >= count ? messages(path, type) : undefined),
      20_000,
      `${count} ${type} at ${path}`,
    );
  }

  it('should tell the hosts of an event of its creation, move, cancellation and return, parts included, signed', async () => {
    const endpoint = await register(host.organiserKey, host.id, '/events');
    const { event, workshops, start } = await cityDay(api, {
      host,
      workshops: [{ title: 'Klimaschutz im Quartier', capacity: 10 }],
    });
    const [created] = await received('/events', 'event.created', 2);
    expect(() => new Webhook(endpoint.secret).verify(created.body, created.headers)).not.toThrow();
    expect(created.headers['webhook-id']).toMatch(/^msg_/);
    expect(messages('/events', 'event.created').map((request) => request.message.data.event.id)).toEqual(
      expect.arrayContaining([event.id, workshops[0].id]),
    );

    const moved = start.plus({ hours: 1 });
    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ startsAt: wallTime(moved), endsAt: wallTime(moved.plus({ hours: 8 })) })
      .expect(200);
    const [move] = await received('/events', 'event.moved');
    expect(move.message.data).toMatchObject({
      event: { id: event.id, startsAt: moved.toUTC().toISO() },
      previous: { startsAt: start.toUTC().toISO() },
      parts: [{ id: workshops[0].id, previous: { startsAt: start.plus({ hours: 1 }).toUTC().toISO() } }],
    });

    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);
    const [cancel] = await received('/events', 'event.cancelled');
    expect(cancel.message.data).toMatchObject({
      event: { id: event.id, status: 'cancelled' },
      previous: { status: 'published' },
      parts: [{ id: workshops[0].id, status: 'cancelled', previous: { status: 'published' } }],
    });
    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'published' })
      .expect(200);
    const [back] = await received('/events', 'event.uncancelled');
    expect(back.message.data.parts).toEqual([
      expect.objectContaining({ id: workshops[0].id, status: 'published' }),
    ]);
    expect(() => new Webhook(endpoint.secret).verify(back.body, back.headers)).not.toThrow();
  });

  it("should tell of answers, registrations and failed emails, without anyone's contact data", async () => {
    const endpoint = await register(host.organiserKey, host.id, '/answers', [
      'invitation.answered',
      'registration.created',
      'email.failed',
    ]);
    const { event, workshops } = await cityDay(api, { host, workshops: [{ title: 'Wasser', capacity: 1 }] });
    const guest = await addPerson(api, other.organiserKey, { organisationId: other.id });
    const unreachable = await addPerson(api, host.organiserKey, { organisationId: host.id });
    sink.refuseRecipient(unreachable.email, 550);
    expect(
      // An admin's key: the host cannot name a person of another organisation it shares nothing with.
      (await invite(api, api.adminKey, event.id, { personIds: [guest.id, unreachable.id] })).status,
    ).toBe(201);

    expect(
      (await postAnswer(api, await answerPath(api, event.id, guest.id), 'accept', [workshops[0].id])).status,
    ).toBeLessThan(400);
    const [answer] = await received('/answers', 'invitation.answered');
    expect(answer.message.data).toMatchObject({
      invitation: { status: 'accepted', previousStatus: 'invited' },
      event: { id: event.id },
      person: { id: guest.id, name: guest.name, organisationId: other.id },
      seats: [{ eventId: workshops[0].id, status: 'confirmed' }],
    });
    const [registration] = await received('/answers', 'registration.created');
    expect(registration.message.data.registration).toMatchObject({
      source: 'invitation',
      status: 'accepted',
    });

    const [failure] = await received('/answers', 'email.failed');
    expect(failure.message.data).toMatchObject({
      email: { kind: 'invitation' },
      event: { id: event.id },
      person: { id: unreachable.id, organisationId: host.id },
    });
    for (const request of messages('/answers')) {
      expect(request.body).not.toContain(guest.email);
      expect(request.body).not.toContain(unreachable.email);
      expect(() => new Webhook(endpoint.secret).verify(request.body, request.headers)).not.toThrow();
    }
    expect(messages('/answers', 'event.created')).toHaveLength(0);
  });

  it('should spend one read on an answer when no endpoint listens, and tell an endpoint registered while the answer waited', async () => {
    const quiet = await organisationWithKeys(api);
    const { event, workshops } = await cityDay(api, {
      host: quiet,
      workshops: [{ title: 'Stadtgrün', capacity: 5 }],
    });
    const [early, late] = [
      await addPerson(api, quiet.organiserKey, { organisationId: quiet.id }),
      await addPerson(api, quiet.organiserKey, { organisationId: quiet.id }),
    ];
    expect((await invite(api, quiet.organiserKey, event.id, { personIds: [early.id, late.id] })).status).toBe(
      201,
    );

    // Statements per query runner: the worker runs in this process too, and its relays query as well.
    const statements = new Map<PostgresQueryRunner, string[]>();
    const recording = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ) {
      statements.set(this, [...(statements.get(this) ?? []), args[0]]);
      return recordedQuery.apply(this, args);
    });
    try {
      await postAnswer(api, await answerPath(api, event.id, early.id), 'accept', [workshops[0].id]).expect(
        303,
      );
    } finally {
      recording.mockRestore();
    }
    const answer = [...statements.values()].find((sqls) =>
      sqls.some((sql) => sql.includes('UPDATE invitations SET status')),
    )!;
    const afterTheAnswer = answer.slice(
      answer.findIndex((sql) => sql.includes('UPDATE invitations SET status')),
    );
    expect(answer.filter((sql) => sql.includes('webhook_endpoints'))).toHaveLength(1);
    expect(answer.filter((sql) => sql.includes('webhook_deliveries'))).toHaveLength(0);
    expect(afterTheAnswer.filter((sql) => sql.includes('FROM workshop_choices'))).toHaveLength(0);

    // The answer waits for the event's row lock; meanwhile the host registers an endpoint.
    const blocker = api.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let answering: Promise<unknown> | undefined;
    try {
      await blocker.query(`SELECT id FROM events WHERE id = $1 FOR UPDATE`, [event.id]);
      const path = await answerPath(api, event.id, late.id);
      answering = postAnswer(api, path, 'accept').then((response) => response);
      await eventually(
        async () =>
          (
            await api.dataSource.query<Array<{ waiting: number }>>(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          )[0].waiting > 0 || undefined,
        20_000,
        'the answer waiting for the row lock of its event',
      );
      await register(quiet.organiserKey, quiet.id, '/registered-meanwhile', ['invitation.answered']);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    expect(((await answering) as { status: number }).status).toBe(303);
    const [told] = await received('/registered-meanwhile', 'invitation.answered');
    expect(told.message.data).toMatchObject({
      invitation: { status: 'accepted', previousStatus: 'invited' },
      person: { id: late.id },
      seats: [],
    });
    expect(messages('/registered-meanwhile')).toHaveLength(1);
  });

  it('should tell of a seat the waitlist gave, and of registrations ended by a decline or a withdrawal', async () => {
    await register(host.organiserKey, host.id, '/seats', [
      'registration.created',
      'registration.promoted',
      'registration.cancelled',
    ]);
    const { event } = await cityDay(api, { host, capacity: 1 });
    const first = await addPerson(api, host.organiserKey, { organisationId: host.id });
    const second = await addPerson(api, host.organiserKey, { organisationId: host.id });
    expect(
      (await invite(api, host.organiserKey, event.id, { personIds: [first.id, second.id] })).status,
    ).toBe(201);
    await postAnswer(api, await answerPath(api, event.id, first.id), 'accept').expect(303);
    await postAnswer(api, await answerPath(api, event.id, second.id), 'accept').expect(303);
    await received('/seats', 'registration.created', 2);

    await postAnswer(api, await answerPath(api, event.id, first.id), 'decline').expect(303);
    const [declined] = await received('/seats', 'registration.cancelled');
    expect(declined.message.data).toMatchObject({
      registration: { status: 'declined', previousStatus: 'accepted', reason: 'answer' },
      person: { id: first.id, name: first.name, organisationId: host.id },
    });
    const [promoted] = await received('/seats', 'registration.promoted');
    expect(promoted.message.data).toMatchObject({
      registration: { source: 'waitlist', status: 'accepted' },
      event: { id: event.id },
      person: { id: second.id, name: second.name, organisationId: host.id },
      seat: { eventId: event.id, status: 'confirmed', previousStatus: 'waitlisted' },
    });

    const invitationId = (
      await api.dataSource.query(`SELECT id FROM invitations WHERE event_id = $1 AND person_id = $2`, [
        event.id,
        second.id,
      ])
    )[0].id as string;
    await api
      .http()
      .delete(`/api/v1/events/${event.id}/invitations/${invitationId}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    const cancellations = await received('/seats', 'registration.cancelled', 2);
    expect(cancellations[1].message.data).toMatchObject({
      registration: { invitationId, status: 'cancelled', previousStatus: 'accepted', reason: 'withdrawn' },
      person: { id: second.id },
    });
    for (const request of messages('/seats')) {
      expect(request.body).not.toContain(first.email);
      expect(request.body).not.toContain(second.email);
    }
  });

  it('should try again after a 500 and log both attempts', async () => {
    const endpoint = await register(host.organiserKey, host.id, '/flaky', ['event.updated']);
    receiver.answer('/flaky', [500]);
    await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/ping`)
      .set(bearer(host.organiserKey))
      .expect(202);
    const delivered = await waitForDelivery(
      endpoint.id,
      (delivery) => delivery.status === 'delivered',
      'the ping delivered',
    );
    expect(delivered).toMatchObject({
      eventType: 'webhook.ping',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    const attempts = messages('/flaky');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].headers['webhook-id']).toBe(attempts[0].headers['webhook-id']);

    const again = await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivered.id}/redeliver`)
      .set(bearer(host.organiserKey))
      .expect(202);
    await waitForDelivery(
      endpoint.id,
      (delivery) => delivery.id === again.body.id && delivery.status === 'delivered',
      'the redelivery',
    );
    expect(messages('/flaky').map((request) => request.headers['webhook-id'])).toEqual(
      Array(3).fill(delivered.messageId),
    );
  });

  it('should keep a delivery pending with its next attempt while the receiver is down, then disable the endpoint', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const endpoint = await register(host.organiserKey, host.id, '/down');
    await api.dataSource.query(`UPDATE webhook_endpoints SET url = $2 WHERE id = $1`, [
      endpoint.id,
      `https://localhost:${port}/down`,
    ]);
    const ping = () =>
      api.http().post(`/api/v1/webhook-endpoints/${endpoint.id}/ping`).set(bearer(host.organiserKey));
    await ping().expect(202);
    const waiting = await waitForDelivery(
      endpoint.id,
      (delivery) => delivery.status === 'pending' && delivery.attempts >= 1,
      'a failed first attempt',
    );
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() - 1_000);

    await ping().expect(202);
    const disabled = await eventually(
      async () => {
        const view = await api
          .http()
          .get(`/api/v1/webhook-endpoints/${endpoint.id}`)
          .set(bearer(host.viewerKey))
          .expect(200);
        return view.body.enabled === false ? view.body : undefined;
      },
      30_000,
      'the endpoint disabled',
    );
    expect(disabled.disabledReason).toMatch(/2 deliveries in a row failed.*ECONNREFUSED/);
    const log = await deliveries(endpoint.id);
    expect(log.map((delivery) => [delivery.status, delivery.attempts])).toEqual([
      ['failed', MAX_ATTEMPTS],
      ['failed', MAX_ATTEMPTS],
    ]);
    expect((await ping()).status).toBe(409);
  });

  it('should sign with both secrets during a rotation', async () => {
    const endpoint = await register(host.organiserKey, host.id, '/rotated', ['event.updated']);
    const rotated = await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(new Date(rotated.body.previousSecretExpiresAt).getTime()).toBeGreaterThan(
      DateTime.now().plus({ hours: 23 }).toMillis(),
    );
    await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/ping`)
      .set(bearer(host.organiserKey))
      .expect(202);
    const [request] = await received('/rotated', 'webhook.ping');
    const signatures = request.headers['webhook-signature'].split(' ');
    const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
    const byHand = (secret: string) =>
      `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
        .update(signed)
        .digest('base64')}`;
    expect(signatures).toEqual([byHand(rotated.body.secret), byHand(endpoint.secret)]);
    expect(() => new Webhook(rotated.body.secret).verify(request.body, request.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(request.body, request.headers)).not.toThrow();
  });

  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    // This machine's own name resolves to its loopback or private address on every CI container.
    `https://${hostname()}/hook`,
    'http://localhost/hook',
    'https://user:secret@localhost/hook',
    'not a url',
  ])('should refuse to register %s with a 400 and store nothing', async (url) => {
    const before = await countRows(api, 'webhook_endpoints');
    const response = await api
      .http()
      .post(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(host.organiserKey))
      .send({ url, eventTypes: ['event.created'] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'invalid_input',
      problems: [expect.objectContaining({ field: 'url' })],
    });
    expect(await countRows(api, 'webhook_endpoints')).toBe(before);
  });

  it('should refuse at delivery an address that became special after registration, as DNS rebinding would', async () => {
    const endpoint = await register(host.organiserKey, host.id, '/rebound', ['event.updated']);
    await api.dataSource.query(`UPDATE webhook_endpoints SET url = $2 WHERE id = $1`, [
      endpoint.id,
      receiver.url('/rebound', '[::ffff:127.0.0.1]'),
    ]);
    await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/ping`)
      .set(bearer(host.organiserKey))
      .expect(202);
    const failed = await waitForDelivery(
      endpoint.id,
      (delivery) => delivery.status === 'failed',
      'the refusal',
    );
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: null });
    expect(failed.lastError).toMatch(/is a loopback address/);
    expect(messages('/rebound')).toHaveLength(0);
  });

  it("should hide an organisation's endpoints from other organisations and let viewers only read", async () => {
    const endpoint = await register(host.organiserKey, host.id, '/private', ['event.created']);
    for (const key of [other.organiserKey, other.viewerKey]) {
      await api.http().get(`/api/v1/webhook-endpoints/${endpoint.id}`).set(bearer(key)).expect(404);
      await api
        .http()
        .get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries`)
        .set(bearer(key))
        .expect(404);
      await api
        .http()
        .patch(`/api/v1/webhook-endpoints/${endpoint.id}`)
        .set(bearer(key))
        .send({ enabled: false })
        .expect(404);
      await api.http().delete(`/api/v1/webhook-endpoints/${endpoint.id}`).set(bearer(key)).expect(404);
      await api.http().get(`/api/v1/organisations/${host.id}/webhook-endpoints`).set(bearer(key)).expect(403);
    }
    await api
      .http()
      .post(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(other.organiserKey))
      .send({ url: receiver.url('/x', 'localhost'), eventTypes: ['event.created'] })
      .expect(403);
    const asViewer = await api
      .http()
      .get(`/api/v1/webhook-endpoints/${endpoint.id}`)
      .set(bearer(host.viewerKey))
      .expect(200);
    expect(asViewer.body).toMatchObject({ id: endpoint.id, url: receiver.url('/private', 'localhost') });
    expect(JSON.stringify(asViewer.body)).not.toContain(endpoint.secret);
    expect(asViewer.body).not.toHaveProperty('secret');
    await api
      .http()
      .post(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(host.viewerKey))
      .send({ url: receiver.url('/x', 'localhost'), eventTypes: ['event.created'] })
      .expect(403);
    await api
      .http()
      .post(`/api/v1/webhook-endpoints/${endpoint.id}/ping`)
      .set(bearer(host.viewerKey))
      .expect(403);
    await api
      .http()
      .get(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(api.adminKey))
      .expect(200);
  });

  it.each([
    [{ url: 'https://localhost/x', eventTypes: [] }, 'eventTypes'],
    [{ url: 'https://localhost/x', eventTypes: ['event.deleted'] }, 'eventTypes'],
    [{ url: 'https://localhost/x', eventTypes: 'event.created' }, 'eventTypes'],
    [{ url: 42, eventTypes: ['event.created'] }, 'url'],
    [{ url: `https://localhost/${'x'.repeat(2000)}`, eventTypes: ['event.created'] }, 'url'],
    [{ url: 'https://localhost/x', eventTypes: ['event.created'], secret: 'whsec_mine' }, 'secret'],
  ])('should answer bad input %j with a 400 naming %s', async (body, field) => {
    const response = await api
      .http()
      .post(`/api/v1/organisations/${host.id}/webhook-endpoints`)
      .set(bearer(host.organiserKey))
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
