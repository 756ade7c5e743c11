import {
  assertCapacity,
  assertInsideParent,
  assertSpan,
  assertTimeZone,
  EventKind,
  EventStatus,
  EventVisibility,
  parseSpan,
  PlanningError,
} from '@app/planning';
import { DomainError } from '@app/errors';
import { DemoError } from './demo.error';
import { DemoProgramme, EventRecord } from './programme/programme.types';

/** An event of the demo programme resolved to what is stored: instants, inherited fields, full key. */
export interface PlannedEvent {
  key: string;
  parentKey: string | null;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  startZone: string;
  endZone: string;
  allDay: boolean;
  venueName: string | null;
  venueAddress: string | null;
  venueLatitude: number | null;
  venueLongitude: number | null;
  onlineUrl: string | null;
  host: string;
  coHosts: string[];
  partnership: string | null;
  status: EventStatus;
  visibility: EventVisibility;
  capacity: number | null;
  tags: string[];
}

/**
 * Checks the whole programme before anything is written: zones of organisations and people, and
 * that every code a partnership or person names is an organisation of the programme.
 * Returns the events, resolved.
 */
export function planProgramme(programme: DemoProgramme): PlannedEvent[] {
  const organisations = [programme.operator, ...programme.organisations];
  const zones = new Map<string, string>();
  for (const organisation of organisations) {
    const code = organisation.code.toUpperCase();
    if (zones.has(code)) throw new DemoError(`Two demo organisations have the code ${code}.`);
    withContext('organisation', code, () => assertTimeZone('timeZone', organisation.timeZone));
    zones.set(code, organisation.timeZone);
  }
  const assertKnown = (context: string, code: string): void => {
    if (!zones.has(code)) {
      throw new DemoError(`Demo ${context}: unknown organisation ${code}.`, [
        { field: context, message: code },
      ]);
    }
  };
  for (const partnership of programme.partnerships) {
    for (const code of partnership.members) assertKnown(`partnership ${partnership.key}`, code);
  }
  for (const person of programme.people) {
    assertKnown(`person ${person.email}`, person.organisation);
    if (person.timeZone) {
      const zone = person.timeZone;
      withContext('person', person.email, () => assertTimeZone('timeZone', zone));
    }
  }
  const partnershipKeys = new Set(programme.partnerships.map((partnership) => partnership.key));
  const events = planEvents(programme.events, (code) => zones.get(code));
  const orphan = events.find((event) => event.partnership && !partnershipKeys.has(event.partnership));
  if (orphan) throw new DemoError(`Demo event "${orphan.key}": unknown partnership ${orphan.partnership}.`);
  return events;
}

/**
 * Resolves the event records, parents before their parts, and checks them against the same rules
 * the API enforces, so that a mistake in the seed data fails the load before anything is written.
 *
 * @param zoneOf the time zone of an organisation code, or undefined when the code is unknown
 */
export function planEvents(
  records: EventRecord[],
  zoneOf: (organisationCode: string) => string | undefined,
): PlannedEvent[] {
  const planned: PlannedEvent[] = [];
  const visit = (record: EventRecord, parent: PlannedEvent | null): void => {
    const key = parent ? `${parent.key}/${record.key}` : record.key;
    if (planned.some((event) => event.key === key))
      throw new DemoError(`Two demo events have the key "${key}".`);
    const event = withContext('event', key, () => resolve(record, key, parent, zoneOf));
    planned.push(event);
    for (const part of record.parts ?? []) visit(part, event);
  };
  for (const record of records) visit(record, null);
  return planned;
}

function resolve(
  record: EventRecord,
  key: string,
  parent: PlannedEvent | null,
  zoneOf: (organisationCode: string) => string | undefined,
): PlannedEvent {
  const host = record.host ?? parent?.host;
  if (!host) throw PlanningError.invalid('host', 'A top-level event needs a host.');
  const hostZone = zoneOf(host);
  if (!hostZone) throw PlanningError.invalid('host', `Unknown host organisation ${host}.`);
  const coHosts = [...new Set(record.coHosts ?? parent?.coHosts ?? [])].filter((code) => code !== host);
  const unknownCoHost = coHosts.find((code) => !zoneOf(code));
  if (unknownCoHost) throw PlanningError.invalid('coHosts', `Unknown co-host ${unknownCoHost}.`);

  const startZone = record.startZone ?? parent?.startZone ?? hostZone;
  const endZone = record.endZone ?? record.startZone ?? parent?.endZone ?? startZone;
  assertTimeZone('startZone', startZone);
  assertTimeZone('endZone', endZone);
  const allDay = record.allDay ?? false;
  const span = parseSpan({ startsAt: record.startsAt, endsAt: record.endsAt, startZone, endZone, allDay });
  assertSpan(span);
  if (parent) assertInsideParent(span, parent);
  assertCapacity(record.capacity);

  return {
    key,
    parentKey: parent?.key ?? null,
    kind: record.kind,
    title: record.title.trim(),
    description: record.description.trim(),
    ...span,
    startZone,
    endZone,
    allDay,
    venueName: record.venue?.name ?? null,
    venueAddress: record.venue?.address ?? null,
    venueLatitude: record.venue?.latitude ?? null,
    venueLongitude: record.venue?.longitude ?? null,
    onlineUrl: record.onlineUrl ?? null,
    host,
    coHosts,
    partnership: record.partnership ?? parent?.partnership ?? null,
    status: record.status ?? 'published',
    visibility: record.visibility ?? parent?.visibility ?? 'public',
    capacity: record.capacity ?? null,
    tags: [...new Set((record.tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
  };
}

/** Names the seed record a rule failed for, so that a mistake in the data is found at once. */
function withContext<T>(what: string, subject: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError && !(error instanceof DemoError)) {
      throw new DemoError(
        `Demo ${what} "${subject}": ${error.message}`,
        error.problems.map((problem) => ({ ...problem, field: `${subject}.${problem.field}` })),
      );
    }
    throw error;
  }
}
