import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarEvent } from '@app/calendar';
import { publiclyListed } from '@app/planning';
import { DataSource } from 'typeorm';
import { includesParts, PublicProgrammeFilter } from './public-programme-filter';
import { searchWords } from './search-words';

/** An event as the public calendar and the JSON API show it. */
export interface PublicEvent extends CalendarEvent {
  hostName: string;
  hostCode: string;
  parentId: string | null;
  /** Where the event started, in that zone, before it was last moved in public; else null. */
  previousStartsAt: Date | null;
  previousStartZone: string | null;
}

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
}

const EVENT_COLUMNS = `e.id, e.kind, e.title, e.description, e.starts_at AS "startsAt", e.start_zone AS "startZone",
  e.ends_at AS "endsAt", e.end_zone AS "endZone", e.all_day AS "allDay", e.venue_name AS "venueName",
  e.venue_address AS "venueAddress", e.venue_latitude::float8 AS "venueLatitude",
  e.venue_longitude::float8 AS "venueLongitude", e.online_url AS "onlineUrl", e.status, e.tags, e.sequence,
  e.created_at AS "createdAt", e.updated_at AS "updatedAt", o.name AS "hostName", o.code AS "hostCode",
  e.parent_id AS "parentId", e.previous_starts_at AS "previousStartsAt", e.previous_start_zone AS "previousStartZone"`;

/** A local time is at most this far from UTC: bounds on the instant let the start index narrow a local range. */
const ZONE_MARGIN = "interval '15 hours'";

/** Collects positional parameters while a statement is written. */
class Statement {
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** A search as the database runs it: tsqueries to match and to rank by. */
interface SearchQuery {
  /**
   * Every word (as typed, or a word of the index it resembles) must match; events where they stand
   * close together rank first (cover density). Null when a word matches no word of the index.
   */
  match: string | null;
  /** Any word as typed: events with more of them, in weightier places, first. */
  anyTyped: string;
}

/** Words shorter than this or made of digits only are not looked up by resemblance: too many look alike. */
const MIN_RESEMBLING_LENGTH = 4;
const RESEMBLING_WORDS = 4;
/**
 * How alike a word of the index must be: by trigram similarity (Morogoor, Delegatoinsbesuch: 0.55
 * and more), or as a part of it (Konferenz in Auftaktkonferenz: 0.8, counted 0.2 less). pg_trgm's
 * own thresholds (0.3 and 0.6) pick the candidates by index; at 0.3 Olsberg would stand for Arnsberg.
 */
const MIN_RESEMBLANCE = 0.5;
/**
 * A typed word stands for the words of the index it begins, listed (Morogor: morogoro) rather than
 * as a prefix (morogor:*), when they are at most this many: the GIN index looks listed words up by
 * key and intersects them cheaply, while a prefix makes it gather every entry it covers into a
 * bitmap first (Wärmeplanung Hamm: 42 ms against 2 ms at 100,000 events). A short prefix that
 * begins more words stays a prefix.
 */
const MAX_COMPLETIONS = 32;

/**
 * The public programme's read model: published public events (and cancelled ones, marked), at
 * any time, none of whose enclosing events is internal or a draft. Reads planning's tables on
 * purpose, as the feeds do, so that a list or a search is one statement (docs/public-calendar.md).
 */
@Injectable()
export class PublicProgrammeQueries {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  /** A page of events: best matches first for a search, else by start. */
  async list(filter: PublicProgrammeFilter, offset: number, limit: number): Promise<PublicEvent[]> {
    const statement = new Statement();
    const search = filter.text ? await this.searchQuery(filter.text) : null;
    // Punctuation or stop words alone ("und", "--"), or a word in no event: nothing found.
    if (filter.text && !search?.match) return [];
    if (!search) {
      return this.database.query(
        `SELECT ${EVENT_COLUMNS} FROM events e JOIN organisations o ON o.id = e.host_organisation_id
         WHERE ${this.conditions(statement, filter)}
         ORDER BY e.starts_at, e.id OFFSET ${statement.param(offset)} LIMIT ${statement.param(limit)}`,
        statement.params,
      );
    }
    // Matching, filters, ranking and the page happen in the search index (docs/public-calendar.md,
    // "Speed"); only the page's events are read from planning's tables.
    const page = this.searchPage(statement, search, filter, offset, limit);
    return this.database.query(
      `SELECT ${EVENT_COLUMNS} FROM ${page} WITH ORDINALITY AS p(event_id, position)
       JOIN events e ON e.id = p.event_id JOIN organisations o ON o.id = e.host_organisation_id
       ORDER BY p.position`,
      statement.params,
    );
  }

  /** The event, whenever it is, if the public may see it; then its public parts at every depth, by start. */
  async eventWithParts(eventId: string): Promise<PublicEvent[]> {
    const statement = new Statement();
    const id = statement.param(eventId);
    return this.database.query(
      `WITH RECURSIVE tree AS (
         SELECT r.id, 0 AS depth FROM events r WHERE r.id = ${id} AND ${publiclyListed('r')}
         UNION ALL
         SELECT c.id, t.depth + 1 FROM events c JOIN tree t ON c.parent_id = t.id
         WHERE ${publiclyListed('c', false)} AND t.depth < 32)
       SELECT ${EVENT_COLUMNS} FROM tree JOIN events e ON e.id = tree.id
       JOIN organisations o ON o.id = e.host_organisation_id
       ORDER BY tree.depth > 0, e.starts_at, e.ends_at DESC, e.id`,
      statement.params,
    );
  }

  /** Months with past top-level events, newest first. */
  archiveMonths(): Promise<ArchiveMonth[]> {
    return this.database.query(
      `SELECT extract(year FROM local_start)::int AS year, extract(month FROM local_start)::int AS month,
         count(*)::int AS count
       FROM (SELECT e.starts_at AT TIME ZONE e.start_zone AS local_start FROM events e
             WHERE e.parent_id IS NULL AND e.ends_at < now() AND ${publiclyListed('e', false)}) past
       GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC`,
      [],
    );
  }

  /** Organisations hosting public events, for the filter. */
  organisations(): Promise<Array<{ code: string; name: string }>> {
    return this.database.query(
      `SELECT o.code, o.name FROM organisations o
       WHERE EXISTS (SELECT 1 FROM events e WHERE e.host_organisation_id = o.id AND ${publiclyListed('e', false)})
       ORDER BY o.name`,
      [],
    );
  }

  /** The code of the organisation that had `formerCode` before, if any. */
  async currentOrganisationCode(formerCode: string): Promise<string | null> {
    const rows = await this.database.query<Array<{ code: string }>>(
      `SELECT o.code FROM organisation_former_codes f JOIN organisations o ON o.id = f.organisation_id
       WHERE f.code = $1`,
      [formerCode.toUpperCase()],
    );
    return rows[0]?.code ?? null;
  }

  /**
   * Each word folded (ae for ä …) and stemmed as German, as a prefix, or else any word of the index
   * that resembles it by trigrams (a typo, or a part of a compound: Konferenz in Auftaktkonferenz).
   * The prefix is spelt out as the words of the index it begins (see MAX_COMPLETIONS): the index's
   * vocabulary holds every word of every document, so both match the same events. Stop words drop
   * out. Null when no word is left; `match` is null when a word matches nothing.
   */
  private async searchQuery(text: string): Promise<SearchQuery | null> {
    const words = searchWords(text);
    if (words.length === 0) return null;
    const rows = await this.database.query<
      Array<{ typed: string; completions: string[] | null; resembling: string[] }>
    >(
      `SELECT q::text AS typed,
         CASE WHEN numnode(q) = 1 AND p.like_prefix IS NOT NULL THEN (
           SELECT CASE WHEN count(*) <= $5 THEN coalesce(array_agg(c.lexeme), '{}') END FROM (
             SELECT quote_literal(l.lexeme) AS lexeme FROM public_search_lexemes l
             WHERE l.lexeme LIKE p.like_prefix || '%' AND array_to_tsvector(ARRAY[l.lexeme]) @@ q
             LIMIT $5 + 1) c) END AS completions,
         ARRAY(SELECT quote_literal(l.lexeme) FROM public_search_lexemes l
               WHERE length(f.folded) >= $2 AND f.folded !~ '^[0-9]+$'
                 AND (l.lexeme % f.folded OR l.lexeme %> f.folded)
                 AND greatest(similarity(f.folded, l.lexeme), word_similarity(f.folded, l.lexeme) - 0.2) >= $4
               ORDER BY word_similarity(f.folded, l.lexeme) DESC, l.lexeme LIMIT $3) AS resembling
       FROM unnest($1::text[]) WITH ORDINALITY AS w(word, position)
       CROSS JOIN LATERAL (SELECT public_search_fold(w.word) AS folded) f
       CROSS JOIN LATERAL (SELECT to_tsquery('german', quote_literal(f.folded) || ':*') AS q) t
       LEFT JOIN LATERAL (
         SELECT replace(replace(replace(stem[1], '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS like_prefix
         FROM (SELECT tsvector_to_array(to_tsvector('german', f.folded)) AS stem) s
         WHERE cardinality(stem) = 1) p ON true
       WHERE numnode(q) > 0
       ORDER BY w.position`,
      [words, MIN_RESEMBLING_LENGTH, RESEMBLING_WORDS, MIN_RESEMBLANCE, MAX_COMPLETIONS],
    );
    if (rows.length === 0) return null;
    const alternatives = rows.map((row) => [
      ...new Set([...(row.completions ?? [`(${row.typed})`]), ...row.resembling]),
    ]);
    return {
      match: alternatives.some((words) => words.length === 0)
        ? null
        : alternatives.map((words) => `(${words.join(' | ')})`).join(' & '),
      anyTyped: rows.map((row) => `(${row.typed})`).join(' | '),
    };
  }

  /** The call of `public_event_search_page` for a search with its filters (migration PublicEventSearchSpeed). */
  private searchPage(
    statement: Statement,
    search: SearchQuery,
    filter: PublicProgrammeFilter,
    offset: number,
    limit: number,
  ): string {
    const argument = (value: unknown, type: string) => `${statement.param(value ?? null)}::${type}`;
    return `public_event_search_page(${[
      argument(search.match, 'tsquery'),
      argument(search.anyTyped, 'tsquery'),
      argument(includesParts(filter), 'boolean'),
      argument(filter.kind, 'text'),
      argument(filter.tag?.toLowerCase(), 'text'),
      argument(filter.partnershipId, 'uuid'),
      argument(filter.organisationCode?.toUpperCase(), 'text'),
      argument(filter.from, 'date'),
      argument(filter.to, 'date'),
      argument(offset, 'integer'),
      argument(limit, 'integer'),
    ].join(', ')})`;
  }

  private conditions(statement: Statement, filter: PublicProgrammeFilter): string {
    const conditions = [publiclyListed('e')];
    if (!includesParts(filter)) conditions.push('e.parent_id IS NULL');
    if (filter.kind) conditions.push(`e.kind = ${statement.param(filter.kind)}`);
    if (filter.tag) conditions.push(`${statement.param(filter.tag.toLowerCase())} = ANY(e.tags)`);
    if (filter.partnershipId) conditions.push(`e.partnership_id = ${statement.param(filter.partnershipId)}`);
    if (filter.organisationCode) {
      const code = statement.param(filter.organisationCode.toUpperCase());
      conditions.push(`(o.code = ${code} OR EXISTS (
        SELECT 1 FROM event_co_hosts c JOIN organisations co ON co.id = c.organisation_id
        WHERE c.event_id = e.id AND co.code = ${code}))`);
    }
    if (filter.from) {
      const from = statement.param(filter.from);
      conditions.push(`e.ends_at >= ${from}::date - ${ZONE_MARGIN}
        AND (e.ends_at AT TIME ZONE e.end_zone) >= ${from}::date`);
    }
    if (filter.to) {
      const dayAfter = `(${statement.param(filter.to)}::date + 1)`;
      conditions.push(`e.starts_at < ${dayAfter} + ${ZONE_MARGIN}
        AND (e.starts_at AT TIME ZONE e.start_zone) < ${dayAfter}`);
    }
    if (!filter.from && !filter.to) conditions.push('e.ends_at >= now()');
    return conditions.join(' AND ');
  }

  /**
   * Every event the public may see, past and coming, recently changed first: at most `limit`, as a
   * sitemap holds 50,000 addresses.
   */
  sitemapEvents(limit: number): Promise<Array<{ id: string; updatedAt: Date }>> {
    return this.database.query(
      `SELECT e.id, e.updated_at AS "updatedAt" FROM events e WHERE ${publiclyListed('e')}
       ORDER BY e.updated_at DESC, e.id LIMIT $1`,
      [limit],
    );
  }
}
