import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration questions in other languages, and how long an event keeps its sensitive answers.
 * `translations` maps a language to `{ label, options }`, as events' translations do; the
 * original is the event's language, and answers keep referring to the original options' texts.
 * `sensitive_answers_retention` holds an event's own number of days, where its host set one;
 * events without a row keep the configured default.
 */
export class QuestionTranslationsAndRetention1795301000000 implements MigrationInterface {
  name = 'QuestionTranslationsAndRetention1795301000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "registration_questions"
         ADD "translations" jsonb NOT NULL DEFAULT '{}',
         ADD CONSTRAINT "registration_questions_translations_check" CHECK (jsonb_typeof("translations") = 'object')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sensitive_answers_retention" (
         "event_id" uuid NOT NULL,
         "days" integer NOT NULL,
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_sensitive_answers_retention" PRIMARY KEY ("event_id"),
         CONSTRAINT "sensitive_answers_retention_days_check" CHECK ("days" BETWEEN 0 AND 3650),
         CONSTRAINT "FK_sensitive_answers_retention_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sensitive_answers_retention"`);
    await queryRunner.query(
      `ALTER TABLE "registration_questions" DROP CONSTRAINT "registration_questions_translations_check",
         DROP COLUMN "translations"`,
    );
  }
}
