import { Injectable } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { FeedsService, OpenFeed } from '@app/feeds';
import { encodingFor, writeFeed } from './feed-response';

/** Feed URLs remembered per process; beyond this the oldest are forgotten (and go the long way). */
const REMEMBERED_URLS = 20_000;
const PERSONAL_URL = /^\/feeds\/personal\/(pf_([a-f0-9]{16})_[A-Za-z0-9_-]{43})\.ics$/;

/**
 * Answers requests for feeds this process served a moment ago and that have not changed since
 * (FeedsService.isCurrent: the change version has not moved, the clock not far on) straight from
 * the HTTP server, before Express, Nest, request logging and validation: a calendar app asks for
 * the same feed again and again, mostly to hear 304. Everything else falls through to
 * FeedsController, which also remembers what it served here. Unknown and wrong tokens always fall
 * through, before any I/O, so they are counted and rate-limited there; the answer is written by
 * the same function with the same headers.
 */
@Injectable()
export class WarmFeeds {
  private readonly feeds = new Map<string, OpenFeed>();

  constructor(private readonly service: FeedsService) {}

  /** Called by the controller after it answered a feed request. */
  remember(request: { originalUrl: string }, feed: OpenFeed): void {
    const key = feedUrl(request.originalUrl)?.key;
    if (!key) return;
    this.feeds.delete(key);
    this.feeds.set(key, feed);
    if (this.feeds.size > REMEMBERED_URLS) this.feeds.delete(this.feeds.keys().next().value!);
  }

  /** The HTTP server's request listener in front of Express, which `next` hands over to (see configureApi). */
  readonly handle = (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url?.startsWith('/feeds/')) {
      next();
      return;
    }
    const url = feedUrl(request.url);
    const feed = url ? this.feeds.get(url.key) : undefined;
    if (!feed || (feed.personal && !(url?.token && this.service.opensWith(feed, url.token)))) {
      next();
      return;
    }
    const known = this.service.knownVersion();
    if (known !== null) {
      this.answer(feed, known, request, response, next);
      return;
    }
    this.service.version().then(
      (version) => this.answer(feed, version, request, response, next),
      () => next(),
    );
  };

  private answer(
    feed: OpenFeed,
    version: string,
    request: IncomingMessage,
    response: ServerResponse,
    next: () => void,
  ): void {
    const content = this.service.isCurrent(feed, version) ? this.service.cached(feed) : undefined;
    const encoding = encodingFor(request);
    const representation = encoding === 'gzip' ? content?.gzip : content?.identity;
    if (!content || !representation) {
      next();
      return;
    }
    writeFeed(request, response, feed, content, representation, encoding);
  }
}

/**
 * The key a feed URL is remembered under: personal feeds by their lookup id (the secret, also
 * returned, is checked on every request), others by URL. Null for a malformed personal feed URL.
 */
function feedUrl(url: string): { key: string; token?: string } | null {
  if (!url.startsWith('/feeds/personal/')) return { key: url };
  const match = PERSONAL_URL.exec(url);
  return match ? { key: `personal:${match[2]}`, token: match[1] } : null;
}
