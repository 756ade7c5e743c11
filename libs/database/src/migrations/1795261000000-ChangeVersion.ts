import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of the FeedVersion migration: everything a feed or an event list shows. */
const PLANNING_TABLES = [
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
 * The feed version becomes the change version: besides feeds, event lists and key checks are
 * answered from memory while it stands still, so it also moves when an API key is issued, revoked
 * or changes role. Recording a key's last use does not move it (that happens every minute per
 * key and changes no answer).
 */
export class ChangeVersion1795261000000 implements MigrationInterface {
  name = 'ChangeVersion1795261000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feed_version" RENAME TO "change_version"`);
    await queryRunner.query(`ALTER FUNCTION note_feed_change() RENAME TO note_change`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('treffpunkt.change_noted', true), '') <> 'yes' THEN
          PERFORM set_config('treffpunkt.change_noted', 'yes', true);
          UPDATE change_version SET version = version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of PLANNING_TABLES) {
      await queryRunner.query(
        `ALTER TRIGGER "${table}_feed_change" ON "${table}" RENAME TO "${table}_change"`,
      );
    }
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "api_keys_change"
       AFTER INSERT OR DELETE OR UPDATE OF "lookup_id", "secret_digest", "role", "organisation_id", "revoked_at"
       ON "api_keys" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "api_keys_change" ON "api_keys"`);
    for (const table of PLANNING_TABLES) {
      await queryRunner.query(
        `ALTER TRIGGER "${table}_change" ON "${table}" RENAME TO "${table}_feed_change"`,
      );
    }
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('treffpunkt.feed_change_noted', true), '') <> 'yes' THEN
          PERFORM set_config('treffpunkt.feed_change_noted', 'yes', true);
          UPDATE feed_version SET version = version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`ALTER FUNCTION note_change() RENAME TO note_feed_change`);
    await queryRunner.query(`ALTER TABLE "change_version" RENAME TO "feed_version"`);
  }
}
