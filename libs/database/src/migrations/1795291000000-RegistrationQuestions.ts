import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration questions of events and the answers to them (issue 11); owned by libs/registration.
 * Answers go with their invitation, their question and their person: nothing sensitive outlives them.
 */
export class RegistrationQuestions1795291000000 implements MigrationInterface {
  name = 'RegistrationQuestions1795291000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registration_questions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "type" character varying(16) NOT NULL,
        "label" character varying(300) NOT NULL,
        "options" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "required" boolean NOT NULL DEFAULT false,
        "asked_at" character varying(16) array NOT NULL,
        "sensitive" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_registration_questions" PRIMARY KEY ("id"),
        CONSTRAINT "registration_questions_type_check"
          CHECK ("type" IN ('text', 'single_choice', 'multiple_choice', 'yes_no', 'date')),
        CONSTRAINT "FK_registration_questions_event" FOREIGN KEY ("event_id")
          REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_registration_questions_event_position" ON "registration_questions" ("event_id", "position")`,
    );
    await queryRunner.query(
      `CREATE TABLE "registration_answers" (
        "invitation_id" uuid NOT NULL,
        "question_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "value" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_registration_answers" PRIMARY KEY ("invitation_id", "question_id"),
        CONSTRAINT "FK_registration_answers_invitation" FOREIGN KEY ("invitation_id")
          REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_registration_answers_question" FOREIGN KEY ("question_id")
          REFERENCES "registration_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_registration_answers_person" FOREIGN KEY ("person_id")
          REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_registration_answers_person" ON "registration_answers" ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_registration_answers_question" ON "registration_answers" ("question_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_registration_answers_event" ON "registration_answers" ("event_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "registration_answers"`);
    await queryRunner.query(`DROP TABLE "registration_questions"`);
  }
}
