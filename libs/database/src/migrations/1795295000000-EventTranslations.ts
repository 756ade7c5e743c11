import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events say which language they were typed in, carry notes on finding the place ("entrance via
 * the town hall courtyard") and hold their title, description and venue notes in other languages:
 * `translations` maps a language to `{ title, description, venueNotes }`. A column of the event,
 * not a table: every reader of an event (emails, feeds, pages) gets its texts in the same row.
 * Existing events were typed in their host's language.
 */
export class EventTranslations1795295000000 implements MigrationInterface {
  name = 'EventTranslations1795295000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events"
         ADD "original_language" character varying(2) NOT NULL DEFAULT 'de',
         ADD "venue_notes" text NOT NULL DEFAULT '',
         ADD "translations" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE "events" e SET "original_language" = left(lower(o."default_locale"), 2)
         FROM "organisations" o
        WHERE o."id" = e."host_organisation_id" AND left(lower(o."default_locale"), 2) IN ('en', 'sw')`,
    );
    await queryRunner.query(
      `ALTER TABLE "events"
         ADD CONSTRAINT "events_original_language_check" CHECK ("original_language" IN ('de', 'en', 'sw')),
         ADD CONSTRAINT "events_translations_check" CHECK (jsonb_typeof("translations") = 'object')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" DROP CONSTRAINT "events_translations_check",
         DROP CONSTRAINT "events_original_language_check",
         DROP COLUMN "translations", DROP COLUMN "venue_notes", DROP COLUMN "original_language"`,
    );
  }
}
