import { Injectable } from '@nestjs/common';
import { PublicProgrammeQueries } from './public-programme-queries';

export interface SitemapPage {
  /** Path below PUBLIC_BASE_URL. */
  path: string;
  lastModified: Date | null;
}

/** The most addresses one sitemap file may hold (sitemaps.org). */
const SITEMAP_LIMIT = 50_000;

/** The public calendar's pages for search engines: the calendar, its archive, each organiser's calendar and every listed event. */
@Injectable()
export class PublicSitemapService {
  constructor(private readonly queries: PublicProgrammeQueries) {}

  async pages(): Promise<SitemapPage[]> {
    const [events, organisations] = await Promise.all([
      this.queries.sitemapEvents(SITEMAP_LIMIT - 2),
      this.queries.organisations(),
    ]);
    const newest = events[0]?.updatedAt ?? null;
    return [
      { path: '/calendar', lastModified: newest },
      { path: '/calendar/archive', lastModified: null },
      ...organisations.slice(0, Math.max(0, SITEMAP_LIMIT - 2 - events.length)).map(({ code }) => ({
        path: `/calendar?organisation=${encodeURIComponent(code.toLowerCase())}`,
        lastModified: null,
      })),
      ...events.map((event) => ({ path: `/calendar/events/${event.id}`, lastModified: event.updatedAt })),
    ];
  }
}
