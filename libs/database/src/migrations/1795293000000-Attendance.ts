import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in: who was present at which event or session (attendance, libs/attendance), one row per
 * invitation and event, and emails to a participant about no event (their feed link, links to
 * their programme pages), which name neither an event nor a sign-in request.
 */
export class Attendance1795293000000 implements MigrationInterface {
  name = 'Attendance1795293000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attendance" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" uuid NOT NULL,
        "invitation_id" uuid NOT NULL,
        "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "recorded_by_kind" character varying(16) NOT NULL,
        "recorded_by_id" character varying(64),
        "recorded_by_name" character varying(300),
        CONSTRAINT "PK_attendance" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_attendance_event_invitation" UNIQUE ("event_id", "invitation_id"),
        CONSTRAINT "FK_attendance_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_attendance_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_attendance_invitation" ON "attendance" ("invitation_id")`);
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "CHK_emails_subject"`);
    await queryRunner.query(
      `ALTER TABLE "emails" ADD CONSTRAINT "CHK_emails_subject" CHECK (
        (("event_id" IS NULL) <> ("sign_in_request_id" IS NULL))
        OR ("event_id" IS NULL AND "sign_in_request_id" IS NULL AND "kind" IN ('feed_link', 'programme_links')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "emails" WHERE "kind" IN ('feed_link', 'programme_links')`);
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "CHK_emails_subject"`);
    await queryRunner.query(
      `ALTER TABLE "emails" ADD CONSTRAINT "CHK_emails_subject" CHECK (("event_id" IS NULL) <> ("sign_in_request_id" IS NULL))`,
    );
    await queryRunner.query(`DROP TABLE "attendance"`);
  }
}
