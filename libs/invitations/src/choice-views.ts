import { EntityManager } from 'typeorm';
import { eventsByIds } from '@app/planning';
import { ChoiceStatus } from './invitation-status';

/** A seat an invitee asked for in a workshop, as invitation lists and a person's export show it. */
export interface ChoiceView {
  workshopId: string;
  title: string;
  status: ChoiceStatus;
  requestedAt: Date;
}

/** The workshop choices of each invitation, in the workshops' start order (then title). */
export async function choicesOf(
  manager: EntityManager,
  invitationIds: string[],
): Promise<Map<string, ChoiceView[]>> {
  const byInvitation = new Map<string, ChoiceView[]>(invitationIds.map((id) => [id, []]));
  if (invitationIds.length === 0) return byInvitation;
  const rows: Array<Omit<ChoiceView, 'title'> & { invitationId: string }> = await manager.query(
    `SELECT invitation_id AS "invitationId", event_id AS "workshopId", status, created_at AS "requestedAt"
       FROM workshop_choices WHERE invitation_id = ANY($1::uuid[])`,
    [invitationIds],
  );
  const workshops = await eventsByIds(
    manager,
    rows.map((row) => row.workshopId),
  );
  for (const workshop of workshops) {
    for (const { invitationId, workshopId, status, requestedAt } of rows) {
      if (workshopId !== workshop.id) continue;
      byInvitation.get(invitationId)?.push({ workshopId, title: workshop.title, status, requestedAt });
    }
  }
  return byInvitation;
}
