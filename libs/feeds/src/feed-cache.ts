import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { FeedsRedis } from './feeds-redis';

const compress = promisify(gzip);
/** Unchanged feeds render again after this, which also drops keys nobody asks for any more. */
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
const LOCK_TTL_MS = 30_000;
const WAIT_FOR_OTHER_RENDER_MS = 10_000;
const POLL_MS = 20;

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
 * Rendered feeds in Redis, under keys made from what a feed contains: a changed feed gets a new
 * key, so no process ever serves bytes older than the database, and the key of an unchanged feed
 * is found by every process. A changed feed is rendered once: per process concurrent requests
 * share one render, across processes a short Redis lock lets one render while others wait for it.
 */
@Injectable()
export class FeedCache {
  private readonly renders = new Map<string, Promise<void>>();

  constructor(private readonly redis: FeedsRedis) {}

  keyFor(parts: unknown[]): string {
    const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
    return `${this.redis.prefix}:feed:${digest}`;
  }

  async validators(key: string, render: () => Promise<Buffer>): Promise<FeedValidators> {
    let [etag, gzipEtag] = await this.redis.client.hmget(key, 'etag', 'gzipEtag');
    if (!etag) {
      await this.ensure(key, render);
      [etag, gzipEtag] = await this.redis.client.hmget(key, 'etag', 'gzipEtag');
    }
    if (!etag) throw new Error(`Feed ${key} vanished right after it was stored`);
    return { etag, gzipEtag };
  }

  async content(key: string, encoding: FeedEncoding, render: () => Promise<Buffer>): Promise<FeedContent> {
    const cached = await this.read(key, encoding);
    if (cached) return cached;
    await this.ensure(key, render);
    const rendered = await this.read(key, encoding);
    if (!rendered) throw new Error(`Feed ${key} vanished right after it was stored`);
    return rendered;
  }

  private async read(key: string, encoding: FeedEncoding): Promise<FeedContent | null> {
    const field = encoding === 'gzip' ? 'gzip' : 'body';
    const [etag, body] = await this.redis.client.hmgetBuffer(key, encoding === 'gzip' ? 'gzipEtag' : 'etag', field);
    if (etag && body) return { etag: etag.toString(), body };
    if (encoding === 'gzip') return this.addGzip(key);
    return null;
  }

  /** Compressed once on first demand, then shared like the plain bytes. */
  private async addGzip(key: string): Promise<FeedContent | null> {
    const plain = await this.redis.client.hgetBuffer(key, 'body');
    if (!plain) return null;
    const body = await compress(plain);
    const etag = strongEtag(body);
    await this.redis.client.hset(key, 'gzip', body, 'gzipEtag', etag);
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
