import { Request, Response } from 'express';
import { FeedsService, FeedValidators, OpenFeed } from '@app/feeds';

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
  const encoding = request.acceptsEncodings(['gzip', 'identity']) === 'gzip' ? 'gzip' : 'identity';
  response.setHeader('Cache-Control', feed.personal ? 'private, no-cache' : 'public, no-cache');
  response.setHeader('Vary', 'Accept-Encoding');
  if (feed.lastModified) response.setHeader('Last-Modified', feed.lastModified.toUTCString());
  if (feed.personal) response.setHeader('X-Robots-Tag', 'noindex, nofollow');

  if (request.headers['if-none-match'] || request.headers['if-modified-since']) {
    const validators = await feeds.validators(feed);
    if (isNotModified(request, validators, feed.lastModified)) {
      response.setHeader('ETag', (encoding === 'gzip' && validators.gzipEtag) || validators.etag);
      response.status(304).end();
      return;
    }
  }

  const content = await feeds.content(feed, encoding);
  response.setHeader('ETag', content.etag);
  response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${feed.filename}"`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (encoding === 'gzip') response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', content.body.length);
  response.status(200).end(content.body);
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly and, when present, decides alone. */
function isNotModified(request: Request, validators: FeedValidators, lastModified: Date | null): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    if (ifNoneMatch.trim() === '*') return true;
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return (
      tags.includes(validators.etag) || (validators.gzipEtag !== null && tags.includes(validators.gzipEtag))
    );
  }
  const ifModifiedSince = Date.parse(request.headers['if-modified-since'] ?? '');
  if (Number.isNaN(ifModifiedSince) || !lastModified) return false;
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}
