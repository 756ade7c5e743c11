import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints of organisations and their deliveries (outbox and delivery log in one table),
 * owned by libs/webhooks.
 */
export class Webhooks1795264100000 implements MigrationInterface {
  name = 'Webhooks1795264100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoints" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "url" character varying(2000) NOT NULL,
        "description" character varying(500) NOT NULL DEFAULT '',
        "event_types" character varying(64) array NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" character varying(1000),
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "secret" character varying(100) NOT NULL,
        "previous_secret" character varying(100),
        "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE,
        "failed_in_a_row" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_endpoints_organisation" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_endpoints_organisation" ON "webhook_endpoints" ("organisation_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "endpoint_id" uuid NOT NULL,
        "message_id" character varying(64) NOT NULL,
        "event_type" character varying(64) NOT NULL,
        "body" text NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE DEFAULT now(),
        "enqueued_at" TIMESTAMP WITH TIME ZONE,
        "job_id" character varying(100),
        "last_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_status_code" integer,
        "last_error" character varying(1000),
        "response_excerpt" character varying(500),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "redelivery_of" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_deliveries_endpoint" FOREIGN KEY ("endpoint_id")
          REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_endpoint_seq" ON "webhook_deliveries" ("endpoint_id", "seq")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_relay" ON "webhook_deliveries" ("next_attempt_at")
        WHERE "status" = 'pending' AND "enqueued_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_enqueued" ON "webhook_deliveries" ("job_id")
        WHERE "status" = 'pending' AND "enqueued_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_delivering" ON "webhook_deliveries" ("updated_at")
        WHERE "status" = 'delivering'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
