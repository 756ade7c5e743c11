import { Controller, Get, Header, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { FeedLinks, FeedsError, PublicCalendarService, PublicFeedFilter } from '@app/feeds';
import { EmbeddingOriginsService } from '@app/planning';
import { newsFeedUrls } from '../syndication/news-feed-urls';
import { eventStructuredData } from './event-structured-data';
import { allowFraming } from './page-framing';
import { PAGE_LANGUAGES, PageLanguage } from './page-text';
import { calendarListPage, eventPage, isEventKind, notFoundPage } from './public-calendar.page';

type PageQuery = Record<string, string | string[] | undefined>;

const REDIRECT_CACHE_SECONDS = 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The city's public event calendar as server-rendered HTML: works without JavaScript and with
 * screen readers. Query parameters are read leniently, as links from elsewhere carry all sorts.
 */
@Public()
@ApiExcludeController()
@Controller('calendar')
export class PublicCalendarController {
  constructor(
    private readonly calendar: PublicCalendarService,
    private readonly links: FeedLinks,
    private readonly embedding: EmbeddingOriginsService,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async list(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    const language = languageOf(query);
    const filter = filterOf(query);
    const after = single(query.after);
    const [page, organisations, framingOrigins] = await Promise.all([
      this.calendar.upcoming(filter, after),
      this.calendar.organisations(),
      filter.organisationCode ? this.embedding.originsOfCode(filter.organisationCode) : [],
    ]);
    allowFraming(response, framingOrigins);
    // A former code filters out every event, so only an empty page can need the redirect; as the feeds do.
    const currentCode =
      page.events.length === 0 && filter.organisationCode
        ? await this.calendar.currentOrganisationCode(filter.organisationCode)
        : null;
    if (currentCode) {
      // Cached for a day only, so that browsers stop following it soon after another organisation took the code.
      response.setHeader('Cache-Control', `public, max-age=${REDIRECT_CACHE_SECONDS}`);
      const moved = { ...filter, organisationCode: currentCode };
      response.redirect(
        HttpStatus.MOVED_PERMANENTLY,
        `${this.links.calendarPage()}?${pageQuery(language, moved, after)}`,
      );
      return;
    }
    const html = calendarListPage({
      language,
      filter,
      organisations,
      events: page.events,
      feed: this.links.public(filter),
      nextPageUrl: page.next ? pageUrl(language, filter, page.next) : null,
      otherLanguageUrl: pageUrl(language === 'de' ? 'en' : 'de', filter),
      newsFeeds: newsFeedUrls(this.http.publicBaseUrl, filter, language),
    });
    response.send(html);
  }

  @Get('events/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async event(
    @Param('id') id: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const language = languageOf(query);
    const otherLanguageUrl = `/calendar/events/${encodeURIComponent(id)}?lang=${language === 'de' ? 'en' : 'de'}`;
    try {
      if (!UUID.test(id)) throw FeedsError.notFound('event', id);
      const [{ event, parts }, framingOrigins] = await Promise.all([
        this.calendar.event(id.toLowerCase()),
        this.embedding.originsOfEvent(id.toLowerCase()),
      ]);
      allowFraming(response, framingOrigins);
      return eventPage({
        language,
        event,
        parts,
        feed: this.links.event(event.id),
        otherLanguageUrl,
        structuredData: eventStructuredData(event, this.links.eventPage(event.id)),
      });
    } catch (error) {
      if (!(error instanceof FeedsError) || error.kind !== 'not_found') throw error;
      allowFraming(response, []);
      response.status(404);
      return notFoundPage(language, otherLanguageUrl);
    }
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

function languageOf(query: PageQuery): PageLanguage {
  const language = single(query.lang);
  return (PAGE_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as PageLanguage) : 'de';
}

function filterOf(query: PageQuery): PublicFeedFilter {
  const kind = single(query.kind);
  const organisation = single(query.organisation);
  const tag = single(query.tag);
  const q = single(query.q);
  return {
    kinds: kind && isEventKind(kind) ? [kind] : undefined,
    organisationCode: organisation && /^[A-Za-z0-9_-]{1,32}$/.test(organisation) ? organisation : undefined,
    tag: tag && tag.length <= 60 ? tag : undefined,
    q: q ? q.slice(0, 200) : undefined,
  };
}

function pageUrl(language: PageLanguage, filter: PublicFeedFilter, after?: string): string {
  return `/calendar?${pageQuery(language, filter, after)}`;
}

function pageQuery(language: PageLanguage, filter: PublicFeedFilter, after?: string): string {
  const query = new URLSearchParams({ lang: language });
  if (filter.q) query.set('q', filter.q);
  if (filter.kinds?.length) query.set('kind', filter.kinds[0]);
  if (filter.organisationCode) query.set('organisation', filter.organisationCode.toLowerCase());
  if (filter.tag) query.set('tag', filter.tag);
  if (after) query.set('after', after);
  return query.toString();
}
