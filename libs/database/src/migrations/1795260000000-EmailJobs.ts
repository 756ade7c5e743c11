import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails travel through BullMQ in batches: each row names the job that carries it. Rows relayed
 * before were carried by a job named after their own id, which the backfill records.
 */
export class EmailJobs1795260000000 implements MigrationInterface {
  name = 'EmailJobs1795260000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" ADD "job_id" character varying(64)`);
    await queryRunner.query(
      `UPDATE "emails" SET "job_id" = "id"::text
        WHERE "enqueued_at" IS NOT NULL AND "status" IN ('queued', 'retrying', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_emails_pending_job" ON "emails" ("job_id") WHERE "status" IN ('queued', 'retrying', 'sending')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_emails_pending_job"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "job_id"`);
  }
}
