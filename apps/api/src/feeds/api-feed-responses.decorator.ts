import { applyDecorators } from '@nestjs/common';
import {
  ApiHeader,
  ApiMovedPermanentlyResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { ApiProblems } from '../problems/api-problems.decorator';

const ETAG = {
  description: 'The version of this representation; send it back as If-None-Match.',
  required: true,
  schema: { type: 'string' },
} as const;

const CACHE_HEADERS = {
  ETag: ETAG,
  'Last-Modified': {
    description: 'When an event in the feed last changed; absent for an empty feed.',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'public, no-cache (private for personal feeds): ask again each time, 304 while unchanged.',
    schema: { type: 'string' },
  },
} as const;

/**
 * The answers of an iCalendar feed: the calendar with its validators, 304 for a client whose copy
 * is current, and (for feeds by an organisation's former code) a permanent redirect.
 */
export function ApiFeedResponses(options: { redirects?: boolean; limited?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of the copy the client has.',
    }),
    ApiHeader({
      name: 'If-Modified-Since',
      required: false,
      description: 'Looked at only without If-None-Match.',
    }),
    ApiOkResponse({
      description: 'The feed, as iCalendar (RFC 5545); gzip-compressed when the client accepts it.',
      schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n' },
      headers: {
        ...CACHE_HEADERS,
        'Content-Disposition': { description: 'attachment, with the file name.', schema: { type: 'string' } },
      },
    }),
    ApiNotModifiedResponse({ description: "The client's copy is current.", headers: CACHE_HEADERS }),
    ...(options.redirects
      ? [
          ApiMovedPermanentlyResponse({
            description: "Asked by an organisation's former code: the same feed under today's code.",
            headers: {
              Location: { description: 'The feed under the current code.', schema: { type: 'string' } },
            },
          }),
        ]
      : []),
    ApiProblems({ 404: ['feed_not_found'], ...(options.limited ? { 429: ['too_many_attempts'] } : {}) }),
  );
}
