import { AuditAction, AuditRecord, changedFields, FieldValues } from '@app/audit';
import { Actor } from '../shared/actor';
import { Organisation } from './organisation.entity';

export function organisationFields(organisation: Organisation): FieldValues {
  return {
    name: organisation.name,
    code: organisation.code,
    country: organisation.country,
    timeZone: organisation.timeZone,
    defaultLocale: organisation.defaultLocale,
  };
}

/**
 * The entry of an organisation's change, for the organisation itself; none when nothing changed.
 * A new code is an action of its own, because it moves the organisation's public feed URLs.
 */
export function organisationChanged(
  actor: Actor,
  before: FieldValues | null,
  after: Organisation,
): AuditRecord[] {
  const changes = changedFields(before ?? {}, organisationFields(after));
  if (changes.length === 0) return [];
  const action: AuditAction = !before
    ? 'organisation.created'
    : changes.some((change) => change.field === 'code')
      ? 'organisation.code_changed'
      : 'organisation.updated';
  return [organisationRecord(actor, action, after, changes)];
}

export function organisationDeleted(actor: Actor, organisation: Organisation): AuditRecord {
  return organisationRecord(
    actor,
    'organisation.deleted',
    organisation,
    changedFields(organisationFields(organisation), {}),
  );
}

function organisationRecord(
  actor: Actor,
  action: AuditAction,
  organisation: Organisation,
  changes: AuditRecord['changes'],
): AuditRecord {
  return {
    actor: actor.who,
    action,
    recordType: 'organisation',
    recordId: organisation.id,
    organisationIds: [organisation.id],
    changes,
  };
}
