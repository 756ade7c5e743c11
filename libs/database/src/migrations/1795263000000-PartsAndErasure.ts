import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two changes that keep records true when things go away:
 * - A part cancelled together with the event around it remembers the status it had, so that
 *   bringing the event back brings back exactly those parts (and not one cancelled on its own).
 * - Erasing a person keeps their invitations and emails as anonymous rows (counts of answers and
 *   delivery states stay right): the person columns become nullable and are set to NULL when the
 *   person row goes, instead of deleting the rows with it.
 */
export class PartsAndErasure1795263000000 implements MigrationInterface {
  name = 'PartsAndErasure1795263000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "resume_status" character varying(16)`);
    for (const { table, constraint } of PERSON_KEYS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "person_id" DROP NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, constraint } of PERSON_KEYS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      // Anonymous rows of erased people have no person to go back to.
      await queryRunner.query(`DELETE FROM "${table}" WHERE "person_id" IS NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "person_id" SET NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "resume_status"`);
  }
}

const PERSON_KEYS = [
  { table: 'invitations', constraint: 'FK_9ba94f1fd13d096727c5f409e5d' },
  { table: 'emails', constraint: 'FK_d887ddbe6e2085d1f2039fe5ffd' },
];
