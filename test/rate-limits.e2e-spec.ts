import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { RateLimitStorage } from '../apps/api/src/rate-limits/rate-limit-storage';
import { ApiHarness, bearer, startAnotherApi, startApi } from './api-harness';
import { answerPath, addPerson, cityDay, invite } from './invitation-fixtures';
import { TcpProxy } from './tcp-proxy';

const API_LIMIT = 10;
/** ioredis reconnects with a back-off of at most two seconds; generous for a busy machine. */
const RECONNECT_DEADLINE_MS = 15_000;

/**
 * The API trusts the proxy on loopback (TRUST_PROXY's default), so each test names its client
 * address in X-Forwarded-For and starts with fresh counters. Set-up requests come from loopback
 * itself and stay under the limit.
 */
describe('Rate limits', () => {
  let api: ApiHarness;
  let nextAddress = 1;
  const freshAddress = () => `203.0.113.${nextAddress++}`;
  /** The organisation list, asked by `client` behind the trusted proxy. */
  const organisationsFrom = (server: Pick<ApiHarness, 'http'>, client: string) =>
    server.http().get('/api/v1/organisations').set(bearer(api.adminKey)).set('X-Forwarded-For', client);

  beforeAll(async () => {
    api = await startApi({ env: () => ({ API_RATE_LIMIT: String(API_LIMIT), ANSWER_RATE_LIMIT: '3' }) });
  });

  afterAll(async () => {
    await api.close();
  });

  it('should answer the request over the API limit with 429, Retry-After and a problem body', async () => {
    const client = freshAddress();
    for (let request = 0; request < API_LIMIT; request++) {
      await organisationsFrom(api, client).expect(200);
    }
    const refused = await organisationsFrom(api, client).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'too_many_requests',
    });
    // Another client behind the same proxy is not affected.
    await organisationsFrom(api, freshAddress()).expect(200);
  });

  it('should count requests without a valid key too', async () => {
    const client = freshAddress();
    for (let request = 0; request < API_LIMIT; request++) {
      await api.http().get('/api/v1/events').set('X-Forwarded-For', client).expect(401);
    }
    await api.http().get('/api/v1/events').set('X-Forwarded-For', client).expect(429);
  });

  it('should count across all API processes, through Redis', async () => {
    const other = await startAnotherApi();
    try {
      const client = freshAddress();
      for (let request = 0; request < API_LIMIT / 2; request++) {
        await organisationsFrom(api, client).expect(200);
        await organisationsFrom(other, client).expect(200);
      }
      await organisationsFrom(other, client).expect(429);
    } finally {
      await other.close();
    }
  });

  it('should not limit health checks and feeds', async () => {
    const client = freshAddress();
    for (let request = 0; request < API_LIMIT + 2; request++) {
      await api.http().get('/health').set('X-Forwarded-For', client).expect(200);
      await api.http().get('/feeds/public.ics').set('X-Forwarded-For', client).expect(200);
    }
  });

  it('should give answers their own, lower limit, answered as a page in the reader’s language', async () => {
    const { event } = await cityDay(api);
    const person = await addPerson(api, api.adminKey);
    expect((await invite(api, api.adminKey, event.id, { personIds: [person.id] })).status).toBe(201);
    const path = await answerPath(api, event.id, person.id);
    const client = freshAddress();
    const answer = (choice: string) =>
      api
        .http()
        .post(path)
        .type('form')
        .set('X-Forwarded-For', client)
        .set('Accept-Language', 'en')
        .send(`answer=${choice}`);
    await answer('accept').expect(303);
    await answer('decline').expect(303);
    await answer('accept').expect(303);
    const refused = await answer('decline').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toContain('Too many attempts');
    const [{ status }] = await api.dataSource.query(
      `SELECT status FROM invitations WHERE event_id = $1 AND person_id = $2`,
      [event.id, person.id],
    );
    expect(status).toBe('accepted');
    // Reading the page is not an answer: the API's limit still allows it.
    await api.http().get(path).set('X-Forwarded-For', client).expect(200);
  });
});

describe('Rate limits while Redis is unreachable', () => {
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redisProxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  let api: ApiHarness;

  beforeAll(async () => {
    await redisProxy.open();
    api = await startApi({
      env: () => ({ REDIS_URL: redisProxy.rewrite(redis.toString()), API_RATE_LIMIT: String(API_LIMIT) }),
    });
  });

  afterAll(async () => {
    await api.close();
    await redisProxy.cut();
  });

  const organisations = (client: string) =>
    api.http().get('/api/v1/organisations').set(bearer(api.adminKey)).set('X-Forwarded-For', client);

  it('should let requests through uncounted rather than refuse them, and count again once Redis is back', async () => {
    await redisProxy.cut();
    try {
      const client = '198.51.100.1';
      for (let request = 0; request < API_LIMIT + 2; request++) await organisations(client).expect(200);
    } finally {
      await redisProxy.open();
    }
    const client = '198.51.100.2';
    const started = Date.now();
    let status = 200;
    while (status !== 429 && Date.now() - started < RECONNECT_DEADLINE_MS) {
      status = (await organisations(client)).status;
      if (status !== 429) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(429);
  });
});

/**
 * The storage itself against the real Redis: what @nestjs/throttler's guard is told, in the units
 * it reads (seconds), for windows and blocks short enough to wait out.
 */
describe(RateLimitStorage.name, () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `tp-test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  const storages: RateLimitStorage[] = [];
  /**
   * A storage as one API process has it, once connected: before that it counts nothing (it does
   * not hold requests while Redis is away). Several share the counters through Redis.
   */
  const storage = async () => {
    const made = new RateLimitStorage({ url, queuePrefix });
    storages.push(made);
    while ((await made.increment('connected', 60_000, 1000, 60_000, 'test')).totalHits === 0) await sleep(10);
    return made;
  };
  let nextKey = 1;
  const freshKey = () => `default:192.0.2.${nextKey++}`;

  beforeAll(() => {
    redis = new Redis(url);
  });

  afterAll(async () => {
    await Promise.all(storages.map((made) => made.onModuleDestroy()));
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('should count hits in the window and block for the block duration once over the limit', async () => {
    const counters = await storage();
    const key = freshKey();
    const hit = () => counters.increment(key, 60_000, 2, 30_000, 'default');
    await expect(hit()).resolves.toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    await expect(hit()).resolves.toEqual({
      totalHits: 2,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    await expect(hit()).resolves.toEqual({
      totalHits: 3,
      timeToExpire: 60,
      isBlocked: true,
      timeToBlockExpire: 30,
    });
    // Another client, or another limit for the same client, is counted apart.
    await expect(counters.increment(freshKey(), 60_000, 2, 30_000, 'default')).resolves.toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    await expect(counters.increment(key, 60_000, 2, 30_000, 'answers')).resolves.toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('should keep its counters under the queue prefix, where the earlier storage kept them', async () => {
    const key = freshKey();
    await (await storage()).increment(key, 60_000, 1, 30_000, 'default');
    await (await storage()).increment(key, 60_000, 1, 30_000, 'default');
    await expect(redis.get(`${queuePrefix}:rate-limit:{${key}:default}:hits`)).resolves.toBe('2');
    await expect(redis.exists(`${queuePrefix}:rate-limit:{${key}:default}:blocked`)).resolves.toBe(1);
  });

  it('should count from one again once the window and the block have passed', async () => {
    const counters = await storage();
    const key = freshKey();
    const hit = () => counters.increment(key, 300, 1, 300, 'default');
    await expect(hit()).resolves.toMatchObject({ totalHits: 1, isBlocked: false });
    await expect(hit()).resolves.toMatchObject({ totalHits: 2, isBlocked: true, timeToBlockExpire: 1 });
    await sleep(400);
    await expect(hit()).resolves.toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('should let no more than the limit through when processes count the same client at once', async () => {
    const processes = await Promise.all([storage(), storage(), storage()]);
    const key = freshKey();
    const records = await Promise.all(
      Array.from({ length: 30 }, (_, request) =>
        processes[request % 3].increment(key, 60_000, 10, 60_000, 'default'),
      ),
    );
    expect(records.filter((record) => !record.isBlocked)).toHaveLength(10);
    expect(records.map((record) => record.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, request) => request + 1),
    );
  });
});
