import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnerships get a lead organisation: only it (or an admin) changes who is a member. Existing
 * partnerships are led by the member that hosts most of their events, else by the member
 * registered first, which is most often the one that created the partnership. A lead
 * organisation that is deleted leaves the partnership without a lead: then only admins change it.
 */
export class PartnershipLead1795262400000 implements MigrationInterface {
  name = 'PartnershipLead1795262400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partnerships" ADD "lead_organisation_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "partnerships" ADD CONSTRAINT "FK_partnerships_lead_organisation"
       FOREIGN KEY ("lead_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "partnerships" p SET "lead_organisation_id" = (
         SELECT m.organisation_id
           FROM partnership_members m JOIN organisations o ON o.id = m.organisation_id
          WHERE m.partnership_id = p.id
          ORDER BY (SELECT count(*) FROM events e
                     WHERE e.partnership_id = p.id AND e.host_organisation_id = m.organisation_id) DESC,
                   o.created_at, o.id
          LIMIT 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partnerships" DROP CONSTRAINT "FK_partnerships_lead_organisation"`);
    await queryRunner.query(`ALTER TABLE "partnerships" DROP COLUMN "lead_organisation_id"`);
  }
}
