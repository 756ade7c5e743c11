import { EntityManager } from 'typeorm';
import { isWellFormedToken, tokenDigest } from './answer-links';
import { InvitationStatus } from './invitation-status';

/**
 * Reads of invitations for the hosting and attendance libs, inside their own transactions: who
 * the guests of a visit are, which workshops they hold seats in, whose answer link was opened,
 * and which invitations a person has.
 */

/** A guest of an event: invited, and neither declined nor uninvited. */
export interface EventGuest {
  personId: string;
  invitationId: string;
  status: InvitationStatus;
  /** The parts they hold a confirmed seat in. */
  confirmedPartIds: string[];
}

export async function guestsOf(manager: EntityManager, eventId: string): Promise<EventGuest[]> {
  return manager.query(
    `SELECT i.person_id AS "personId", i.id AS "invitationId", i.status,
            coalesce(array_agg(c.event_id) FILTER (WHERE c.id IS NOT NULL), '{}') AS "confirmedPartIds"
       FROM invitations i
       LEFT JOIN workshop_choices c ON c.invitation_id = i.id AND c.status = 'confirmed'
      WHERE i.event_id = $1 AND i.person_id IS NOT NULL AND i.status NOT IN ('declined', 'cancelled')
      GROUP BY i.id
      ORDER BY i.id`,
    [eventId],
  );
}

/** The invitation an answer link opens, unless it was withdrawn or its person erased. */
export async function invitationOfAnswerToken(
  manager: EntityManager,
  token: string,
): Promise<{ invitationId: string; eventId: string; personId: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const [row]: Array<{ invitationId: string; eventId: string; personId: string | null; status: string }> =
    await manager.query(
      `SELECT id AS "invitationId", event_id AS "eventId", person_id AS "personId", status
         FROM invitations WHERE answer_token_digest = $1`,
      [tokenDigest(token)],
    );
  if (!row?.personId || row.status === 'cancelled') return null;
  return { invitationId: row.invitationId, eventId: row.eventId, personId: row.personId };
}

/** A person's invitations, for libs whose rows hang off an invitation (attendance) to export them. */
export async function invitationIdsOfPerson(manager: EntityManager, personId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM invitations WHERE person_id = $1 ORDER BY id`,
    [personId],
  );
  return rows.map((row) => row.id);
}
