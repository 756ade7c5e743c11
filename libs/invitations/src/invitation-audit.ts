import { AuditAction, AuditActor, AuditDetails, AuditRecord, FieldChange } from '@app/audit';
import { Event } from '@app/planning';

/**
 * An entry about an invitation, for the event's host and co-hosts. It is about the invitee
 * (for their export and erasure) but holds only ids, never their name or address.
 */
export function invitationRecord(
  actor: AuditActor,
  action: AuditAction,
  event: Pick<Event, 'id' | 'hostOrganisationId' | 'coHostIds'>,
  invitation: { id: string; personId: string | null },
  entry: { changes?: FieldChange[]; details?: AuditDetails } = {},
): AuditRecord {
  return {
    actor,
    action,
    recordType: 'invitation',
    recordId: invitation.id,
    organisationIds: [event.hostOrganisationId, ...event.coHostIds],
    changes: entry.changes,
    details: { eventId: event.id, ...entry.details },
    subjectPersonId: invitation.personId,
  };
}
