import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open sign-up for public events (issue 11): which events take sign-ups and until when
 * (`open_sign_ups`), and sign-ups waiting for the person to confirm their address (`sign_ups`),
 * deleted once confirmed or expired. Sign-up emails point at their sign-up, as sign-in emails at
 * their request; no foreign key, as the emails table belongs to another lib.
 */
export class OpenSignUp1795292000000 implements MigrationInterface {
  name = 'OpenSignUp1795292000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open_sign_ups" ("event_id" uuid NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_open_sign_ups" PRIMARY KEY ("event_id"), CONSTRAINT "FK_open_sign_ups_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "email" citext NOT NULL, "name" character varying(200) NOT NULL, "organisation" character varying(200), "locale" character varying(2) NOT NULL, "link_digest" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_sign_ups" PRIMARY KEY ("id"), CONSTRAINT "UQ_sign_ups_link" UNIQUE ("link_digest"), CONSTRAINT "CHK_sign_ups_locale" CHECK ("locale" IN ('de', 'en', 'sw')), CONSTRAINT "FK_sign_ups_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sign_ups_email" ON "sign_ups" ("email", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_sign_ups_expires" ON "sign_ups" ("expires_at")`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "sign_up_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "emails" WHERE "kind" IN ('sign_up', 'signed_up', 'already_signed_up')`,
    );
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "sign_up_id"`);
    await queryRunner.query(`DROP TABLE "sign_ups"`);
    await queryRunner.query(`DROP TABLE "open_sign_ups"`);
  }
}
