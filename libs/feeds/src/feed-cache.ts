import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { FeedsRedis } from './feeds-redis';
import { CachedFeed, LocalFeedCache } from './local-feed-cache';

const compress = promisify(gzip);
/** Unchanged feeds render again after this, which also drops keys nobody asks for any more. */
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
const LOCK_TTL_MS = 30_000;
const WAIT_FOR_OTHER_RENDER_MS = 10_000;
const POLL_MS = 20;
/** Enough for a few hundred personal feeds per process; older ones come back from Redis. */
const LOCAL_CACHE_BYTES = 64 * 1024 * 1024;

export type FeedEncoding = 'identity' | 'gzip';

export interface FeedValidators {
  etag: string;
  /** Set once a client asked for the gzip encoding. */
  gzipEtag: string | null;
}

export interface FeedContent {
  etag: string;
  body: Buffer;
}

/**
 * Rendered feeds under keys made from what a feed contains: a changed feed gets a new key, so no
 * process ever serves bytes older than the database. Each process keeps the feeds it served last
 * in memory, so a warm request costs no Redis round trip; Redis shares rendered bytes between
 * processes, so a changed feed is rendered once: per process concurrent requests share one render,
 * across processes a short Redis lock lets one render while others wait for it.
 */
@Injectable()
export class FeedCache {
  private readonly renders = new Map<string, Promise<void>>();
  private readonly local = new LocalFeedCache(LOCAL_CACHE_BYTES);

  constructor(private readonly redis: FeedsRedis) {}

  keyFor(parts: unknown[]): string {
    const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
    return `${this.redis.prefix}:feed:${digest}`;
  }

  async validators(key: string, render: () => Promise<Buffer>): Promise<FeedValidators> {
    const entry = await this.entry(key, render);
    return { etag: entry.etag, gzipEtag: entry.gzipEtag ?? null };
  }

  async content(key: string, encoding: FeedEncoding, render: () => Promise<Buffer>): Promise<FeedContent> {
    const entry = await this.entry(key, render);
    if (encoding === 'identity') return { etag: entry.etag, body: entry.body };
    if (entry.gzip && entry.gzipEtag) return { etag: entry.gzipEtag, body: entry.gzip };
    return this.addGzip(key, entry);
  }

  private async entry(key: string, render: () => Promise<Buffer>): Promise<CachedFeed> {
    const cached = this.local.get(key) ?? (await this.read(key));
    if (cached) return cached;
    await this.ensure(key, render);
    const rendered = await this.read(key);
    if (!rendered) throw new Error(`Feed ${key} vanished right after it was stored`);
    return rendered;
  }

  private async read(key: string): Promise<CachedFeed | null> {
    const [etag, body, gzipEtag, gzip] = await this.redis.client.hmgetBuffer(
      key,
      'etag',
      'body',
      'gzipEtag',
      'gzip',
    );
    if (!etag || !body) return null;
    const entry: CachedFeed = {
      etag: etag.toString(),
      body,
      ...(gzipEtag && gzip ? { gzipEtag: gzipEtag.toString(), gzip } : {}),
    };
    this.local.set(key, entry);
    return entry;
  }

  /** Compressed once on first demand, then shared like the plain bytes. */
  private async addGzip(key: string, entry: CachedFeed): Promise<FeedContent> {
    const body = await compress(entry.body);
    const etag = strongEtag(body);
    await this.redis.client.hset(key, 'gzip', body, 'gzipEtag', etag);
    this.local.set(key, { ...entry, gzip: body, gzipEtag: etag });
    return { etag, body };
  }

  private async ensure(key: string, render: () => Promise<Buffer>): Promise<void> {
    let pending = this.renders.get(key);
    if (!pending) {
      pending = this.renderOnce(key, render).finally(() => this.renders.delete(key));
      this.renders.set(key, pending);
    }
    await pending;
  }

  private async renderOnce(key: string, render: () => Promise<Buffer>): Promise<void> {
    const lock = `${key}:lock`;
    const locked = await this.redis.client.set(lock, '1', 'PX', LOCK_TTL_MS, 'NX');
    if (!locked && (await this.waitForOtherRender(key))) return;
    try {
      const body = await render();
      await this.redis.client
        .multi()
        .hset(key, 'body', body, 'etag', strongEtag(body))
        .expire(key, ENTRY_TTL_SECONDS)
        .exec();
    } finally {
      if (locked) await this.redis.client.del(lock);
    }
  }

  private async waitForOtherRender(key: string): Promise<boolean> {
    const deadline = Date.now() + WAIT_FOR_OTHER_RENDER_MS;
    while (Date.now() < deadline) {
      if (await this.redis.client.hexists(key, 'etag')) return true;
      await sleep(POLL_MS);
    }
    return false;
  }
}

/** A strong validator: a digest of exactly the bytes served. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}
