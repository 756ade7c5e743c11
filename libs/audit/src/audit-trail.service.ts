import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditRecordType } from './audit-actions';
import { AuditActor } from './audit-actor';
import { AuditDetails } from './audit-entry.entity';
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

const COLUMNS = [
  'actor_kind',
  'actor_id',
  'actor_label',
  'actor_organisation_id',
  'organisation_ids',
  'record_type',
  'record_id',
  'action',
  'changes',
  'details',
  'subject_person_id',
].join(', ');

/**
 * All entries in one statement and one parameter, however many: an invitation of ten thousand
 * people through TypeORM's insert builder spent half a second of CPU assembling parameters.
 */
const INSERT_ENTRIES = `INSERT INTO audit_entries (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_populate_recordset(NULL::audit_entries, $1::jsonb)`;

/**
 * Writes the trail. Every write takes the manager of the change's own transaction: an entry
 * commits with its change or not at all, and a refused or rolled-back change leaves none.
 */
@Injectable()
export class AuditTrail {
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(INSERT_ENTRIES, [JSON.stringify(records.map(toRow))]);
  }
}

/** Keys are the table's column names, as jsonb_populate_recordset reads them. */
function toRow(record: AuditRecord): Record<string, unknown> {
  return {
    actor_kind: record.actor.kind,
    actor_id: record.actor.id,
    actor_label: firstCharacters(record.actor.label, 200),
    actor_organisation_id: record.actor.organisationId,
    organisation_ids: [...new Set(record.organisationIds)],
    record_type: record.recordType,
    record_id: record.recordId,
    action: record.action,
    changes: record.changes ?? [],
    details: record.details ?? null,
    subject_person_id: record.subjectPersonId ?? null,
  };
}

/** As many characters as the column holds, counted as PostgreSQL counts them: never half an emoji. */
function firstCharacters(text: string, count: number): string {
  return text.length <= count ? text : Array.from(text).slice(0, count).join('');
}
