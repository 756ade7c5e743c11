import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Event } from './event.entity';
import { partIdsOf } from './event-tree';

/**
 * Reads and locks of events for other libs, inside their own transactions: planning owns the
 * events table, so they ask here instead of naming it in their SQL.
 */

/**
 * Locks events (FOR UPDATE) always in id order, so that transactions locking several never
 * deadlock, and loads them in that order. Callers lock the parts of an event before the event
 * around it, as planning does when a change reaches the parts.
 */
export async function lockEvents(manager: EntityManager, ids: string[]): Promise<Event[]> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return [];
  await manager.query(`SELECT id FROM events WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [sorted]);
  return manager.find(Event, { where: { id: In(sorted) }, order: { id: 'ASC' } });
}

/** One event, optionally holding a row lock until the caller's transaction ends. */
export function findEvent(
  manager: EntityManager,
  id: string,
  lock?: 'pessimistic_read' | 'pessimistic_write',
): Promise<Event | null> {
  return manager.findOne(Event, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
}

/** Events by id, in start order (then title), without their relations. */
export function eventsByIds(manager: EntityManager, ids: string[]): Promise<Event[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.find(Event, {
    where: { id: In([...new Set(ids)]) },
    order: { startsAt: 'ASC', title: 'ASC', id: 'ASC' },
  });
}

/** Of these events, the ones not over yet (by the database's clock). */
export async function upcomingEventIds(manager: EntityManager, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM events WHERE id = ANY($1::uuid[]) AND ends_at > now()`,
    [[...new Set(ids)]],
  );
  return rows.map((row) => row.id);
}

/** Of these events, the cancelled ones. */
export async function cancelledEventIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM events WHERE id = ANY($1::uuid[]) AND status = 'cancelled'`,
    [[...new Set(ids)]],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * The parts of an event that one chooses a seat in (workshops, sessions): those with a capacity
 * and not cancelled, at any depth, in start order. Parts without a capacity belong to everyone's
 * programme.
 */
export async function workshopsOf(manager: EntityManager, eventId: string): Promise<Event[]> {
  const ids = await partIdsOf(manager, eventId);
  if (ids.length === 0) return [];
  return manager.find(Event, {
    where: { id: In(ids), capacity: Not(IsNull()), status: Not('cancelled') },
    order: { startsAt: 'ASC', title: 'ASC' },
  });
}

/** The organisations that host or co-host an event (none for an unknown event). */
export async function hostOrganisationIdsOf(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT host_organisation_id AS id FROM events WHERE id = $1
     UNION SELECT organisation_id FROM event_co_hosts WHERE event_id = $1`,
    [eventId],
  );
  return rows.map((row) => row.id);
}
