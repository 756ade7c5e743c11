import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795257216536 implements MigrationInterface {
  name = 'Foundation1795257216536';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "code" character varying(32) NOT NULL, "country" character varying(2) NOT NULL, "time_zone" character varying(64) NOT NULL, "default_locale" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_06f3139d67205a125c84f8c6c45" UNIQUE ("code"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "email" citext NOT NULL, "organisation_id" uuid, "department" character varying(200), "locale" character varying(8) NOT NULL, "time_zone" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "partnerships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bda5a434e2f283f931e0819856d" UNIQUE ("name"), CONSTRAINT "PK_55de3c169ff0d5d88e9a7cb0cd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "title" character varying(300) NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "start_zone" character varying(64) NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_zone" character varying(64) NOT NULL, "all_day" boolean NOT NULL DEFAULT false, "venue_name" character varying(300), "venue_address" character varying(500), "venue_latitude" numeric(9,6), "venue_longitude" numeric(9,6), "online_url" character varying(2000), "host_organisation_id" uuid NOT NULL, "partnership_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'draft', "visibility" character varying(16) NOT NULL DEFAULT 'public', "capacity" integer, "tags" text array NOT NULL DEFAULT '{}', "parent_id" uuid, "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "events_capacity_check" CHECK ("capacity" IS NULL OR "capacity" >= 0), CONSTRAINT "events_span_check" CHECK ("ends_at" >= "starts_at"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_584e0a0162c2603db3f1dda006" ON "events" ("host_organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_eeb11bb42ad9dab518bbbf5b43" ON "events" ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_17eb93d8176ac075264a64d1af" ON "events" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b760e4801c1bd69ba8b2d820ca" ON "events" ("starts_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "lookup_id" character varying(32) NOT NULL, "secret_digest" bytea NOT NULL, "role" character varying(16) NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e8828b4a713978adb8d6cf0487" ON "api_keys" ("lookup_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partnership_members" ("partnership_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_9cd3588a407050dc5a0e306033d" PRIMARY KEY ("partnership_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1636d2b385e88b62ea6a96b9e" ON "partnership_members" ("partnership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b7be054667d51f056a11b45111" ON "partnership_members" ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_co_hosts" ("event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_855b5f5dd2ead9cf5bf4a6d2e0b" PRIMARY KEY ("event_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12d1258ce25a78b1e2664c934f" ON "event_co_hosts" ("event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7e7885e0a6543852de38234a9a" ON "event_co_hosts" ("organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "FK_3958103badcd484388324981ef8" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_584e0a0162c2603db3f1dda0062" FOREIGN KEY ("host_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_eeb11bb42ad9dab518bbbf5b432" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_17eb93d8176ac075264a64d1af7" FOREIGN KEY ("parent_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_f68f7c5caa6f5f87a855b8cf3c8" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_members" ADD CONSTRAINT "FK_b1636d2b385e88b62ea6a96b9e8" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_members" ADD CONSTRAINT "FK_b7be054667d51f056a11b451112" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_co_hosts" ADD CONSTRAINT "FK_12d1258ce25a78b1e2664c934fb" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_events_tags" ON "events" USING gin ("tags")`);
    await queryRunner.query(
      `ALTER TABLE "event_co_hosts" ADD CONSTRAINT "FK_7e7885e0a6543852de38234a9a4" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_co_hosts" DROP CONSTRAINT "FK_7e7885e0a6543852de38234a9a4"`);
    await queryRunner.query(`ALTER TABLE "event_co_hosts" DROP CONSTRAINT "FK_12d1258ce25a78b1e2664c934fb"`);
    await queryRunner.query(
      `ALTER TABLE "partnership_members" DROP CONSTRAINT "FK_b7be054667d51f056a11b451112"`,
    );
    await queryRunner.query(
      `ALTER TABLE "partnership_members" DROP CONSTRAINT "FK_b1636d2b385e88b62ea6a96b9e8"`,
    );
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_f68f7c5caa6f5f87a855b8cf3c8"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_17eb93d8176ac075264a64d1af7"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_eeb11bb42ad9dab518bbbf5b432"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_584e0a0162c2603db3f1dda0062"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "FK_3958103badcd484388324981ef8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e7885e0a6543852de38234a9a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12d1258ce25a78b1e2664c934f"`);
    await queryRunner.query(`DROP TABLE "event_co_hosts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b7be054667d51f056a11b45111"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1636d2b385e88b62ea6a96b9e"`);
    await queryRunner.query(`DROP TABLE "partnership_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8828b4a713978adb8d6cf0487"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_events_tags"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b760e4801c1bd69ba8b2d820ca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17eb93d8176ac075264a64d1af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eeb11bb42ad9dab518bbbf5b43"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_584e0a0162c2603db3f1dda006"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "partnerships"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
