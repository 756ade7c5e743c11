import { AuditActor, AuditRecord, changedFields, initialFields } from '@app/audit';
import { Account } from './account.entity';
import { Membership } from './membership.entity';

/** A membership's entries concern its organisation; the record is the member's account. */
function membershipRecord(
  actor: AuditActor,
  membership: Pick<Membership, 'accountId' | 'organisationId'>,
): Pick<AuditRecord, 'actor' | 'recordType' | 'recordId' | 'organisationIds'> {
  return {
    actor,
    recordType: 'membership',
    recordId: membership.accountId,
    organisationIds: [membership.organisationId],
  };
}

export function membershipInvited(
  actor: AuditActor,
  invitation: { organisationId: string; role: Membership['role']; requestId: string },
): AuditRecord {
  return {
    actor,
    recordType: 'membership',
    recordId: invitation.requestId,
    organisationIds: [invitation.organisationId],
    action: 'membership.invited',
    changes: initialFields({ role: invitation.role }),
  };
}

export function membershipCreated(actor: AuditActor, membership: Membership, account: Account): AuditRecord {
  return {
    ...membershipRecord(actor, membership),
    action: 'membership.created',
    changes: initialFields({ name: account.name, role: membership.role }),
  };
}

export function membershipRoleChanged(
  actor: AuditActor,
  membership: Membership,
  previousRole: Membership['role'],
): AuditRecord {
  return {
    ...membershipRecord(actor, membership),
    action: 'membership.role_changed',
    changes: changedFields({ role: previousRole }, { role: membership.role }),
  };
}

export function membershipRemoved(actor: AuditActor, membership: Membership): AuditRecord {
  return {
    ...membershipRecord(actor, membership),
    action: 'membership.removed',
    changes: changedFields({ role: membership.role }, { role: null }),
  };
}
