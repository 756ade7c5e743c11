import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditAction, AuditRecordType } from './audit-actions';
import { AuditActor } from './audit-actor';
import { AuditDetails, AuditEntry } from './audit-entry.entity';
import { FieldChange } from './field-changes';

/** What a lib tells the trail about one change. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  recordType: AuditRecordType;
  recordId: string | null;
  organisationIds: readonly string[];
  changes?: FieldChange[];
  details?: AuditDetails;
  subjectPersonId?: string | null;
}

/** Rows per INSERT: an invitation of ten thousand people stays below PostgreSQL's parameter limit. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Writes the trail. Every write takes the manager of the change's own transaction: an entry
 * commits with its change or not at all, and a refused or rolled-back change leaves none.
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    const rows = records.map(toRow);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      await manager.insert(AuditEntry, rows.slice(start, start + ROWS_PER_STATEMENT));
    }
  }
}

function toRow(record: AuditRecord): QueryDeepPartialEntity<AuditEntry> {
  return {
    actorKind: record.actor.kind,
    actorId: record.actor.id,
    actorLabel: record.actor.label.slice(0, 200),
    actorOrganisationId: record.actor.organisationId,
    organisationIds: [...new Set(record.organisationIds)],
    recordType: record.recordType,
    recordId: record.recordId,
    action: record.action,
    changes: record.changes ?? [],
    details: record.details ?? null,
    subjectPersonId: record.subjectPersonId ?? null,
  };
}
