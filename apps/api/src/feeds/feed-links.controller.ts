import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { FeedLinks, FeedsService } from '@app/feeds';
import { EventsService, OrganisationsService, PartnershipsService } from '@app/planning';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import {
  EventFeedLinkView,
  OrganisationFeedLinkView,
  PartnershipFeedLinkView,
  PublicFeedLinkView,
} from './feed-link.view';
import { PublicFeedQueryDto, toPublicFeedFilter } from './public-feed-query.dto';

/** Where the public feeds of events, organisations and partnerships are, as https and webcal URLs. */
@ApiTags('calendar feeds')
@ApiKeyAuth()
@Controller()
export class FeedLinksController {
  constructor(
    private readonly links: FeedLinks,
    private readonly feeds: FeedsService,
    private readonly events: EventsService,
    private readonly organisations: OrganisationsService,
    private readonly partnerships: PartnershipsService,
  ) {}

  @Get('events/:id/feed')
  @ApiOperation({
    summary: 'Feed URLs of an event with its public parts.',
    description:
      '`listed` says whether the feed shows the event now (only published or cancelled public events).',
  })
  @ApiOkResponse({ type: EventFeedLinkView })
  @ApiProblems({ 404: ['event_not_found'] })
  async event(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    await this.events.get(actor, id);
    return {
      eventId: id,
      listed: await this.feeds.exists({ kind: 'event', eventId: id }),
      ...this.links.event(id),
      page: this.links.eventPage(id),
    };
  }

  @Get('organisations/:id/feed')
  @ApiOperation({ summary: "Feed URLs of an organisation's public events." })
  @ApiOkResponse({ type: OrganisationFeedLinkView })
  @ApiProblems({ 404: ['organisation_not_found'] })
  async organisation(@IdParam() id: string) {
    const organisation = await this.organisations.get(id);
    return { organisationId: id, code: organisation.code, ...this.links.organisation(organisation.code) };
  }

  @Get('partnerships/:id/feed')
  @ApiOperation({ summary: "Feed URLs of a partnership's public events." })
  @ApiOkResponse({ type: PartnershipFeedLinkView })
  @ApiProblems({ 404: ['partnership_not_found'] })
  async partnership(@IdParam() id: string) {
    await this.partnerships.get(id);
    return { partnershipId: id, ...this.links.partnership(id) };
  }

  @Get('feeds/public')
  @ApiOperation({ summary: 'Feed URLs of the public calendar, with the same filters as the feed itself.' })
  @ApiOkResponse({ type: PublicFeedLinkView })
  @ApiProblems({})
  publicFeed(@Query() query: PublicFeedQueryDto) {
    return { ...this.links.public(toPublicFeedFilter(query)), page: this.links.calendarPage() };
  }
}
