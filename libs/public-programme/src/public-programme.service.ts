import { Injectable } from '@nestjs/common';
import { ChangeVersion, VersionedMemo } from '@app/database';
import { PublicProgrammeFilter } from './public-programme-filter';
import { ArchiveMonth, PublicEvent, PublicProgrammeQueries } from './public-programme-queries';
import { PublicProgrammeError } from './public-programme.error';

export interface PublicEventPage {
  events: PublicEvent[];
  page: number;
  /** The number of the next page; null on the last one. */
  nextPage: number | null;
}

/** Pages beyond this are refused: nobody reads them, and deep offsets cost every row before them. */
export const MAX_PAGE = 500;
export const MAX_PAGE_SIZE = 100;
const SUGGESTIONS = 8;
/** Search pages this process keeps; beyond this it starts afresh. About 20 KB each. */
const REMEMBERED_SEARCHES = 500;

/** What the public may see of the programme: lists, search, the archive and an event's page. */
@Injectable()
export class PublicProgrammeService {
  /**
   * The rows of searches already answered. A search looks through all times, so its answer
   * changes only with the programme, which moves the change version; lists without a search
   * depend on the clock (events not yet ended) and are read each time.
   */
  private readonly searches = new VersionedMemo<PublicEvent[]>(REMEMBERED_SEARCHES);

  constructor(
    private readonly queries: PublicProgrammeQueries,
    private readonly changes: ChangeVersion,
  ) {}

  async events(filter: PublicProgrammeFilter, page: number, pageSize: number): Promise<PublicEventPage> {
    if (filter.from && filter.to && filter.to < filter.from) {
      throw PublicProgrammeError.dateRangeReversed(filter.from, filter.to);
    }
    const rows = await this.rows(filter, (page - 1) * pageSize, pageSize + 1);
    const hasMore = rows.length > pageSize && page < MAX_PAGE;
    return { events: rows.slice(0, pageSize), page, nextPage: hasMore ? page + 1 : null };
  }

  /** Titles of the best matches for what has been typed so far, for a search field's suggestions. */
  async suggestions(text: string): Promise<string[]> {
    const rows = text.trim() ? await this.rows({ text }, 0, SUGGESTIONS * 2) : [];
    return [...new Set(rows.map((row) => row.title))].slice(0, SUGGESTIONS);
  }

  private async rows(filter: PublicProgrammeFilter, offset: number, limit: number): Promise<PublicEvent[]> {
    if (!filter.text) return this.queries.list(filter, offset, limit);
    const version = await this.changes.current();
    const key = JSON.stringify([filter, offset, limit]);
    const kept = this.searches.get(key, version);
    if (kept) return kept;
    const rows = await this.queries.list(filter, offset, limit);
    this.searches.set(key, version, rows);
    return rows;
  }

  /** The event, past or upcoming, and its public parts; not found unless the public may see it. */
  async event(eventId: string): Promise<{ event: PublicEvent; parts: PublicEvent[] }> {
    const [event, ...parts] = await this.queries.eventWithParts(eventId);
    if (!event) throw PublicProgrammeError.eventNotFound(eventId);
    return { event, parts };
  }

  archiveMonths(): Promise<ArchiveMonth[]> {
    return this.queries.archiveMonths();
  }

  organisations(): Promise<Array<{ code: string; name: string }>> {
    return this.queries.organisations();
  }

  /**
   * The code an organisation holds now, when `code` is one it had before; null for a code somebody
   * holds or nobody ever had.
   */
  currentOrganisationCode(code: string): Promise<string | null> {
    return this.queries.currentOrganisationCode(code);
  }
}
