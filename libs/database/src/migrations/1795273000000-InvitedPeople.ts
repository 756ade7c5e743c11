import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `invited_people`, the view libs/invitations publishes for planning: who holds an invitation to
 * which event, and whether it was withdrawn. Planning decides who may see whom by who takes part
 * in which event, but cannot depend on the invitations lib (that lib depends on planning), so it
 * reads this view instead of the invitations table. Only the invitations lib defines what the
 * columns mean (docs/architecture.md, "Who owns which table").
 */
export class InvitedPeople1795273000000 implements MigrationInterface {
  name = 'InvitedPeople1795273000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "invited_people" AS
         SELECT event_id, person_id, status = 'cancelled' AS withdrawn FROM invitations`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "invited_people"`);
  }
}
