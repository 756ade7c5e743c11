import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal accounts of organisers, their memberships, sign-in requests and console sessions
 * (owned by libs/accounts); and sign-in emails in the outbox, which are about no event.
 */
export class Accounts1795270000000 implements MigrationInterface {
  name = 'Accounts1795270000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(320) NOT NULL,
        "name" character varying(200) NOT NULL,
        "language" character varying(2) NOT NULL,
        "time_zone" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_accounts_email" UNIQUE ("email"),
        CONSTRAINT "CHK_accounts_email_lower" CHECK ("email" = lower("email"))
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_memberships" (
        "account_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_account_memberships" PRIMARY KEY ("account_id", "organisation_id"),
        CONSTRAINT "FK_account_memberships_account" FOREIGN KEY ("account_id")
          REFERENCES "accounts"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_account_memberships_organisation" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations"("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_account_memberships_role" CHECK ("role" IN ('admin', 'organiser', 'viewer'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_account_memberships_organisation" ON "account_memberships" ("organisation_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(320) NOT NULL,
        "link_digest" bytea NOT NULL,
        "code_digest" bytea NOT NULL,
        "code_attempts" integer NOT NULL DEFAULT 0,
        "language" character varying(2) NOT NULL,
        "organisation_id" uuid,
        "role" character varying(16),
        "invitee_name" character varying(200),
        "invited_by" uuid,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sign_in_requests" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sign_in_requests_organisation" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_sign_in_requests_link" ON "sign_in_requests" ("link_digest")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sign_in_requests_email" ON "sign_in_requests" ("email", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_digest" bytea NOT NULL,
        "account_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "csrf_token" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_account_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_account_sessions_account" FOREIGN KEY ("account_id")
          REFERENCES "accounts"("id") ON DELETE CASCADE
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_account_sessions_token" ON "account_sessions" ("token_digest")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_account_sessions_account" ON "account_sessions" ("account_id")`,
    );
    // A sign-in email is about a request, not an event: the outbox row names the request instead.
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "event_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "sign_in_request_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "emails" ADD CONSTRAINT "CHK_emails_subject" CHECK (("event_id" IS NULL) <> ("sign_in_request_id" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "emails" WHERE "event_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "CHK_emails_subject"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "sign_in_request_id"`);
    await queryRunner.query(`ALTER TABLE "emails" ALTER COLUMN "event_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "account_sessions"`);
    await queryRunner.query(`DROP TABLE "sign_in_requests"`);
    await queryRunner.query(`DROP TABLE "account_memberships"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
