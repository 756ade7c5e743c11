import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Event } from './event.entity';

/**
 * The parts of events at any depth, each with the event it is a part of (`root_id`), for the
 * events in `$1`. The one place the tree is walked downwards; callers select from `parts`.
 */
const PARTS = `WITH RECURSIVE parts AS (
  SELECT r.root_id, e.id FROM unnest($1::uuid[]) AS r(root_id) JOIN events e ON e.parent_id = r.root_id
  UNION ALL
  SELECT p.root_id, e.id FROM events e JOIN parts p ON e.parent_id = p.id
)`;

/** The events that event `$1` is a part of, nearest first: the one place the tree is walked upwards. */
const ANCESTORS = `WITH RECURSIVE ancestors AS (
  SELECT parent_id AS id, 1 AS depth FROM events WHERE id = $1 AND parent_id IS NOT NULL
  UNION ALL
  SELECT e.parent_id, a.depth + 1 FROM events e JOIN ancestors a ON e.id = a.id WHERE e.parent_id IS NOT NULL
)`;

/**
 * SQL that holds when event `alias` is publicly listed: public, published or cancelled (shown as
 * cancelled), and, when `checkAncestors`, none of the events it is part of internal or a draft.
 * The rule of the public calendar; the feeds' render thread keeps a copy (see FeedQueries.listed).
 */
export function publiclyListed(alias: string, checkAncestors = true): string {
  const own = `${alias}.visibility = 'public' AND ${alias}.status IN ('published', 'cancelled')`;
  if (!checkAncestors) return own;
  return `${own} AND (${alias}.parent_id IS NULL OR NOT EXISTS (
      WITH RECURSIVE ancestors AS (
        SELECT a.parent_id, a.visibility, a.status FROM events a WHERE a.id = ${alias}.parent_id
        UNION ALL
        SELECT a.parent_id, a.visibility, a.status FROM events a JOIN ancestors x ON a.id = x.parent_id)
      SELECT 1 FROM ancestors WHERE visibility <> 'public' OR status = 'draft'))`;
}

/** Ids of all parts inside an event, at any depth, in no particular order. */
export async function partIdsOf(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(`${PARTS} SELECT id FROM parts`, [[eventId]]);
  return rows.map((row) => row.id);
}

/** Ids of the events an event is part of, nearest first. */
export async function ancestorIdsOf(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `${ANCESTORS} SELECT id FROM ancestors ORDER BY depth`,
    [eventId],
  );
  return rows.map((row) => row.id);
}

/** An event's own columns, without its relations: what emails and calendar entries show. */
export type EventSnapshot = Omit<
  Event,
  'coHosts' | 'coHostIds' | 'hostOrganisation' | 'partnership' | 'parent' | 'children'
>;

/** Events read together with what they are part of and, for some of them, their parts. */
export interface EventSurroundings {
  /** The events asked for, and every event they are part of, by id. */
  events: Map<string, EventSnapshot>;
  /** The parts at any depth of the events asked for in `partsOf`, in start order. */
  parts: Map<string, EventSnapshot[]>;
}

/**
 * Reads of the event tree for work done without an actor (the mail job): no visibility rules,
 * callers decide what to show. One query per call, whatever the number of events.
 */
@Injectable()
export class EventTreeReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async surroundings(eventIds: string[], partsOf: string[] = []): Promise<EventSurroundings> {
    const found = { events: new Map<string, EventSnapshot>(), parts: new Map<string, EventSnapshot[]>() };
    if (eventIds.length === 0 && partsOf.length === 0) return found;
    const rows: Array<Record<string, unknown> & { part_of: string | null }> = await this.dataSource.query(
      `${PARTS},
       around AS (
         SELECT id, parent_id FROM events WHERE id = ANY($2::uuid[])
         UNION
         SELECT e.id, e.parent_id FROM events e JOIN around a ON e.id = a.parent_id
       )
       SELECT ev.*, NULL::uuid AS part_of FROM events ev WHERE ev.id IN (SELECT id FROM around)
       UNION ALL
       SELECT ev.*, p.root_id FROM parts p JOIN events ev ON ev.id = p.id
       ORDER BY starts_at, title, id`,
      [[...new Set(partsOf)], [...new Set(eventIds)]],
    );
    for (const row of rows) {
      const event = this.hydrate(row);
      if (row.part_of === null) found.events.set(event.id, event);
      else found.parts.set(row.part_of, [...(found.parts.get(row.part_of) ?? []), event]);
    }
    return found;
  }

  /** Column values as TypeORM would load them (numeric venues as numbers), without retyping the columns. */
  private hydrate(row: Record<string, unknown>): EventSnapshot {
    const metadata = this.dataSource.getMetadata(Event);
    const event = metadata.create() as EventSnapshot;
    for (const column of metadata.columns) {
      if (column.databaseName in row) {
        column.setEntityValue(
          event,
          this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column),
        );
      }
    }
    return event;
  }
}
