import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Response } from 'express';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { PublicFeedFilter } from '@app/feeds';
import { PublicProgrammeFilter, PublicProgrammeService } from '@app/public-programme';
import { toPublicFeedFilter } from '../feeds/public-feed-query.dto';
import { ApiProblems } from '../problems/api-problems.decorator';
import { newsFeed } from './news-feed';
import { NewsFeedQueryDto } from './news-feed-query.dto';
import { newsFeedUrls } from './news-feed-urls';

const FEED_SIZE = 50;

const FILTER =
  'The filter of the calendar page: kind, tag, organisation (code) and text; lang (de, en) for the texts. At most the next 50 events.';

/**
 * Upcoming public events as RSS 2.0 and Atom, per filter of the calendar page. Express answers
 * If-None-Match with 304 from the ETag of the bytes, as readers poll.
 */
// Not rate-limited, as the calendar feeds: feed readers poll, many behind one address.
@SkipThrottle()
@Public()
@ApiTags('calendar feeds')
@Controller('feeds')
export class NewsFeedsController {
  private readonly base: string;

  constructor(
    private readonly programme: PublicProgrammeService,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.base = http.publicBaseUrl;
  }

  @Get('public.rss')
  @ApiProduces('application/rss+xml')
  @ApiOperation({ summary: 'Upcoming public events as RSS 2.0.', description: FILTER })
  @ApiOkResponse({
    description: 'An RSS 2.0 document.',
    schema: { type: 'string', example: '<?xml version="1.0"?><rss version="2.0">…</rss>' },
  })
  @ApiProblems({})
  async rss(@Query() query: NewsFeedQueryDto, @Res() response: Response): Promise<void> {
    send(response, 'application/rss+xml', (await this.feed(query)).rss2());
  }

  @Get('public.atom')
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'Upcoming public events as Atom.', description: FILTER })
  @ApiOkResponse({
    description: 'An Atom 1.0 document.',
    schema: {
      type: 'string',
      example: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">…</feed>',
    },
  })
  @ApiProblems({})
  async atom(@Query() query: NewsFeedQueryDto, @Res() response: Response): Promise<void> {
    send(response, 'application/atom+xml', (await this.feed(query)).atom1());
  }

  private async feed(query: NewsFeedQueryDto) {
    const filter = upcoming(toPublicFeedFilter(query));
    const language = query.lang ?? 'de';
    const { events } = await this.programme.events(filter, 1, FEED_SIZE);
    const urls = newsFeedUrls(this.base, filter, language);
    const page = new URL(urls.rss);
    page.pathname = '/calendar';
    return newsFeed({ language, base: this.base, pageUrl: page.href, urls, events });
  }
}

/** The page's filter, for events that have not ended yet: searches too, which otherwise look through all times. */
function upcoming(filter: PublicFeedFilter): PublicProgrammeFilter {
  return {
    organisationCode: filter.organisationCode,
    kind: filter.kinds?.[0],
    tag: filter.tag,
    text: filter.q,
    from: new Date().toISOString().slice(0, 10),
  };
}

function send(response: Response, type: string, body: string): void {
  response.setHeader('Content-Type', `${type}; charset=utf-8`);
  response.setHeader('Cache-Control', 'public, no-cache');
  response.send(body);
}
