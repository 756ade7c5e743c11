import { Request, Response } from 'express';
import Negotiator from 'negotiator';
import { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import {
  CachedFeed,
  FEED_CHUNK_BYTES,
  FeedEncoding,
  feedChunks,
  FeedRepresentation,
  FeedsService,
  OpenFeed,
} from '@app/feeds';
import { SECURITY_HEADERS } from '../http/security-headers';

/**
 * Answers a feed request from the cache: 304 when the client's copy is current (If-None-Match
 * first, else If-Modified-Since), otherwise the bytes, gzip-compressed when the client asks.
 * HEAD gets the same headers without a body (Node drops it).
 */
export async function sendFeed(
  feeds: FeedsService,
  feed: OpenFeed,
  request: Request,
  response: Response,
): Promise<void> {
  const encoding = encodingFor(request);
  const answered = new Promise<void>((resolve) => response.once('close', resolve));
  const content = await feeds.content(feed, answered);
  const representation = encoding === 'gzip' ? await feeds.gzip(feed, content) : content.identity;
  writeFeed(request, response, feed, content, representation, encoding);
}

/** A representation's headers for 200 and 304, worked out on its first answer. */
interface FeedHeaders {
  ok: Readonly<OutgoingHttpHeaders>;
  notModified: Readonly<OutgoingHttpHeaders>;
}

/** Per opened feed (its cache key, names and dates) and representation: both stay as they are. */
const headersByFeed = new WeakMap<OpenFeed, WeakMap<FeedRepresentation, FeedHeaders>>();

/**
 * Writes the answer: the same headers whether the controller or the warm path answers, the
 * security headers included (the warm path runs before helmet).
 */
export function writeFeed(
  request: IncomingMessage,
  response: ServerResponse,
  feed: OpenFeed,
  content: CachedFeed,
  representation: FeedRepresentation,
  encoding: FeedEncoding,
): void {
  const headers = headersOf(feed, representation, encoding);
  if (isNotModified(request, content, feed.lastModified)) {
    response.writeHead(304, headers.notModified).end();
    return;
  }
  response.writeHead(200, headers.ok);
  // A rendered feed arrives as one buffer of megabytes: it too goes out a chunk at a time.
  const { parts } = representation;
  if (parts.length === 1 && representation.length <= FEED_CHUNK_BYTES) response.end(parts[0]);
  else void writeInChunks(response, parts);
}

function headersOf(feed: OpenFeed, representation: FeedRepresentation, encoding: FeedEncoding): FeedHeaders {
  let byRepresentation = headersByFeed.get(feed);
  if (!byRepresentation) headersByFeed.set(feed, (byRepresentation = new WeakMap()));
  let headers = byRepresentation.get(representation);
  if (headers) return headers;
  const notModified: OutgoingHttpHeaders = {
    ...SECURITY_HEADERS,
    'Cache-Control': feed.personal ? 'private, no-cache' : 'public, no-cache',
    Vary: 'Accept-Encoding',
  };
  if (feed.lastModified) notModified['Last-Modified'] = feed.lastModified.toUTCString();
  if (feed.personal) notModified['X-Robots-Tag'] = 'noindex, nofollow';
  notModified.ETag = representation.etag;
  const ok: OutgoingHttpHeaders = {
    ...notModified,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="${feed.filename}"`,
    ...(encoding === 'gzip' ? { 'Content-Encoding': 'gzip' } : {}),
    'Content-Length': representation.length,
  };
  headers = { ok: Object.freeze(ok), notModified: Object.freeze(notModified) };
  byRepresentation.set(representation, headers);
  return headers;
}

/**
 * A big feed goes out a chunk at a time, each a moment's work for the kernel, waiting whenever the
 * socket is full: handed megabytes at once, the socket copies them on the event loop in one go.
 */
async function writeInChunks(response: ServerResponse, parts: Buffer[]): Promise<void> {
  for (const chunk of feedChunks(parts)) {
    if (response.destroyed) return;
    response.cork();
    let more = true;
    for (const part of chunk) more = response.write(part);
    response.uncork();
    if (!more) {
      await new Promise<void>((resolve) => {
        const done = () => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      });
    }
  }
  response.end();
}

const encodings = new Map<string, FeedEncoding>();

/** Negotiated as Express does, remembered per Accept-Encoding value: clients send a handful. */
export function encodingFor(request: IncomingMessage): FeedEncoding {
  const header = request.headers['accept-encoding'] ?? '';
  let encoding = encodings.get(header);
  if (!encoding) {
    encoding = new Negotiator(request).encoding(['gzip', 'identity']) === 'gzip' ? 'gzip' : 'identity';
    if (encodings.size >= 256) encodings.clear();
    encodings.set(header, encoding);
  }
  return encoding;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly and, when present, decides alone. */
function isNotModified(request: IncomingMessage, content: CachedFeed, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    // What calendar apps send: the one ETag they were given.
    if (ifNoneMatch === content.identity.etag || ifNoneMatch === content.gzip?.etag) return true;
    if (ifNoneMatch.trim() === '*') return true;
    const etags = [content.identity.etag, content.gzip?.etag];
    return ifNoneMatch.split(',').some((tag) => etags.includes(tag.trim().replace(/^W\//, '')));
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
