import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditConfig } from '@app/config';
import { systemActor } from './audit-actor';
import { AuditTrail } from './audit-trail.service';

export interface PruneReport {
  deleted: number;
  before: Date;
}

/** Removes entries older than AUDIT_RETENTION_DAYS; run by the worker's repeatable job. */
@Injectable()
export class AuditRetention {
  private readonly logger = new Logger(AuditRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
    @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>,
  ) {}

  /**
   * One transaction: the entries go and an entry saying how many went is written (for admins;
   * it concerns no organisation), or neither happens.
   */
  async prune(now = new Date()): Promise<PruneReport> {
    const before = new Date(now.getTime() - this.config.retentionDays * 86_400_000);
    const deleted = await this.dataSource.transaction(async (manager) => {
      const [, count]: [unknown, number] = await manager.query(
        `DELETE FROM audit_entries WHERE occurred_at < $1`,
        [before],
      );
      if (count > 0) {
        await this.trail.record(manager, {
          actor: systemActor('audit retention'),
          action: 'audit_trail.pruned',
          recordType: 'audit_trail',
          recordId: null,
          organisationIds: [],
          details: {
            deleted: count,
            olderThan: before.toISOString(),
            retentionDays: this.config.retentionDays,
          },
        });
      }
      return count;
    });
    if (deleted > 0) this.logger.log(`Pruned ${deleted} audit entries older than ${before.toISOString()}`);
    return { deleted, before };
  }
}
