import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a published event started before it was last moved, with the zone it started in then:
 * its public page says "moved from …" and its JSON-LD `EventRescheduled` with `previousStartDate`.
 */
export class EventPreviousStart1795287000000 implements MigrationInterface {
  name = 'EventPreviousStart1795287000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" ADD "previous_starts_at" TIMESTAMP WITH TIME ZONE, ADD "previous_start_zone" character varying(64)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" DROP COLUMN "previous_start_zone", DROP COLUMN "previous_starts_at"`,
    );
  }
}
