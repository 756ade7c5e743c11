import { EntityManager } from 'typeorm';
import { ancestorIdsOf, cancelledEventIds, Event } from '@app/planning';
import { ATTENDING_STATUSES, INFORMED_STATUSES } from './invitation-status';

export interface Recipient {
  invitationId: string;
  personId: string;
  /** The event the invitation is for: the event itself, or one it is part of. */
  invitedEventId: string;
}

/**
 * Who hears about a change of an event (invitations of erased people, which have no person, never): everyone invited to it who has not declined, and everyone
 * invited to an event around it whose programme includes it (a part without capacity belongs to
 * everyone's programme, a workshop only to those with a confirmed seat).
 */
export async function informedRecipients(
  manager: EntityManager,
  event: Pick<Event, 'id' | 'capacity'>,
): Promise<Recipient[]> {
  const ancestors = await ancestorIdsOf(manager, event.id);
  const cancelled = await cancelledEventIds(manager, ancestors);
  return manager.query(
    `SELECT i.id AS "invitationId", i.person_id AS "personId", i.event_id AS "invitedEventId"
       FROM invitations i
      WHERE i.status = ANY($2::varchar[]) AND i.person_id IS NOT NULL
        AND (i.event_id = $1
             OR (i.event_id = ANY($4::uuid[])
                 AND ($3::boolean
                      OR EXISTS (SELECT 1 FROM workshop_choices c
                                  WHERE c.invitation_id = i.id AND c.event_id = $1 AND c.status = 'confirmed'))))`,
    [event.id, INFORMED_STATUSES, event.capacity === null, ancestors.filter((id) => !cancelled.has(id))],
  );
}

/** Who is invited to this event itself and still hears about it (not those invited around it). */
export async function invitedTo(manager: EntityManager, eventId: string): Promise<Recipient[]> {
  return manager.query(
    `SELECT i.id AS "invitationId", i.person_id AS "personId", i.event_id AS "invitedEventId"
       FROM invitations i
      WHERE i.event_id = $1 AND i.status = ANY($2::varchar[]) AND i.person_id IS NOT NULL`,
    [eventId, INFORMED_STATUSES],
  );
}

/**
 * Who is reminded of an event: people who accepted or are tentative, invited to it directly or
 * holding a confirmed seat in it through an invitation to the (not cancelled) event around it.
 * Parts without capacity (a plenary, a travel leg) are covered by the reminder of the whole.
 */
export async function remindedRecipients(manager: EntityManager, eventId: string): Promise<Recipient[]> {
  const recipients: Recipient[] = await manager.query(
    `SELECT i.id AS "invitationId", i.person_id AS "personId", i.event_id AS "invitedEventId"
       FROM invitations i
      WHERE i.event_id = $1 AND i.status = ANY($2::varchar[]) AND i.person_id IS NOT NULL
     UNION ALL
     SELECT i.id, i.person_id, i.event_id
       FROM workshop_choices c
       JOIN invitations i ON i.id = c.invitation_id
      WHERE c.event_id = $1 AND c.status = 'confirmed'
        AND i.status = ANY($2::varchar[]) AND i.person_id IS NOT NULL`,
    [eventId, ATTENDING_STATUSES],
  );
  // A seat in a workshop is no reason for a reminder once the event it came with is cancelled.
  const cancelled = await cancelledEventIds(
    manager,
    recipients.map((recipient) => recipient.invitedEventId),
  );
  return recipients.filter(
    (recipient) => recipient.invitedEventId === eventId || !cancelled.has(recipient.invitedEventId),
  );
}
