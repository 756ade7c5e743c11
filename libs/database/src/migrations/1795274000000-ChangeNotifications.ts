import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transaction that moves the change version also announces the new version on the channel
 * `treffpunkt_change_version` (see ChangeVersion): PostgreSQL delivers the notification when the
 * transaction commits, and only then, so listeners never hear of a version they could not read.
 * The trigger still fires once per transaction, deferred to its end.
 */
export class ChangeNotifications1795274000000 implements MigrationInterface {
  name = 'ChangeNotifications1795274000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        noted bigint;
      BEGIN
        IF coalesce(current_setting('treffpunkt.change_noted', true), '') <> 'yes' THEN
          PERFORM set_config('treffpunkt.change_noted', 'yes', true);
          UPDATE change_version SET version = version + 1 RETURNING version INTO noted;
          PERFORM pg_notify('treffpunkt_change_version', noted::text);
        END IF;
        RETURN NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('treffpunkt.change_noted', true), '') <> 'yes' THEN
          PERFORM set_config('treffpunkt.change_noted', 'yes', true);
          UPDATE change_version SET version = version + 1;
        END IF;
        RETURN NULL;
      END $$`);
  }
}
