import { Controller, Get, Header, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { httpConfig } from '@app/config';
import { FeedLinks, PublicFeedFilter } from '@app/feeds';
import { EmbeddingOriginsService } from '@app/planning';
import { SignUpsService } from '@app/invitations';
import { PublicProgrammeError, PublicProgrammeFilter, PublicProgrammeService } from '@app/public-programme';
import { Language, LANGUAGES } from '@app/presentation';
import { newsFeedUrls } from '../syndication/news-feed-urls';
import { eventStructuredData } from './event-structured-data';
import { allowFraming } from './page-framing';
import { archivePage, calendarListPage, eventPage, ListHeading, notFoundPage } from './public-calendar.page';
import { pageFilterOf, PageQuery, pageNumberOf, single } from './public-calendar.query';
import { SUGGESTIONS_SCRIPT } from './search-suggestions.script';

const PAGE_SIZE = 20;
const REDIRECT_CACHE_SECONDS = 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The city's public event calendar as server-rendered HTML: works without JavaScript and with
 * screen readers; a small script of our own only adds suggestions to the search field. Query
 * parameters are read leniently, as links from elsewhere carry all sorts.
 */
@Public()
@ApiExcludeController()
@Controller('calendar')
export class PublicCalendarController {
  constructor(
    private readonly programme: PublicProgrammeService,
    private readonly links: FeedLinks,
    private readonly embedding: EmbeddingOriginsService,
    private readonly signUps: SignUpsService,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  async list(@Query() query: PageQuery, @Res() response: Response): Promise<void> {
    const language = languageOf(query);
    const filter = pageFilterOf(query);
    const heading: ListHeading = filter.text
      ? { kind: 'search' }
      : filter.from || filter.to
        ? { kind: 'range' }
        : { kind: 'upcoming' };
    const page = pageNumberOf(query);
    const [events, organisations, framingOrigins] = await Promise.all([
      this.programme.events(filter, page, PAGE_SIZE),
      this.programme.organisations(),
      filter.organisationCode ? this.embedding.originsOfCode(filter.organisationCode) : [],
    ]);
    allowFraming(response, framingOrigins);
    // A former code filters out every event, so only an empty page can need the redirect; as the feeds do.
    const currentCode =
      events.events.length === 0 && filter.organisationCode
        ? await this.programme.currentOrganisationCode(filter.organisationCode)
        : null;
    if (currentCode) {
      // Cached for a day only, so that browsers stop following it soon after another organisation took the code.
      response.setHeader('Cache-Control', `public, max-age=${REDIRECT_CACHE_SECONDS}`);
      response.redirect(
        HttpStatus.MOVED_PERMANENTLY,
        `${this.http.publicBaseUrl}${listUrl('/calendar', language, { ...filter, organisationCode: currentCode }, page)}`,
      );
      return;
    }
    response.send(
      calendarListPage({
        language,
        filter,
        heading,
        organisations,
        events: events.events,
        feed: filter.from || filter.to ? null : this.links.public(feedFilterOf(filter)),
        previousPageUrl: page > 1 ? listUrl('/calendar', language, filter, page - 1) : null,
        nextPageUrl: events.nextPage ? listUrl('/calendar', language, filter, events.nextPage) : null,
        languageUrls: inEachLanguage((other) => listUrl('/calendar', other, filter, page)),
        newsFeeds: newsFeedUrls(this.http.publicBaseUrl, filter, language),
      }),
    );
  }

  @Get('archive')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async archive(@Query() query: PageQuery, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = languageOf(query);
    allowFraming(response, []);
    return archivePage({
      language,
      months: await this.programme.archiveMonths(),
      languageUrls: inEachLanguage((other) => `/calendar/archive?lang=${other}`),
    });
  }

  @Get('archive/:year/:month')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  async archiveMonth(
    @Param('year') year: string,
    @Param('month') month: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const language = languageOf(query);
    allowFraming(response, []);
    const path = `/calendar/archive/${encodeURIComponent(year)}/${encodeURIComponent(month)}`;
    const span = monthSpan(year, month);
    if (!span) {
      response.status(404);
      return notFoundPage(
        language,
        inEachLanguage((other) => `${path}?lang=${other}`),
      );
    }
    const page = pageNumberOf(query);
    const filter: PublicProgrammeFilter = { ...pageFilterOf(query), ...span };
    const events = await this.programme.events(filter, page, PAGE_SIZE);
    return calendarListPage({
      language,
      filter,
      heading: { kind: 'month', year: Number(year), month: Number(month) },
      organisations: await this.programme.organisations(),
      events: events.events,
      feed: null,
      previousPageUrl: page > 1 ? listUrl(path, language, {}, page - 1) : null,
      nextPageUrl: events.nextPage ? listUrl(path, language, {}, events.nextPage) : null,
      languageUrls: inEachLanguage((other) => listUrl(path, other, {}, page)),
    });
  }

  @Get('suggestions.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  suggestionsScript(): string {
    return SUGGESTIONS_SCRIPT;
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
    const languageUrls = inEachLanguage(
      (other) => `/calendar/events/${encodeURIComponent(id)}?lang=${other}`,
    );
    try {
      if (!UUID.test(id)) throw PublicProgrammeError.eventNotFound(id);
      const [{ event, parts }, framingOrigins, signUps] = await Promise.all([
        this.programme.event(id.toLowerCase()),
        this.embedding.originsOfEvent(id.toLowerCase()),
        this.signUps.offers([id.toLowerCase()]),
      ]);
      allowFraming(response, framingOrigins);
      return eventPage({
        language,
        event,
        parts,
        feed: this.links.event(event.id),
        past: event.endsAt.getTime() < Date.now(),
        languageUrls,
        structuredData: eventStructuredData(event, this.links.eventPage(event.id)),
        signUp: signUps.get(event.id) ?? null,
      });
    } catch (error) {
      if (!(error instanceof PublicProgrammeError) || error.code !== 'public_event_not_found') throw error;
      allowFraming(response, []);
      response.status(404);
      return notFoundPage(language, languageUrls);
    }
  }
}

function languageOf(query: PageQuery): Language {
  const language = single(query.lang);
  return (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : 'de';
}

function inEachLanguage(url: (language: Language) => string): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, url(language)])) as Record<
    Language,
    string
  >;
}

/** The first and last day of a month as dates, for a year from 1900 to 2999; null for anything else. */
function monthSpan(year: string, month: string): { from: string; to: string } | null {
  if (!/^(19|2\d)\d\d$/.test(year) || !/^(0?[1-9]|1[0-2])$/.test(month)) return null;
  const number = Number(month);
  const lastDay = new Date(Date.UTC(Number(year), number, 0)).getUTCDate();
  const padded = String(number).padStart(2, '0');
  return { from: `${year}-${padded}-01`, to: `${year}-${padded}-${lastDay}` };
}

/** The calendar feed offered beside a list: its upcoming events, as far as a feed can filter them. */
function feedFilterOf(filter: PublicProgrammeFilter): PublicFeedFilter {
  return {
    kinds: filter.kind ? [filter.kind] : undefined,
    organisationCode: filter.organisationCode,
    tag: filter.tag,
    q: filter.text,
  };
}

function listUrl(path: string, language: Language, filter: PublicProgrammeFilter, page: number): string {
  const query = new URLSearchParams({ lang: language });
  if (filter.text) query.set('q', filter.text);
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.organisationCode) query.set('organisation', filter.organisationCode.toLowerCase());
  if (filter.partnershipId) query.set('partnership', filter.partnershipId);
  if (filter.tag) query.set('tag', filter.tag);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (page > 1) query.set('page', String(page));
  return `${path}?${query.toString()}`;
}
