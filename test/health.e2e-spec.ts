import { readCalendar } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { createEvent, organisationWithKeys } from './planning-fixtures';
import { TcpProxy } from './tcp-proxy';

const RECOVERY_DEADLINE_MS = 10_000;

/** Postgres and Redis through proxies the test can cut, so the shared servers keep running. */
describe('Health and readiness of the API', () => {
  const database = new URL(
    process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const postgresProxy = new TcpProxy(database.hostname, Number(database.port || 5432));
  const redisProxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  let api: ApiHarness;

  beforeAll(async () => {
    await postgresProxy.open();
    await redisProxy.open();
    api = await startApi({
      env: (testDatabase) => ({
        DATABASE_URL: postgresProxy.rewrite(testDatabase.url),
        REDIS_URL: redisProxy.rewrite(redis.toString()),
      }),
    });
  });

  afterAll(async () => {
    await api.close();
    await postgresProxy.cut();
    await redisProxy.cut();
  });

  async function eventually(check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < RECOVERY_DEADLINE_MS) {
      if (await check()) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`not recovered within ${RECOVERY_DEADLINE_MS} ms`);
  }

  const ready = () => api.http().get('/health/ready');
  const events = () => api.http().get('/api/v1/events').set(bearer(api.adminKey));

  it('should answer /health and /health/ready with 200 when Postgres and Redis answer', async () => {
    await api.http().get('/health').expect(200, { status: 'ok' });
    const response = await ready().expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('should answer 503, not 500, while Postgres is unreachable, and recover by itself', async () => {
    await events().expect(200);
    await postgresProxy.cut();
    try {
      const notReady = await ready().expect(503);
      expect(notReady.headers['retry-after']).toBe('5');
      expect(notReady.body).toMatchObject({
        statusCode: 503,
        details: { postgres: { status: 'down' }, redis: { status: 'up' } },
      });
      await api.http().get('/health').expect(200);

      const data = await events().expect(503);
      expect(data.body.message).toMatch(/not reachable.*try again/);
      expect(data.headers['retry-after']).toBe('5');
      const write = await api.http().post('/api/v1/organisations').set(bearer(api.adminKey)).send({
        name: 'Stadt Hamm',
        code: 'HAMM',
        country: 'DE',
        timeZone: 'Europe/Berlin',
        defaultLocale: 'de',
      });
      expect(write.status).toBe(503);
    } finally {
      await postgresProxy.open();
    }
    await eventually(async () => (await ready()).status === 200);
    await events().expect(200);
  });

  it('should answer feeds with 503 while Postgres is unreachable, then render changes again by itself', async () => {
    const host = await organisationWithKeys(api);
    const path = `/feeds/organisations/${host.code.toLowerCase()}.ics`;
    const feed = () => api.http().get(path).buffer(true).parse(textParser);
    // A month ahead, so the feed shows the events whenever the test runs.
    const day = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const publicEvent = { status: 'published', visibility: 'public' };
    const first = await createEvent(api, host.organiserKey, {
      ...publicEvent,
      title: 'Vor dem Ausfall',
      startsAt: `${day}T09:00`,
      endsAt: `${day}T10:00`,
    });
    expect(readCalendar((await feed().expect(200)).body).events.map((entry) => entry.summary)).toEqual([
      first.title,
    ]);

    await postgresProxy.cut();
    try {
      const down = await feed();
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
    } finally {
      await postgresProxy.open();
    }
    await eventually(async () => (await ready()).status === 200);

    // The render thread's own connections broke with the proxy: this render needs new ones.
    const second = await createEvent(api, host.organiserKey, {
      ...publicEvent,
      title: 'Nach dem Ausfall',
      startsAt: `${day}T11:00`,
      endsAt: `${day}T12:00`,
    });
    const after = readCalendar((await feed().expect(200)).body);
    expect(after.events.map((entry) => entry.summary)).toEqual([first.title, second.title]);
  });

  it('should serve feeds from memory or render them from Postgres while Redis is unreachable, never 500', async () => {
    const host = await organisationWithKeys(api);
    const path = `/feeds/organisations/${host.code.toLowerCase()}.ics`;
    const feed = () => api.http().get(path).buffer(true).parse(textParser);
    const day = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const event = (title: string, hour: number) =>
      createEvent(api, host.organiserKey, {
        status: 'published',
        visibility: 'public',
        title,
        startsAt: `${day}T${hour}:00`,
        endsAt: `${day}T${hour + 1}:00`,
      });
    const first = await event('Vor dem Redis-Ausfall', 10);
    const served = await feed().expect(200);

    await redisProxy.cut();
    try {
      const fromMemory = await feed().expect(200);
      expect(fromMemory.body).toBe(served.body);
      const second = await event('Während des Redis-Ausfalls', 12);
      const rendered = await feed().expect(200);
      expect(readCalendar(rendered.body).events.map((entry) => entry.summary)).toEqual([
        first.title,
        second.title,
      ]);
      const gzipped = await api.http().get(path).set('Accept-Encoding', 'gzip').expect(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      await api.http().get('/feeds/personal/not-a-token.ics').expect(404);
    } finally {
      await redisProxy.open();
    }
    await eventually(async () => (await ready()).status === 200);
    await feed().expect(200);
  });

  it('should answer 503 from readiness while Redis is unreachable, keep serving data, and recover', async () => {
    await redisProxy.cut();
    try {
      const notReady = await ready().expect(503);
      expect(notReady.body).toMatchObject({
        details: { postgres: { status: 'up' }, redis: { status: 'down' } },
      });
      await events().expect(200);
    } finally {
      await redisProxy.open();
    }
    await eventually(async () => (await ready()).status === 200);
  });
});
