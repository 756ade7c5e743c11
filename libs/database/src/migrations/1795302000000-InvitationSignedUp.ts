import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the person signed up themselves through open sign-up rather than being invited: their
 * answer page greets them as someone who signed up, not as someone "warmly invited". Invitations
 * made before came from organisers, except those an open sign-up made, which the audit trail names.
 */
export class InvitationSignedUp1795302000000 implements MigrationInterface {
  name = 'InvitationSignedUp1795302000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" ADD "signed_up" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "invitations" i SET "signed_up" = true
        WHERE EXISTS (SELECT 1 FROM "audit_entries" a
                       WHERE a."record_type" = 'invitation' AND a."record_id" = i."id"
                         AND a."action" = 'invitation.signed_up')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "signed_up"`);
  }
}
