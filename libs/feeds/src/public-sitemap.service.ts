import { Injectable } from '@nestjs/common';
import { FeedQueries } from './feed-queries';

export interface SitemapPage {
  /** Path below PUBLIC_BASE_URL. */
  path: string;
  lastModified: Date | null;
}

/** The public calendar's pages for search engines: the calendar, each organiser's calendar and every listed event. */
@Injectable()
export class PublicSitemapService {
  constructor(private readonly queries: FeedQueries) {}

  async pages(): Promise<SitemapPage[]> {
    const [events, organisations] = await Promise.all([
      this.queries.rows({ kind: 'public', filter: {} }, null),
      this.queries.publicOrganisations(),
    ]);
    const newest = events.reduce<Date | null>(
      (latest, event) => (!latest || event.updatedAt > latest ? event.updatedAt : latest),
      null,
    );
    return [
      { path: '/calendar', lastModified: newest },
      ...organisations.map(({ code }) => ({
        path: `/calendar?organisation=${encodeURIComponent(code.toLowerCase())}`,
        lastModified: null,
      })),
      ...events.map((event) => ({ path: `/calendar/events/${event.id}`, lastModified: event.updatedAt })),
    ];
  }
}
