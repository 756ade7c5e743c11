import { MigrationInterface, QueryRunner } from 'typeorm';

/** Former organisation codes, so that feed URLs with an old code redirect to the current one. */
export class OrganisationFormerCodes1795262417000 implements MigrationInterface {
  name = 'OrganisationFormerCodes1795262417000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_former_codes" ("code" character varying(32) NOT NULL, "organisation_id" uuid NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_organisation_former_codes" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_organisation_former_codes_organisation" ON "organisation_former_codes" ("organisation_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_former_codes" ADD CONSTRAINT "FK_organisation_former_codes_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_former_codes" DROP CONSTRAINT "FK_organisation_former_codes_organisation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_organisation_former_codes_organisation"`);
    await queryRunner.query(`DROP TABLE "organisation_former_codes"`);
  }
}
