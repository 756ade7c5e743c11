import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { PublicEvent, PublicProgrammeFilter, PublicProgrammeService } from '@app/public-programme';
import {
  DEFAULT_PAGE_SIZE,
  PublicEventsPageView,
  PublicEventsQueryDto,
  PublicEventView,
  SuggestionsQueryDto,
  SuggestionsView,
} from './public-events.dto';
import { ApiProblems } from '../problems/api-problems.decorator';

/**
 * The public programme as open data, for a city's website, apps and other channels. Any origin
 * may read it (CORS); Express answers a repeated request with 304 when its weak ETag matches.
 */
@Public()
@ApiTags('public programme')
@Controller('public')
export class PublicEventsController {
  private readonly base: string;

  constructor(
    private readonly programme: PublicProgrammeService,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.base = http.publicBaseUrl;
  }

  @Get('events.json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Expose-Headers', 'ETag')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary: 'Published public events, filtered and searched as on the calendar page, a page at a time.',
    description:
      'Without from and to: events not yet ended, by start. With a date range: the events in it (the archive). ' +
      'Top-level events only, unless q or kind is given. With q: best matches first. Follow links.next for ' +
      'the next page. Send If-None-Match with the ETag to get 304 when nothing changed.',
  })
  @ApiOkResponse({ type: PublicEventsPageView })
  @ApiResponse({ status: 304, description: 'Not modified: the ETag in If-None-Match still holds.' })
  @ApiProblems({ 400: ['date_range_reversed'] })
  async list(@Query() query: PublicEventsQueryDto): Promise<PublicEventsPageView> {
    const filter: PublicProgrammeFilter = {
      organisationCode: query.organisation,
      partnershipId: query.partnership?.toLowerCase(),
      kind: query.kind,
      tag: query.tag,
      text: query.q?.trim() || undefined,
      from: query.from,
      to: query.to,
    };
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const page = await this.programme.events(filter, query.page ?? 1, pageSize);
    return {
      events: page.events.map((event) => this.view(event)),
      page: page.page,
      pageSize,
      links: {
        self: this.pageLink(query, page.page),
        next: page.nextPage ? this.pageLink(query, page.nextPage) : null,
      },
    };
  }

  @Get('events/suggestions.json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary: 'Titles of the best matches for what has been typed so far, for search suggestions.',
  })
  @ApiOkResponse({ type: SuggestionsView })
  @ApiProblems({})
  async suggestions(@Query() query: SuggestionsQueryDto): Promise<SuggestionsView> {
    return { suggestions: await this.programme.suggestions(query.q) };
  }

  private view(event: PublicEvent): PublicEventView {
    return {
      id: event.id,
      kind: event.kind,
      title: event.title,
      description: event.description,
      startsAt: event.startsAt.toISOString(),
      startZone: event.startZone,
      endsAt: event.endsAt.toISOString(),
      endZone: event.endZone,
      allDay: event.allDay,
      status: event.status,
      venue: {
        name: event.venueName,
        address: event.venueAddress,
        latitude: event.venueLatitude,
        longitude: event.venueLongitude,
      },
      onlineUrl: event.onlineUrl,
      tags: event.tags,
      host: { code: event.hostCode, name: event.hostName },
      parentId: event.parentId,
      url: `${this.base}/calendar/events/${event.id}`,
    };
  }

  private pageLink(query: PublicEventsQueryDto, page: number): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && name !== 'page') search.set(name, String(value));
    }
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return `${this.base}/public/events.json${text ? `?${text}` : ''}`;
  }
}
