import { Request, Response } from 'express';
import Negotiator from 'negotiator';
import { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CachedFeed, FeedEncoding, feedChunks, FeedRepresentation, FeedsService, OpenFeed } from '@app/feeds';
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
  const content = await feeds.content(feed);
  const representation = encoding === 'gzip' ? await feeds.gzip(feed, content) : content.identity;
  writeFeed(request, response, feed, content, representation, encoding);
}

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
  const headers: OutgoingHttpHeaders = {
    ...SECURITY_HEADERS,
    'Cache-Control': feed.personal ? 'private, no-cache' : 'public, no-cache',
    Vary: 'Accept-Encoding',
  };
  if (feed.lastModified) headers['Last-Modified'] = lastModifiedText(feed.lastModified);
  if (feed.personal) headers['X-Robots-Tag'] = 'noindex, nofollow';
  headers.ETag = representation.etag;
  if (isNotModified(request, content, feed.lastModified)) {
    response.writeHead(304, headers).end();
    return;
  }
  headers['Content-Type'] = 'text/calendar; charset=utf-8';
  headers['Content-Disposition'] = `attachment; filename="${feed.filename}"`;
  if (encoding === 'gzip') headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = representation.length;
  response.writeHead(200, headers);
  if (representation.parts.length === 1) response.end(representation.parts[0]);
  else void writeInChunks(response, representation.parts);
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

const lastModifiedTexts = new WeakMap<Date, string>();

function lastModifiedText(date: Date): string {
  let text = lastModifiedTexts.get(date);
  if (!text) lastModifiedTexts.set(date, (text = date.toUTCString()));
  return text;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly and, when present, decides alone. */
function isNotModified(request: IncomingMessage, content: CachedFeed, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    if (ifNoneMatch.trim() === '*') return true;
    const etags = [content.identity.etag, content.gzip?.etag];
    return ifNoneMatch.split(',').some((tag) => etags.includes(tag.trim().replace(/^W\//, '')));
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (!ifModifiedSince || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
