import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What changes an event's entry in the search index: its words, the year it starts in, and since
 * this migration the filters and ordering a search applies (kind, times, parent, visibility, status,
 * partnership). A change of visibility, status or parent reaches the event's parts as well.
 */
const INDEXED_EVENT_COLUMNS = [
  'title',
  'description',
  'venue_name',
  'venue_address',
  'tags',
  'host_organisation_id',
  'starts_at',
  'start_zone',
  'ends_at',
  'end_zone',
  'kind',
  'parent_id',
  'visibility',
  'status',
  'partnership_id',
];
const RELEASED_INDEXED_EVENT_COLUMNS = INDEXED_EVENT_COLUMNS.slice(0, 8);

/**
 * How many candidates a search ranks at most: for a word found in very many events, the newest
 * top-level matches are ranked and the rest follow, newest first. Ranking costs per candidate: on
 * the benchmark's 100,000 events, with four searches at once for a word in 8,787 of them, ranking
 * 1,000 candidates took a p50 of 53 ms, 200 took 32 ms, and finding the matches alone 25 ms. Ten
 * pages of twenty are ranked; people rarely look further.
 */
const RANKED_CANDIDATES = 200;

/**
 * Speeds up the public programme's search at 100,000 events (issue 12's speed bar; figures in
 * docs/benchmarks.md). Each entry of `public_event_search` also holds what a search filters and
 * orders by (whether the public may see the event, top level, kind, times, hosts, partnership,
 * tags) and a small `heading` vector (everything but the description) to rank by, so that
 * matching, filtering, ranking and the page's LIMIT happen in one pass over the index table; only
 * the page's events are then read from `events`. The migration 1795271000000-PublicEventSearch
 * created the table, its triggers and functions; this one extends them.
 */
export class PublicEventSearchSpeed1795277000000 implements MigrationInterface {
  name = 'PublicEventSearchSpeed1795277000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "public_event_search"
      ADD COLUMN "heading" tsvector, ADD COLUMN "listed" boolean, ADD COLUMN "top_level" boolean,
      ADD COLUMN "kind" character varying(32), ADD COLUMN "starts_at" TIMESTAMP WITH TIME ZONE,
      ADD COLUMN "start_zone" character varying(64), ADD COLUMN "ends_at" TIMESTAMP WITH TIME ZONE,
      ADD COLUMN "end_zone" character varying(64), ADD COLUMN "organisation_ids" uuid array,
      ADD COLUMN "partnership_id" uuid, ADD COLUMN "tags" text array`);
    // `listed` is what the public may see: public, published or cancelled, and no enclosing event
    // internal or a draft; so a change of an event is carried to its parts at every depth.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refresh_public_event_search(event_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        WITH RECURSIVE affected AS (
          SELECT id FROM unnest(event_ids) AS id
          UNION
          SELECT c.id FROM events c JOIN affected a ON c.parent_id = a.id)
        INSERT INTO public_event_search (event_id, document, heading, listed, top_level, kind, starts_at,
          start_zone, ends_at, end_zone, organisation_ids, partnership_id, tags)
        SELECT e.id, words.heading || words.description, words.heading,
          e.visibility = 'public' AND e.status IN ('published', 'cancelled') AND (e.parent_id IS NULL OR NOT EXISTS (
            WITH RECURSIVE ancestors AS (
              SELECT a.parent_id, a.visibility, a.status FROM events a WHERE a.id = e.parent_id
              UNION ALL
              SELECT a.parent_id, a.visibility, a.status FROM events a JOIN ancestors x ON a.id = x.parent_id)
            SELECT 1 FROM ancestors WHERE visibility <> 'public' OR status = 'draft')),
          e.parent_id IS NULL, e.kind, e.starts_at, e.start_zone, e.ends_at, e.end_zone,
          e.host_organisation_id || co.ids, e.partnership_id, e.tags
        FROM affected
        JOIN events e ON e.id = affected.id
        JOIN organisations o ON o.id = e.host_organisation_id
        CROSS JOIN LATERAL (
          SELECT string_agg(c.name || ' ' || c.code, ' ') AS names, array_remove(array_agg(c.id), NULL) AS ids
          FROM event_co_hosts h JOIN organisations c ON c.id = h.organisation_id
          WHERE h.event_id = e.id) co
        CROSS JOIN LATERAL (SELECT
            setweight(to_tsvector('german', public_search_fold(e.title)), 'A')
            || setweight(to_tsvector('german', public_search_fold(
                 concat_ws(' ', array_to_string(e.tags, ' '), o.name, o.code, co.names))), 'B')
            || setweight(to_tsvector('german', public_search_fold(concat_ws(' ', e.venue_name, e.venue_address,
                 extract(year FROM e.starts_at AT TIME ZONE e.start_zone)::int))), 'C') AS heading,
            setweight(to_tsvector('german', public_search_fold(e.description)), 'D') AS description) words
        ON CONFLICT (event_id) DO UPDATE SET document = excluded.document, heading = excluded.heading,
          listed = excluded.listed, top_level = excluded.top_level, kind = excluded.kind,
          starts_at = excluded.starts_at, start_zone = excluded.start_zone, ends_at = excluded.ends_at,
          end_zone = excluded.end_zone, organisation_ids = excluded.organisation_ids,
          partnership_id = excluded.partnership_id, tags = excluded.tags;
        INSERT INTO public_search_lexemes (lexeme)
        SELECT DISTINCT word.lexeme FROM public_event_search s CROSS JOIN LATERAL unnest(s.document) AS word
        WHERE s.event_id = ANY(event_ids)
        ON CONFLICT (lexeme) DO NOTHING;
      $$`);
    await queryRunner.query(eventsUpdatedFunction(INDEXED_EVENT_COLUMNS));
    await queryRunner.query(`SELECT refresh_public_event_search(ARRAY(SELECT id FROM events))`);
    await queryRunner.query(`ALTER TABLE "public_event_search"
      ALTER COLUMN "heading" SET NOT NULL, ALTER COLUMN "listed" SET NOT NULL, ALTER COLUMN "top_level" SET NOT NULL,
      ALTER COLUMN "kind" SET NOT NULL, ALTER COLUMN "starts_at" SET NOT NULL, ALTER COLUMN "start_zone" SET NOT NULL,
      ALTER COLUMN "ends_at" SET NOT NULL, ALTER COLUMN "end_zone" SET NOT NULL,
      ALTER COLUMN "organisation_ids" SET NOT NULL, ALTER COLUMN "tags" SET NOT NULL`);
    // Searches look at listed events only: the indexes leave the others out.
    await queryRunner.query(`DROP INDEX "IDX_public_event_search_document"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_public_event_search_document" ON "public_event_search" USING gin ("document") WHERE "listed"`,
    );
    await queryRunner.query(`DROP FUNCTION public_event_search_matches(tsquery)`);
    // One page of a search, as event ids, best first: the matches through the full-text index, the
    // RANKED_CANDIDATES newest of them ranked by their heading (read again by key for these only,
    // so that sorting the matches moves small rows). Sequential scans are off because the planner
    // prices a GIN scan for prefix queries (word:*) far above its cost and would read the whole
    // table instead (100 ms against 20 ms at 100,000 events).
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_page(match tsquery, typed tsquery, with_parts boolean, only_kind text,
        tag text, only_partnership_id uuid, organisation_code text, from_date date, to_date date,
        skip integer, take integer)
      RETURNS TABLE (event_id uuid) LANGUAGE sql STABLE ROWS 20 SET enable_seqscan = off AS $$
        SELECT c.event_id FROM (
          SELECT s.*, row_number() OVER (ORDER BY s.top_level DESC, s.starts_at DESC, s.event_id DESC) AS candidate
          FROM (
            SELECT s.event_id, s.top_level, s.starts_at FROM public_event_search s
            WHERE s.listed AND s.document @@ match
              AND (with_parts OR s.top_level)
              AND (only_kind IS NULL OR s.kind = only_kind)
              AND (tag IS NULL OR tag = ANY(s.tags))
              AND (only_partnership_id IS NULL OR s.partnership_id = only_partnership_id)
              AND (organisation_code IS NULL
                OR s.organisation_ids && ARRAY(SELECT o.id FROM organisations o WHERE o.code = organisation_code))
              AND (from_date IS NULL OR (s.ends_at >= from_date - interval '15 hours'
                AND (s.ends_at AT TIME ZONE s.end_zone) >= from_date))
              AND (to_date IS NULL OR (s.starts_at < to_date + 1 + interval '15 hours'
                AND (s.starts_at AT TIME ZONE s.start_zone) < to_date + 1))
            ORDER BY s.top_level DESC, s.starts_at DESC, s.event_id DESC
            LIMIT greatest(${RANKED_CANDIDATES}, skip + take)) s) c
        LEFT JOIN public_event_search ranked ON ranked.event_id = c.event_id AND c.candidate <= ${RANKED_CANDIDATES}
        ORDER BY ts_rank_cd(ranked.heading, match) + ts_rank(ranked.heading, typed) DESC NULLS LAST,
          c.top_level DESC, c.starts_at DESC, c.event_id
        OFFSET skip LIMIT take
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION public_event_search_page(tsquery, tsquery, boolean, text, text, uuid, text, date, date, integer, integer)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_matches(query tsquery) RETURNS TABLE (event_id uuid, document tsvector)
      LANGUAGE sql STABLE ROWS 1000 SET enable_seqscan = off AS $$
        SELECT s.event_id, s.document FROM public_event_search s WHERE s.document @@ query
      $$`);
    await queryRunner.query(`DROP INDEX "IDX_public_event_search_document"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_public_event_search_document" ON "public_event_search" USING gin ("document")`,
    );
    await queryRunner.query(eventsUpdatedFunction(RELEASED_INDEXED_EVENT_COLUMNS));
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refresh_public_event_search(event_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO public_event_search (event_id, document)
        SELECT e.id,
          setweight(to_tsvector('german', public_search_fold(e.title)), 'A')
          || setweight(to_tsvector('german', public_search_fold(
               concat_ws(' ', array_to_string(e.tags, ' '), o.name, o.code, co.names))), 'B')
          || setweight(to_tsvector('german', public_search_fold(concat_ws(' ', e.venue_name, e.venue_address,
               extract(year FROM e.starts_at AT TIME ZONE e.start_zone)::int))), 'C')
          || setweight(to_tsvector('german', public_search_fold(e.description)), 'D')
        FROM events e
        JOIN organisations o ON o.id = e.host_organisation_id
        CROSS JOIN LATERAL (
          SELECT string_agg(c.name || ' ' || c.code, ' ') AS names
          FROM event_co_hosts h JOIN organisations c ON c.id = h.organisation_id
          WHERE h.event_id = e.id) co
        WHERE e.id = ANY(event_ids)
        ON CONFLICT (event_id) DO UPDATE SET document = excluded.document;
        INSERT INTO public_search_lexemes (lexeme)
        SELECT DISTINCT word.lexeme FROM public_event_search s CROSS JOIN LATERAL unnest(s.document) AS word
        WHERE s.event_id = ANY(event_ids)
        ON CONFLICT (lexeme) DO NOTHING;
      $$`);
    await queryRunner.query(`ALTER TABLE "public_event_search"
      DROP COLUMN "heading", DROP COLUMN "listed", DROP COLUMN "top_level", DROP COLUMN "kind",
      DROP COLUMN "starts_at", DROP COLUMN "start_zone", DROP COLUMN "ends_at", DROP COLUMN "end_zone",
      DROP COLUMN "organisation_ids", DROP COLUMN "partnership_id", DROP COLUMN "tags"`);
  }
}

/** The trigger function that refreshes the entries of events whose indexed columns changed. */
function eventsUpdatedFunction(columns: string[]): string {
  const changed = columns.map((column) => `n.${column} IS DISTINCT FROM p.${column}`).join(' OR ');
  return `
    CREATE OR REPLACE FUNCTION public_event_search_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_public_event_search(ARRAY(
        SELECT n.id FROM updated n JOIN previous p ON p.id = n.id WHERE ${changed}));
      RETURN NULL;
    END $$`;
}
