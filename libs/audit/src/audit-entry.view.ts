import { AuditEntry } from './audit-entry.entity';

/** An entry as the API and a person's export show it. */
export function auditEntryView(entry: AuditEntry) {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    actor: {
      kind: entry.actorKind,
      id: entry.actorId,
      label: entry.actorLabel,
      organisationId: entry.actorOrganisationId,
    },
    organisationIds: entry.organisationIds,
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action,
    changes: entry.changes,
    details: entry.details,
  };
}

export type AuditEntryView = ReturnType<typeof auditEntryView>;
