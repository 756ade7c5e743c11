import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BoundedCache } from './bounded-cache';
import { FeedRepresentation, feedChunks, gzipOf } from './feed-body';
import { FeedSeed } from './feed-render-task';
import { FeedsRedis } from './feeds-redis';

/** Unchanged feeds render again after this, which also drops keys nobody asks for any more. */
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
/** How long a replaced feed stays in Redis for processes that still serve it. */
const REPLACED_TTL_SECONDS = 60;
const LOCK_TTL_MS = 30_000;
const WAIT_FOR_OTHER_RENDER_MS = 10_000;
const POLL_MS = 20;
/** Enough for a few hundred personal feeds per process; older ones come back from Redis. */
const LOCAL_CACHE_BYTES = 64 * 1024 * 1024;

export type FeedEncoding = 'identity' | 'gzip';

/** A feed as rendered, with where its entries sit in the body when the renderer said so. */
export interface RenderedForSharing extends FeedRepresentation {
  entryIndex?: string;
}

/** A rendered feed; `gzip` is added once compressed (right after rendering, off the event loop). */
export interface CachedFeed {
  identity: FeedRepresentation;
  gzip?: FeedRepresentation;
}

/**
 * Rendered feeds under keys made from what a feed contains: a changed feed gets a new key, so no
 * process ever serves bytes older than the database. Each process keeps the feeds it served last
 * in memory, so a warm request costs no Redis round trip; Redis shares rendered bytes between
 * processes, so a changed feed is rendered once: per process concurrent requests share one render,
 * across processes a short Redis lock lets one render while others wait for it.
 *
 * Without Redis, feeds are rendered per process (see renderAlone).
 *
 * In Redis a feed is a hash `<key>` with the length and ETag of each encoding and its bodies as
 * strings `<key>:identity` and `<key>:gzip`, written in pieces (handing ioredis megabytes at once
 * copies and sends them in one go on the event loop); a body counts once its length and ETag are
 * in the hash and it has that length. Beside them `<key>:entries` says where each entry sits in
 * the body, and `feed-latest:<feed>` names the key rendered last: a process whose render thread
 * never rendered the feed takes its entries from there (seedFor), so that after a change any
 * process renders only what changed, not just the one that rendered the feed before.
 */
@Injectable()
export class FeedCache {
  private readonly logger = new Logger(FeedCache.name);
  private readonly loads = new Map<string, Promise<CachedFeed>>();
  private readonly compressions = new Map<string, Promise<FeedRepresentation>>();
  private readonly local = new BoundedCache<CachedFeed>(
    LOCAL_CACHE_BYTES,
    (feed) => feed.identity.length + (feed.gzip?.length ?? 0),
  );

  constructor(private readonly redis: FeedsRedis) {}

  keyFor(parts: unknown[]): string {
    const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
    return `${this.redis.prefix}:feed:${digest}`;
  }

  /**
   * The strong ETag of the plain bytes under a key: its digest. A key is made from everything its
   * bytes are rendered from, and rendering is deterministic, so one key names one byte sequence
   * (which is what lets processes share bytes by key at all); hashing the 10 MB again would only
   * cost the render thread time.
   */
  etagFor(key: string): string {
    return `"${key.slice(key.lastIndexOf(':') + 1)}"`;
  }

  /** The feed under this key if this process holds it; no I/O. */
  peek(key: string): CachedFeed | undefined {
    return this.local.get(key);
  }

  /**
   * The feed under this key: from this process, from Redis, or rendered now. `feed` names the
   * feed (scopeIdentity) whose latest rendered version this key becomes once it is shared, which
   * begins when `answered` settles.
   */
  async get(
    key: string,
    render: () => Promise<RenderedForSharing>,
    feed: string,
    answered: Promise<void> = Promise.resolve(),
  ): Promise<CachedFeed> {
    const local = this.local.get(key);
    if (local) return local;
    let pending = this.loads.get(key);
    if (!pending) {
      pending = this.load(key, render, feed, answered).finally(() => this.loads.delete(key));
      this.loads.set(key, pending);
    }
    return pending;
  }

  /** The gzip encoding, compressed once on first demand and then shared like the plain bytes. */
  gzip(key: string, feed: CachedFeed): Promise<FeedRepresentation> {
    if (feed.gzip) return Promise.resolve(feed.gzip);
    let pending = this.compressions.get(key);
    if (!pending) {
      pending = this.compress(key, feed).finally(() => this.compressions.delete(key));
      this.compressions.set(key, pending);
    }
    return pending;
  }

  /** A feed that changed: its old bytes leave Redis soon, once no process needs them any more. */
  replaced(key: string): void {
    if (!this.redis.available()) return;
    const client = this.redis.client;
    void client
      .multi()
      .expire(key, REPLACED_TTL_SECONDS)
      .expire(`${key}:identity`, REPLACED_TTL_SECONDS)
      .expire(`${key}:gzip`, REPLACED_TTL_SECONDS)
      .expire(`${key}:entries`, REPLACED_TTL_SECONDS)
      .exec()
      .catch(() => undefined);
  }

  /**
   * The feed's version rendered last by any process, with its entry index; null when Redis has
   * none, when it is `held` (the version this process's render thread rendered last, so holds the
   * entries of), or when `entryList` (the entry keys about to be rendered) says that version shares
   * little with it: after a change that touched every entry (the host renamed, say) its 10 MB
   * would only be read to be thrown away.
   */
  async seedFor(feed: string, entryList?: string, held?: string): Promise<FeedSeed | null> {
    if (!this.redis.available()) return null;
    const latest = await this.redis.client.get(this.latestKey(feed));
    if (!latest || latest === held) return null;
    const entryIndex = await this.redis.client.get(`${latest}:entries`);
    if (!entryIndex || (entryList !== undefined && !mostlyIndexed(entryList, entryIndex))) return null;
    const [fieldsReply, bodyReply] =
      (await this.redis.client.pipeline().hmgetBuffer(latest, 'identity').getBuffer(`${latest}:identity`).exec()) ??
      [];
    const fields = fieldsReply?.[0] ? null : (fieldsReply?.[1] as Array<Buffer | null> | undefined);
    const body = bodyReply?.[0] ? null : (bodyReply?.[1] as Buffer | null | undefined);
    const identity = stored(fields?.[0], body ?? null);
    return identity ? { body: identity.parts[0], entryIndex } : null;
  }

  private latestKey(feed: string): string {
    return `${this.redis.prefix}:feed-latest:${createHash('sha256').update(feed).digest('base64url')}`;
  }

  private async load(
    key: string,
    render: () => Promise<RenderedForSharing>,
    feedName: string,
    answered: Promise<void>,
  ): Promise<CachedFeed> {
    if (!this.redis.available()) return this.renderAlone(key, render);
    const stored = await this.read(key).catch(() => null);
    if (stored) return stored;
    const lock = `${key}:lock`;
    const locked = await this.redis.client
      .set(lock, '1', 'PX', LOCK_TTL_MS, 'NX')
      .then((reply) => reply === 'OK')
      .catch(() => null);
    if (locked === null) return this.renderAlone(key, render);
    if (!locked) {
      const other = await this.waitForOtherRender(key).catch(() => null);
      if (other) return other;
    }
    let feed: CachedFeed;
    let entryIndex: string | undefined;
    try {
      const { entryIndex: index, ...identity } = await render();
      feed = { identity };
      entryIndex = index;
    } catch (error) {
      if (locked) await this.redis.client.del(lock).catch(() => undefined);
      throw error;
    }
    this.local.set(key, feed);
    // Other processes wait for these bytes; this request need not.
    void answered.finally(() => {
      void this.store(key, 'identity', feed.identity)
        .then(() => (entryIndex === undefined ? undefined : this.storeEntries(key, feedName, entryIndex)))
        .then(() => this.gzip(key, feed))
        .catch((error: Error) => this.logger.warn(`Could not share feed ${key}: ${error.message}`))
        .finally(() => (locked ? this.redis.client.del(lock).catch(() => undefined) : undefined));
    });
    return feed;
  }

  /**
   * Redis is out of reach: the feed is rendered from PostgreSQL and kept in this process only, so
   * that feeds keep working and stay exact; other processes render it for themselves meanwhile.
   */
  private async renderAlone(key: string, render: () => Promise<RenderedForSharing>): Promise<CachedFeed> {
    const { etag, parts, length } = await render();
    const feed: CachedFeed = { identity: { etag, parts, length } };
    this.local.set(key, feed);
    return feed;
  }

  private async read(key: string): Promise<CachedFeed | null> {
    const replies = await this.redis.client
      .pipeline()
      .hmgetBuffer(key, 'identity', 'gzip')
      .getBuffer(`${key}:identity`)
      .getBuffer(`${key}:gzip`)
      .exec();
    const [fields, identityBody, gzipBody] = (replies ?? []).map(([error, reply]) =>
      error ? null : reply,
    ) as [Array<Buffer | null> | null, Buffer | null, Buffer | null];
    const [identityField, gzipField] = fields ?? [];
    const identity = stored(identityField, identityBody);
    if (!identity) return null;
    const gzip = stored(gzipField, gzipBody);
    const feed: CachedFeed = { identity, ...(gzip ? { gzip } : {}) };
    this.local.set(key, feed);
    return feed;
  }

  /** The body first, in pieces, then its ETag and length, which tell readers that it is complete. */
  private async store(
    key: string,
    encoding: FeedEncoding,
    representation: FeedRepresentation,
  ): Promise<void> {
    const client = this.redis.client;
    const bodyKey = `${key}:${encoding}`;
    await client.del(bodyKey);
    for (const chunk of feedChunks(representation.parts)) {
      await client.append(bodyKey, chunk.length === 1 ? chunk[0] : Buffer.concat(chunk));
    }
    await client
      .multi()
      .hset(key, encoding, `${representation.length} ${representation.etag}`)
      .expire(key, ENTRY_TTL_SECONDS)
      .expire(bodyKey, ENTRY_TTL_SECONDS)
      .exec();
  }

  /** The entry index of a stored body; then the feed's pointer to its latest version moves to it. */
  private async storeEntries(key: string, feed: string, entryIndex: string): Promise<void> {
    await this.redis.client
      .multi()
      .set(`${key}:entries`, entryIndex, 'EX', ENTRY_TTL_SECONDS)
      .set(this.latestKey(feed), key, 'EX', ENTRY_TTL_SECONDS)
      .exec();
  }

  private async compress(key: string, feed: CachedFeed): Promise<FeedRepresentation> {
    const representation = await gzipOf(feed.identity);
    feed.gzip = representation;
    this.local.resize(key);
    if (this.redis.available()) {
      void this.store(key, 'gzip', representation).catch((error: Error) =>
        this.logger.warn(`Could not share the gzip body of ${key}: ${error.message}`),
      );
    }
    return representation;
  }

  private async waitForOtherRender(key: string): Promise<CachedFeed | null> {
    const deadline = Date.now() + WAIT_FOR_OTHER_RENDER_MS;
    while (Date.now() < deadline) {
      if (await this.redis.client.hexists(key, 'identity')) return this.read(key);
      await sleep(POLL_MS);
    }
    return null;
  }
}

/** Entry keys looked up in an entry index to judge whether it is worth seeding from. */
const SAMPLED_KEYS = 16;

/** Whether most of a sample of the keys (comma-separated) are in the entry index (JSON). */
function mostlyIndexed(entryList: string, entryIndex: string): boolean {
  return mostly(entryList, (key) => entryIndex.includes(JSON.stringify(key)));
}

/** Whether most of a sample of the entry keys in `entryList` are in the entry list `other`. */
export function mostlyListed(entryList: string, other: string): boolean {
  const keys = `,${other},`;
  return mostly(entryList, (key) => keys.includes(`,${key},`));
}

function mostly(entryList: string, holds: (key: string) => boolean): boolean {
  if (entryList === '') return false;
  let found = 0;
  for (let sample = 0; sample < SAMPLED_KEYS; sample++) {
    const from = Math.floor((sample * entryList.length) / SAMPLED_KEYS);
    const start = from === 0 ? 0 : entryList.lastIndexOf(',', from) + 1;
    const end = entryList.indexOf(',', start);
    if (holds(entryList.slice(start, end < 0 ? entryList.length : end))) found++;
  }
  return found * 2 >= SAMPLED_KEYS;
}

/** A body from Redis, if its entry in the hash says it is complete. */
function stored(field: Buffer | null | undefined, body: Buffer | null): FeedRepresentation | null {
  if (!field || !body) return null;
  const [length, etag] = field.toString().split(' ');
  return Number(length) === body.length && etag ? { etag, parts: [body], length: body.length } : null;
}
