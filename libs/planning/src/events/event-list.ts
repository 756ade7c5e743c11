import { Actor, isAdmin } from '../shared/actor';
import { decodeCursor, PageRequest } from '../shared/pagination';
import { likePattern } from '../shared/text-search';
import { Event } from './event.entity';
import { EventKind, EventStatus } from './event-kind';

export interface EventFilter extends PageRequest {
  from?: Date;
  to?: Date;
  kind?: EventKind[];
  organisationId?: string;
  partnershipId?: string;
  tag?: string;
  q?: string;
  status?: EventStatus;
  parentId?: string;
  topLevel?: boolean;
}

/** An event's place in a list and what it shows, as a digest. */
export interface EventVersion {
  id: string;
  startsAt: Date;
  /** MD5 of the event's row and its co-hosts: it changes with anything the event shows. */
  version: string;
}

const CO_HOST_IDS =
  'ARRAY(SELECT c.organisation_id::text FROM event_co_hosts c WHERE c.event_id = e.id ORDER BY 1)';
const VERSION = `md5(e::text || array_to_string(${CO_HOST_IDS}, ',')) AS version`;

/**
 * Every column of an event under its property name, and its co-hosts' ids, so that a row is an
 * Event as the entity manager would load it; written out, because hydrating entities and loading
 * @RelationId in a second query cost more than the query itself.
 */
const EVENT_COLUMNS = `e.id, e.kind, e.title, e.description, e.original_language AS "originalLanguage",
  e.translations, e.venue_notes AS "venueNotes", e.starts_at AS "startsAt", e.start_zone AS "startZone",
  e.ends_at AS "endsAt", e.end_zone AS "endZone", e.all_day AS "allDay", e.venue_name AS "venueName",
  e.venue_address AS "venueAddress", e.venue_latitude::float8 AS "venueLatitude",
  e.venue_longitude::float8 AS "venueLongitude", e.online_url AS "onlineUrl",
  e.host_organisation_id AS "hostOrganisationId", e.partnership_id AS "partnershipId", e.status, e.visibility,
  e.capacity, e.tags, e.parent_id AS "parentId", e.reminder_offsets AS "reminderOffsets", e.sequence,
  e.created_at AS "createdAt", e.updated_at AS "updatedAt", ${CO_HOST_IDS} AS "coHostIds"`;

/** Collects positional parameters while a statement is written. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * The versions of one page of events in start order (keyset on starts_at, id, as paginate
 * does), as the actor may see them: drafts only by their hosts, internal events also by the
 * members of their partnership, everything by admin keys.
 */
export function eventVersionsQuery(actor: Actor, filter: EventFilter, rows: number): Statement {
  const parameters = new Parameters();
  const conditions: string[] = [];
  if (!isAdmin(actor)) {
    const organisation = parameters.add(actor.organisationId);
    conditions.push(`((e.status <> 'draft' AND e.visibility = 'public')
      OR e.host_organisation_id = ${organisation}
      OR (e.status <> 'draft' AND EXISTS (SELECT 1 FROM partnership_members p
            WHERE p.partnership_id = e.partnership_id AND p.organisation_id = ${organisation}))
      OR EXISTS (SELECT 1 FROM event_co_hosts v WHERE v.event_id = e.id AND v.organisation_id = ${organisation}))`);
  }
  if (filter.from) conditions.push(`e.ends_at >= ${parameters.add(filter.from)}`);
  if (filter.to) conditions.push(`e.starts_at < ${parameters.add(filter.to)}`);
  if (filter.kind?.length) conditions.push(`e.kind = ANY(${parameters.add(filter.kind)}::text[])`);
  if (filter.status) conditions.push(`e.status = ${parameters.add(filter.status)}`);
  if (filter.partnershipId) conditions.push(`e.partnership_id = ${parameters.add(filter.partnershipId)}`);
  if (filter.tag) conditions.push(`${parameters.add(filter.tag.toLowerCase())} = ANY(e.tags)`);
  if (filter.parentId) conditions.push(`e.parent_id = ${parameters.add(filter.parentId)}`);
  if (filter.topLevel) conditions.push('e.parent_id IS NULL');
  if (filter.organisationId) {
    const organisation = parameters.add(filter.organisationId);
    conditions.push(`(e.host_organisation_id = ${organisation}
      OR EXISTS (SELECT 1 FROM event_co_hosts c WHERE c.event_id = e.id AND c.organisation_id = ${organisation}))`);
  }
  if (filter.q) {
    const pattern = parameters.add(likePattern(filter.q));
    conditions.push(`(e.title ILIKE ${pattern} OR e.description ILIKE ${pattern})`);
  }
  if (filter.cursor) {
    const [startsAt, id] = decodeCursor(filter.cursor);
    conditions.push(`(e.starts_at, e.id) > (${parameters.add(startsAt)}, ${parameters.add(id)})`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return {
    sql: `SELECT e.id, e.starts_at AS "startsAt", ${VERSION} FROM events e ${where}
      ORDER BY e.starts_at, e.id LIMIT ${parameters.add(rows)}`,
    parameters: parameters.values,
  };
}

/** The events with these ids, whole, each with its version. */
export function eventsByIdQuery(ids: string[]): Statement {
  return {
    sql: `SELECT ${EVENT_COLUMNS}, ${VERSION} FROM events e WHERE e.id = ANY($1::uuid[])`,
    parameters: [ids],
  };
}

/** A row of eventsByIdQuery as the Event it describes (relations other than co-host ids not loaded). */
export function eventFromRow(row: Record<string, unknown>): { event: Event; version: string } {
  const { version, ...columns } = row;
  return { event: Object.assign(new Event(), columns), version: version as string };
}
