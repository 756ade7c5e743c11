import { MigrationInterface, QueryRunner } from 'typeorm';

/** The web origins that may embed an organisation's public calendar (frame it, fetch its widget); owned by libs/planning. */
export class EmbeddingOrigins1795272000000 implements MigrationInterface {
  name = 'EmbeddingOrigins1795272000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "embedding_origins" (
        "organisation_id" uuid NOT NULL,
        "origin" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_embedding_origins" PRIMARY KEY ("organisation_id", "origin"),
        CONSTRAINT "FK_embedding_origins_organisation" FOREIGN KEY ("organisation_id")
          REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "embedding_origins"`);
  }
}
