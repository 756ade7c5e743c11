import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log.service';
import { AuditPersonRecords } from './audit-person-records';
import { AuditRetention } from './audit-retention.service';
import { AuditTrail } from './audit-trail.service';

const SERVICES = [AuditTrail, AuditLog, AuditPersonRecords, AuditRetention];

/** The audit trail: the only owner of audit_entries. Libs that change records import it to write. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: SERVICES,
  exports: SERVICES,
})
export class AuditModule {}
