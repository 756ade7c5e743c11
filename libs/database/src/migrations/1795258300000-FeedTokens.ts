import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedTokens1795258300000 implements MigrationInterface {
  name = 'FeedTokens1795258300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "feed_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "lookup_id" character varying(32) NOT NULL, "secret_digest" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_feed_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_feed_tokens_lookup_id" ON "feed_tokens" ("lookup_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_feed_tokens_active_person" ON "feed_tokens" ("person_id") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "feed_tokens" ADD CONSTRAINT "FK_feed_tokens_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feed_tokens" DROP CONSTRAINT "FK_feed_tokens_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_feed_tokens_active_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_feed_tokens_lookup_id"`);
    await queryRunner.query(`DROP TABLE "feed_tokens"`);
  }
}
