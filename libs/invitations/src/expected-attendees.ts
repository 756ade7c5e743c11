import { EntityManager } from 'typeorm';
import { ancestorIdsOf, Event } from '@app/planning';

/** Someone expected at an event or session: the invitation they come through, and who they are. */
export interface ExpectedAttendee {
  invitationId: string;
  personId: string;
  name: string;
  organisationId: string | null;
}

/**
 * Who is expected at an event: those who accepted its invitation; at a part with seats (a
 * workshop, a session), those holding a confirmed seat; at a part without seats, everyone who
 * accepted the event around it. Tentative answers are not expected: a list to tick is about who
 * said they come. Erased people are left out. Sorted by name.
 */
export async function expectedAttendees(manager: EntityManager, event: Event): Promise<ExpectedAttendee[]> {
  const bySeat = event.parentId !== null && event.capacity !== null;
  const invitedEventIds = bySeat ? [] : [event.id, ...(await ancestorIdsOf(manager, event.id))];
  return manager.query(
    `SELECT i.id AS "invitationId", p.id AS "personId", p.name, p.organisation_id AS "organisationId"
       FROM invitations i
       JOIN person_directory p ON p.id = i.person_id
      WHERE (i.status = 'accepted' AND i.event_id = ANY($1::uuid[]))
         OR EXISTS (SELECT 1 FROM workshop_choices c
                     WHERE c.invitation_id = i.id AND c.event_id = $2 AND c.status = 'confirmed' AND $3)
      ORDER BY lower(p.name), i.id`,
    [invitedEventIds, event.id, bySeat],
  );
}
