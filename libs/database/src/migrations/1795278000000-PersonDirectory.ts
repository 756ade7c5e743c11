import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `person_directory`, the view libs/planning publishes of its people: what another lib may show of
 * a person inside one of its own statements. The invitations lib pages an event's invitations by
 * invitee name with a keyset cursor, so the name must be in the statement that pages; it reads
 * this view instead of the people table, and only planning defines what the columns mean
 * (docs/architecture.md, "Published views").
 */
export class PersonDirectory1795278000000 implements MigrationInterface {
  name = 'PersonDirectory1795278000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "person_directory" AS
         SELECT id, name, organisation_id, email, department, locale, time_zone, created_at, updated_at
           FROM people`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "person_directory"`);
  }
}
