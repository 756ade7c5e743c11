import { AuditActor, AuditRecord, changedFields, initialFields } from '@app/audit';
import { ApiKey } from './api-key.entity';

/** A key's entries concern its organisation; the secret, digest and lookup id are never recorded. */
function keyRecord(
  actor: AuditActor,
  apiKey: ApiKey,
): Pick<AuditRecord, 'actor' | 'recordType' | 'recordId' | 'organisationIds'> {
  return { actor, recordType: 'api_key', recordId: apiKey.id, organisationIds: [apiKey.organisationId] };
}

export function apiKeyIssued(actor: AuditActor, apiKey: ApiKey): AuditRecord {
  const fields = { name: apiKey.name, organisationId: apiKey.organisationId, role: apiKey.role };
  return { ...keyRecord(actor, apiKey), action: 'api_key.issued', changes: initialFields(fields) };
}

export function apiKeyRevoked(actor: AuditActor, apiKey: ApiKey): AuditRecord {
  const changes = changedFields({ revokedAt: null }, { revokedAt: apiKey.revokedAt });
  return { ...keyRecord(actor, apiKey), action: 'api_key.revoked', changes };
}
