import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose rows a calendar feed shows or is selected by. */
const FEED_TABLES = [
  'events',
  'event_co_hosts',
  'organisations',
  'partnerships',
  'partnership_members',
  'people',
  'invitations',
  'workshop_choices',
  'feed_tokens',
];

/**
 * A one-row counter that goes up whenever a transaction changed anything a feed shows. API
 * processes read it (a primary-key lookup) instead of summarising a feed on every request.
 * The triggers are deferred to commit and bump the row once per transaction: the row lock is then
 * taken last and held only for the commit, so it cannot take part in a deadlock, and a reader that
 * sees the new number also sees the change.
 */
export class FeedVersion1795259000000 implements MigrationInterface {
  name = 'FeedVersion1795259000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "feed_version" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "version" bigint NOT NULL DEFAULT 0)`,
    );
    await queryRunner.query(`INSERT INTO "feed_version" DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE FUNCTION note_feed_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('treffpunkt.feed_change_noted', true), '') <> 'yes' THEN
          PERFORM set_config('treffpunkt.feed_change_noted', 'yes', true);
          UPDATE feed_version SET version = version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of FEED_TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${table}_feed_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_feed_change()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FEED_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_feed_change" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION note_feed_change()`);
    await queryRunner.query(`DROP TABLE "feed_version"`);
  }
}
