import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a console session was signed in: by the emailed link or code, or through the installation's
 * OpenID Connect provider (single sign-on). Sessions from before were all signed in by email.
 */
export class SessionSignInMethod1795285000000 implements MigrationInterface {
  name = 'SessionSignInMethod1795285000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account_sessions"
         ADD "sign_in_method" character varying(20) NOT NULL DEFAULT 'email',
         ADD CONSTRAINT "CHK_account_sessions_sign_in_method"
           CHECK ("sign_in_method" IN ('email', 'single_sign_on'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_sessions" DROP COLUMN "sign_in_method"`);
  }
}
