import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { Public } from '@app/access';
import { FeedRateLimitedError, FeedsError, FeedsService, OpenFeed } from '@app/feeds';
import { ApiFeedResponses } from './api-feed-responses.decorator';
import { PublicFeedQueryDto, toPublicFeedFilter } from './public-feed-query.dto';
import { sendFeed } from './feed-response';
import { WarmFeeds } from './warm-feeds';
import { ApiProblem } from '../problems/problems';

const REDIRECT_CACHE_SECONDS = 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** iCalendar feeds for calendar apps: public ones need no key, personal ones carry a secret token. */
// Not rate-limited: calendar apps poll feeds, many behind one address; unknown tokens have their own limit.
@SkipThrottle()
@Public()
@ApiTags('calendar feeds')
@ApiProduces('text/calendar')
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly warm: WarmFeeds,
  ) {}

  @Get('public.ics')
  @ApiOperation({
    summary: 'All published public events, optionally filtered by kind, tag, organisation and text.',
    description:
      "Filtered by a code an organisation had before, it redirects (301) to the filter by today's code.",
  })
  @ApiFeedResponses({ redirects: true })
  async public(@Query() query: PublicFeedQueryDto, @Req() request: Request, @Res() response: Response) {
    const opened = await this.feeds.openPublic(toPublicFeedFilter(query));
    if ('feed' in opened) await this.send(opened.feed, request, response);
    else redirect(response, opened.movedTo);
  }

  @Get('events/:id.ics')
  @ApiOperation({ summary: 'One public event with its public parts (workshops, sessions, legs).' })
  @ApiFeedResponses()
  async event(@Param('id') id: string, @Req() request: Request, @Res() response: Response) {
    if (!UUID.test(id)) throw FeedsError.feedNotFound();
    const feed = await this.feeds.open({ kind: 'event', eventId: id.toLowerCase() });
    await this.send(feed, request, response);
  }

  @Get('organisations/:code.ics')
  @ApiOperation({
    summary: "An organisation's public events (hosted or co-hosted), by its code.",
    description:
      "A code the organisation had before redirects permanently (301) to the feed under today's code.",
  })
  @ApiFeedResponses({ redirects: true })
  async organisation(@Param('code') code: string, @Req() request: Request, @Res() response: Response) {
    if (!/^[a-z0-9_-]{1,32}$/i.test(code)) throw FeedsError.feedNotFound();
    const opened = await this.feeds.openOrganisation(code);
    if ('feed' in opened) await this.send(opened.feed, request, response);
    else redirect(response, opened.movedTo);
  }

  @Get('partnerships/:id.ics')
  @ApiOperation({ summary: "A partnership's public events." })
  @ApiFeedResponses()
  async partnership(@Param('id') id: string, @Req() request: Request, @Res() response: Response) {
    if (!UUID.test(id)) throw FeedsError.feedNotFound();
    const feed = await this.feeds.open({ kind: 'partnership', partnershipId: id.toLowerCase() });
    await this.send(feed, request, response);
  }

  @Get('personal/:token.ics')
  @ApiOperation({
    summary: "A person's programme: invited events not declined, their workshops and travel legs.",
    description: 'Unknown and revoked tokens give 404; too many unknown tokens from one address give 429.',
  })
  @ApiFeedResponses({ limited: true })
  async personal(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    try {
      const feed = await this.feeds.openPersonal(token, request.ip ?? 'unknown');
      await this.send(feed, request, response);
    } catch (error) {
      if (!(error instanceof FeedRateLimitedError)) throw error;
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, 'too_many_attempts', error.message);
    }
  }

  private async send(feed: OpenFeed, request: Request, response: Response): Promise<void> {
    await sendFeed(this.feeds, feed, request, response);
    this.warm.remember(request, feed);
  }
}

/** A feed asked for by an organisation's former code: moved for good, to its current code. */
function redirect(response: Response, url: string): void {
  // Cached for a day only, so that a client stops following it soon after another organisation took the code.
  response.setHeader('Cache-Control', `public, max-age=${REDIRECT_CACHE_SECONDS}`);
  response.redirect(HttpStatus.MOVED_PERMANENTLY, url);
}
