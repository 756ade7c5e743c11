import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invitations with their answers, seats in workshops, and per-event reminder offsets (issue 3). */
export class Invitations1795257942637 implements MigrationInterface {
  name = 'Invitations1795257942637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'invited', "answer_token_digest" bytea, "answer_token_sealed" bytea, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5f821af0cb92b4224ddee80a0ab" UNIQUE ("answer_token_digest"), CONSTRAINT "UQ_invitations_event_person" UNIQUE ("event_id", "person_id"), CONSTRAINT "invitations_status_check" CHECK ("status" IN ('invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'cancelled')), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9ba94f1fd13d096727c5f409e5" ON "invitations" ("person_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_invitations_event_status" ON "invitations" ("event_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workshop_choices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invitation_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_workshop_choices_invitation_event" UNIQUE ("invitation_id", "event_id"), CONSTRAINT "workshop_choices_status_check" CHECK ("status" IN ('confirmed', 'waitlisted', 'withdrawn')), CONSTRAINT "PK_11e196c3614cf666034eb81bfe7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_workshop_choices_event_status" ON "workshop_choices" ("event_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD "reminder_offsets" integer array NOT NULL DEFAULT '{10080,1440}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_9ba94f1fd13d096727c5f409e5d" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workshop_choices" ADD CONSTRAINT "FK_51059a8ae8b40aeead22594e632" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workshop_choices" ADD CONSTRAINT "FK_18633e287ac7834e6dd164b2de9" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "workshop_choices" DROP CONSTRAINT "FK_18633e287ac7834e6dd164b2de9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "workshop_choices" DROP CONSTRAINT "FK_51059a8ae8b40aeead22594e632"`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_9ba94f1fd13d096727c5f409e5d"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "reminder_offsets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_workshop_choices_event_status"`);
    await queryRunner.query(`DROP TABLE "workshop_choices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_invitations_event_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ba94f1fd13d096727c5f409e5"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
  }
}
