import { MigrationInterface, QueryRunner } from 'typeorm';

export class Emails1795257786510 implements MigrationInterface {
  name = 'Emails1795257786510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "emails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "event_id" uuid NOT NULL, "person_id" uuid NOT NULL, "invitation_id" uuid, "dedupe_key" character varying(300) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "send_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_sequence" integer NOT NULL, "event_starts_at" TIMESTAMP WITH TIME ZONE, "offset_minutes" integer, "message_id" character varying(300), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "enqueued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "skipped_reason" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_51bc0c30d14185e608266d44d75" UNIQUE ("dedupe_key"), CONSTRAINT "PK_a54dcebef8d05dca7e839749571" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1f44ce725bc197976e98781c3b" ON "emails" ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d887ddbe6e2085d1f2039fe5ff" ON "emails" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7cf21a9116c4257606896bdf73" ON "emails" ("invitation_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_emails_relay" ON "emails" ("send_at") WHERE "status" = 'queued' AND "enqueued_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0703619ad81d0121993b9eb6b5" ON "emails" ("status", "send_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "emails" ADD CONSTRAINT "FK_1f44ce725bc197976e98781c3b7" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "emails" ADD CONSTRAINT "FK_d887ddbe6e2085d1f2039fe5ffd" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "FK_d887ddbe6e2085d1f2039fe5ffd"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "FK_1f44ce725bc197976e98781c3b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0703619ad81d0121993b9eb6b5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_emails_relay"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7cf21a9116c4257606896bdf73"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d887ddbe6e2085d1f2039fe5ff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f44ce725bc197976e98781c3b"`);
    await queryRunner.query(`DROP TABLE "emails"`);
  }
}
