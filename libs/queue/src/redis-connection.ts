import Redis, { RedisOptions } from 'ioredis';

/**
 * What a Redis connection is for. Each use meets a Redis outage in its own way, so each has its
 * own options here, and every client in Treffpunkt is made by createRedis with one of them.
 */
export const REDIS_USES = {
  /**
   * BullMQ's queues and workers, and the outbox relay's subscription: commands wait for Redis to
   * come back however long it takes. BullMQ requires `maxRetriesPerRequest: null`.
   */
  queue: { maxRetriesPerRequest: null },
  /**
   * On the request path (rate-limit counters, the readiness ping): no offline queue and no retries,
   * so that while Redis is away a command fails at once instead of holding the request.
   */
  request: { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1000 },
  /** The feeds' shared cache: rides out a blip; callers check availability and do without. */
  cache: { maxRetriesPerRequest: 2 },
  /** The outbox relay's commands: retried in the background, each pass reports what failed. */
  background: { maxRetriesPerRequest: 3 },
  /** The API's nudge to the relay: a lost nudge only delays the relay until its next pass. */
  nudge: { maxRetriesPerRequest: 1 },
} as const satisfies Record<string, RedisOptions>;

export type RedisUse = keyof typeof REDIS_USES;

/** ioredis options from a redis:// or rediss:// URL, so one variable configures every client. */
function redisOptionsFromUrl(
  url: string,
): Pick<RedisOptions, 'host' | 'port' | 'username' | 'password' | 'db' | 'tls'> {
  const parsed = new URL(url);
  const database = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: database ? Number(database) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Connection options for a use, for libraries that make their own clients (BullMQ). */
export function redisConnectionOptions<Use extends RedisUse>(url: string, use: Use) {
  return { ...redisOptionsFromUrl(url), ...REDIS_USES[use] };
}

/** A Redis client for a use; `tuning` adds what only one client needs (a key prefix, a connect timeout). */
export function createRedis(url: string, use: RedisUse, tuning: RedisOptions = {}): Redis {
  return new Redis({ ...redisConnectionOptions(url, use), ...tuning });
}
