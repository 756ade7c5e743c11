import {
  AuditAction,
  AuditActor,
  AuditDetails,
  AuditRecord,
  changedFields,
  FieldChange,
  systemActor,
} from '@app/audit';
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

/** Promotions are the platform's doing, whoever freed the seat: they follow the waitlist's order. */
export const WAITLIST_ACTOR = systemActor('waitlist');

/**
 * A seat the waitlist gave someone: of the event itself (the invitation becomes accepted) or of a
 * workshop in it (`details.workshopId`; the invitation keeps its status).
 */
export function promotionRecord(
  event: Pick<Event, 'id' | 'hostOrganisationId' | 'coHostIds'>,
  promotion: { invitationId: string; personId: string; ownSeat: boolean },
): AuditRecord {
  const invitation = { id: promotion.invitationId, personId: promotion.personId };
  const { ownSeat } = promotion;
  return invitationRecord(WAITLIST_ACTOR, 'invitation.promoted', event, invitation, {
    changes: ownSeat ? changedFields({ status: 'waitlisted' }, { status: 'accepted' }) : [],
    details: ownSeat ? {} : { workshopId: event.id, seat: 'confirmed' },
  });
}
