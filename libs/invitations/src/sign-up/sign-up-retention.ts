import { Injectable, Logger, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Deletes open sign-ups whose confirmation link expired, with the name and address they held:
 * nobody confirmed them, so nothing of them is kept. Run by the worker's repeatable job and on
 * every new sign-up.
 */
@Injectable()
export class SignUpRetention {
  private readonly logger = new Logger(SignUpRetention.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deleteExpired(manager: EntityManager = this.dataSource.manager, now = new Date()): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(`DELETE FROM sign_ups WHERE expires_at <= $1`, [
      now,
    ]);
    if (count > 0) this.logger.log(`Deleted ${count} unconfirmed sign-ups whose link expired`);
    return count;
  }
}

/** For the worker: the retention of sign-ups without the rest of invitations. */
@Module({ providers: [SignUpRetention], exports: [SignUpRetention] })
export class SignUpRetentionModule {}
