import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { RedisConfig } from '@app/config';
import { createRedis } from '@app/queue';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One request counted, in one step so that API processes counting the same client at once cannot
 * both slip under the limit. The first hit opens a window of `ttl` ms in which hits add up; the hit
 * that takes the count over `limit` blocks the key for `blockDuration` ms, and a block that ends
 * just now (0 ms left) opens a new window with this hit as its first.
 * KEYS: hits, block. ARGV: ttl, limit, blockDuration (ms).
 * Returns hits, ms left in the window, 1 when blocked (else 0), ms left of the block.
 */
const COUNT_HIT = `
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
local blocked = redis.call('EXISTS', KEYS[2]) == 1
local blockLeft = 0
if blocked then
  blockLeft = redis.call('PTTL', KEYS[2])
elseif hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  blocked = true
  blockLeft = tonumber(ARGV[3])
end
if blocked and blockLeft <= 0 then
  redis.call('DEL', KEYS[2])
  redis.call('SET', KEYS[1], 1, 'PX', ARGV[1])
  hits = 1
  windowLeft = tonumber(ARGV[1])
  blocked = false
end
return { hits, windowLeft, blocked and 1 or 0, blockLeft }
`;

/** The client with COUNT_HIT defined on it (ioredis runs it by its SHA, sending the source once). */
type CountingRedis = Redis & {
  countHit(
    hitsKey: string,
    blockKey: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<unknown>;
};

/**
 * Rate-limit counters in Redis, so that a limit holds for all API processes together rather than
 * per process (with four processes behind a balancer, a per-process limit would allow four times
 * as much). When Redis cannot answer, requests pass: the limit protects the service, and refusing
 * every request while Redis is down would be the very outage it is meant to prevent.
 */
export class RateLimitStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly client: CountingRedis;
  private failing = false;
  /** Before the first connection, uncounted requests are start-up, not an outage worth a warning. */
  private connected = false;

  constructor(config: RedisConfig) {
    // Fails at once rather than hold a request while Redis is away.
    const client = createRedis(config.url, 'request', { keyPrefix: `${config.queuePrefix}:rate-limit:` });
    client.defineCommand('countHit', { numberOfKeys: 2, lua: COUNT_HIT });
    this.client = client as CountingRedis;
    // Errors surface in increment(), which warns once per outage.
    this.client.on('error', () => undefined);
    this.client.once('ready', () => (this.connected = true));
  }

  /** Seconds, as @nestjs/throttler's guard reads them (Retry-After, its in-memory storage's units). */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      // The key names @nest-lab/throttler-storage-redis counted under before, so that during a
      // deploy the processes of both versions still count together.
      const reply = await this.client.countHit(
        `{${key}:${throttlerName}}:hits`,
        `{${key}:${throttlerName}}:blocked`,
        ttl,
        limit,
        blockDuration,
      );
      const [totalHits, windowLeft, blocked, blockLeft] = countsOf(reply);
      if (this.failing) this.logger.log('Rate limits are counted again.');
      this.failing = false;
      return {
        totalHits,
        timeToExpire: Math.ceil(windowLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (error) {
      if (this.connected && !this.failing) {
        this.logger.warn(`Rate limits are not counted while Redis does not answer: ${String(error)}`);
        this.failing = true;
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

function countsOf(reply: unknown): [number, number, number, number] {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((count) => typeof count === 'number')) {
    throw new TypeError(`Unexpected reply to the rate-limit count: ${JSON.stringify(reply)}`);
  }
  return reply as [number, number, number, number];
}
