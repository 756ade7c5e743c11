import { Injectable } from '@nestjs/common';
import { FeedQueries, FeedRow } from './feed-queries';
import { PublicFeedFilter } from './feed-scope';
import { FeedsError } from './feeds.error';

const PAGE_SIZE = 50;

export interface PublicEventPage {
  events: FeedRow[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

/** What the public calendar page shows: published public events, nothing internal or drafted. */
@Injectable()
export class PublicCalendarService {
  constructor(private readonly queries: FeedQueries) {}

  async upcoming(filter: PublicFeedFilter, after?: string): Promise<PublicEventPage> {
    const rows = await this.queries.upcoming(filter, PAGE_SIZE + 1, after ? decodeCursor(after) : undefined);
    const events = rows.slice(0, PAGE_SIZE);
    const last = events[events.length - 1];
    return {
      events,
      next: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null,
    };
  }

  /**
   * The code an organisation holds now, when `code` is one it had before; null for a code somebody
   * holds or nobody ever had.
   */
  currentOrganisationCode(code: string): Promise<string | null> {
    return this.queries.currentOrganisationCode(code);
  }

  organisations(): Promise<Array<{ code: string; name: string }>> {
    return this.queries.publicOrganisations();
  }

  /** The event and its public parts, first the event itself; not found unless it is listed. */
  async event(eventId: string): Promise<{ event: FeedRow; parts: FeedRow[] }> {
    const rows = await this.queries.rows({ kind: 'event', eventId }, null);
    const event = rows.find((row) => row.id === eventId);
    if (!event) throw FeedsError.notFound('event', eventId);
    return { event, parts: rows.filter((row) => row.id !== eventId) };
  }
}

function encodeCursor(row: FeedRow): string {
  return Buffer.from(JSON.stringify([row.startsAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: Date; id: string } | undefined {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(startsAt));
    const uuid = /^[0-9a-f-]{36}$/i;
    return typeof id === 'string' && uuid.test(id) && !Number.isNaN(date.getTime())
      ? { startsAt: date, id }
      : undefined;
  } catch {
    return undefined;
  }
}
