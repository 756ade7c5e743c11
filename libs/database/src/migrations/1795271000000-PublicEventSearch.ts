import { MigrationInterface, QueryRunner } from 'typeorm';

/** What changes what an event is found by: its texts, its host and the year it starts in. */
const SEARCHED_EVENT_COLUMNS = [
  'title',
  'description',
  'venue_name',
  'venue_address',
  'tags',
  'host_organisation_id',
  'starts_at',
  'start_zone',
];

/**
 * The search index of the public programme, owned by libs/public-programme: one row per event with
 * its words as a German full-text document, and every word of them once for trigram lookups of
 * partial and misspelt words. Triggers keep
 * it current from events, organisations and co-hosts, so that every writer (the API, the demo
 * loader, bulk imports) updates it without knowing it exists. Folding spells ä, ö, ü and ß as ae,
 * oe, ue and ss and removes other accents, on both sides of a comparison (docs/public-calendar.md).
 */
export class PublicEventSearch1795271000000 implements MigrationInterface {
  name = 'PublicEventSearch1795271000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION public_search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT unaccent('unaccent'::regdictionary, replace(replace(replace(replace(
          lower(coalesce(value, '')), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'))
      $$`);
    await queryRunner.query(
      `CREATE TABLE "public_event_search" (
        "event_id" uuid NOT NULL,
        "document" tsvector NOT NULL,
        CONSTRAINT "PK_public_event_search" PRIMARY KEY ("event_id"),
        CONSTRAINT "FK_public_event_search_event" FOREIGN KEY ("event_id")
          REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_public_event_search_document" ON "public_event_search" USING gin ("document")`,
    );
    // Every word of every document once: a misspelt or partial word is looked up here by trigram
    // similarity (small, fast) and searched as the words it resembles. A word no longer used stays
    // and matches nothing.
    await queryRunner.query(
      `CREATE TABLE "public_search_lexemes" (
        "lexeme" text NOT NULL,
        CONSTRAINT "PK_public_search_lexemes" PRIMARY KEY ("lexeme")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_public_search_lexemes_trigrams" ON "public_search_lexemes" USING gin ("lexeme" gin_trgm_ops)`,
    );
    // Lists of events not yet ended; the start index orders them.
    await queryRunner.query(`CREATE INDEX "IDX_events_ends_at" ON "events" ("ends_at")`);
    // Weights rank a word in the title above one in tags and hosts, the venue and year, the description.
    await queryRunner.query(`
      CREATE FUNCTION refresh_public_event_search(event_ids uuid[]) RETURNS void LANGUAGE sql AS $$
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
    // The planner prices a GIN scan for prefix queries (word:*) far above its cost and scans the
    // whole table instead (100 ms at 100,000 events against 20 ms); a function of its own lets the
    // search use its index without changing any other statement's plan.
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_matches(query tsquery) RETURNS TABLE (event_id uuid, document tsvector)
      LANGUAGE sql STABLE ROWS 1000 SET enable_seqscan = off AS $$
        SELECT s.event_id, s.document FROM public_event_search s WHERE s.document @@ query
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_public_event_search(ARRAY(SELECT id FROM inserted));
        RETURN NULL;
      END $$`);
    const changed = SEARCHED_EVENT_COLUMNS.map((column) => `n.${column} IS DISTINCT FROM p.${column}`).join(
      ' OR ',
    );
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_public_event_search(ARRAY(
          SELECT n.id FROM updated n JOIN previous p ON p.id = n.id WHERE ${changed}));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_organisations_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_public_event_search(ARRAY(
          SELECT e.id FROM updated n JOIN previous p ON p.id = n.id
          JOIN events e ON e.host_organisation_id = n.id
          WHERE n.name IS DISTINCT FROM p.name OR n.code IS DISTINCT FROM p.code
          UNION
          SELECT h.event_id FROM updated n JOIN previous p ON p.id = n.id
          JOIN event_co_hosts h ON h.organisation_id = n.id
          WHERE n.name IS DISTINCT FROM p.name OR n.code IS DISTINCT FROM p.code));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION public_event_search_co_hosts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_public_event_search(ARRAY(SELECT DISTINCT event_id FROM changed));
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "events_public_search_inserted" AFTER INSERT ON "events"
       REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION public_event_search_events_inserted()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "events_public_search_updated" AFTER UPDATE ON "events"
       REFERENCING OLD TABLE AS previous NEW TABLE AS updated
       FOR EACH STATEMENT EXECUTE FUNCTION public_event_search_events_updated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "organisations_public_search_updated" AFTER UPDATE ON "organisations"
       REFERENCING OLD TABLE AS previous NEW TABLE AS updated
       FOR EACH STATEMENT EXECUTE FUNCTION public_event_search_organisations_updated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "event_co_hosts_public_search_inserted" AFTER INSERT ON "event_co_hosts"
       REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public_event_search_co_hosts_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "event_co_hosts_public_search_deleted" AFTER DELETE ON "event_co_hosts"
       REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public_event_search_co_hosts_changed()`,
    );
    await queryRunner.query(`SELECT refresh_public_event_search(ARRAY(SELECT id FROM events))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "event_co_hosts_public_search_deleted" ON "event_co_hosts"`);
    await queryRunner.query(`DROP TRIGGER "event_co_hosts_public_search_inserted" ON "event_co_hosts"`);
    await queryRunner.query(`DROP TRIGGER "organisations_public_search_updated" ON "organisations"`);
    await queryRunner.query(`DROP TRIGGER "events_public_search_updated" ON "events"`);
    await queryRunner.query(`DROP TRIGGER "events_public_search_inserted" ON "events"`);
    await queryRunner.query(`DROP FUNCTION public_event_search_co_hosts_changed()`);
    await queryRunner.query(`DROP FUNCTION public_event_search_organisations_updated()`);
    await queryRunner.query(`DROP FUNCTION public_event_search_events_updated()`);
    await queryRunner.query(`DROP FUNCTION public_event_search_events_inserted()`);
    await queryRunner.query(`DROP FUNCTION public_event_search_matches(tsquery)`);
    await queryRunner.query(`DROP FUNCTION refresh_public_event_search(uuid[])`);
    await queryRunner.query(`DROP INDEX "IDX_events_ends_at"`);
    await queryRunner.query(`DROP TABLE "public_search_lexemes"`);
    await queryRunner.query(`DROP TABLE "public_event_search"`);
    await queryRunner.query(`DROP FUNCTION public_search_fold(text)`);
  }
}
