import { AuditRecord, changedFields, FieldValues } from '@app/audit';
import { Actor } from '../shared/actor';
import { Partnership } from './partnership.entity';

export function partnershipFields(partnership: Partnership): FieldValues {
  return {
    name: partnership.name,
    description: partnership.description,
    leadOrganisationId: partnership.leadOrganisationId,
    memberOrganisationIds: partnership.members.map((member) => member.id).sort(),
  };
}

/**
 * The entries of a partnership's change, for its members before and after: one for name,
 * description and lead, and one per organisation added or removed, so that each organisation
 * finds when it joined or left. Membership shows in those, not as a field change.
 */
export function partnershipChanged(
  actor: Actor,
  before: FieldValues,
  after: Partnership,
  membership: {
    addedOrganisationIds: string[];
    removed: Array<{ organisationId: string; internalEvents: unknown[]; invitedPeople: number }>;
  },
): AuditRecord[] {
  const organisationIds = [
    ...(before.memberOrganisationIds as string[]),
    ...after.members.map((member) => member.id),
  ];
  const entry = { actor: actor.who, recordType: 'partnership' as const, recordId: after.id, organisationIds };
  const changes = changedFields(withoutMembers(before), withoutMembers(partnershipFields(after)));
  return [
    ...(changes.length > 0 ? [{ ...entry, action: 'partnership.updated' as const, changes }] : []),
    ...membership.addedOrganisationIds.map((organisationId) => ({
      ...entry,
      action: 'partnership.member_added' as const,
      details: { organisationId },
    })),
    ...membership.removed.map((member) => ({
      ...entry,
      action: 'partnership.member_removed' as const,
      details: {
        organisationId: member.organisationId,
        internalEventsNoLongerSeen: member.internalEvents.length,
        invitedPeople: member.invitedPeople,
      },
    })),
  ];
}

export function partnershipRecord(
  actor: Actor,
  action: 'partnership.created' | 'partnership.deleted',
  partnership: Partnership,
): AuditRecord {
  const fields = partnershipFields(partnership);
  return {
    actor: actor.who,
    action,
    recordType: 'partnership',
    recordId: partnership.id,
    organisationIds: fields.memberOrganisationIds as string[],
    changes: action === 'partnership.created' ? changedFields({}, fields) : changedFields(fields, {}),
  };
}

function withoutMembers(fields: FieldValues): FieldValues {
  return Object.fromEntries(Object.entries(fields).filter(([field]) => field !== 'memberOrganisationIds'));
}
