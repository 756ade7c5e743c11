import {
  assertCapacity,
  assertLanguage,
  assertInsideParent,
  assertLeadIsMember,
  assertSpan,
  assertTimeZone,
  EventKind,
  EventStatus,
  EventTranslations,
  EventVisibility,
  Locale,
  normaliseTitle,
  normaliseTranslation,
  parseSpan,
  PlanningError,
} from '@app/planning';
import { DomainError } from '@app/errors';
import { ChoiceStatus, InvitationStatus, oneSeatPerRound } from '@app/invitations';
import { DemoError } from './demo.error';
import { DemoProgramme, EventRecord, InvitationRoundRecord } from './programme/programme.types';

/** An event of the demo programme resolved to what is stored: instants, inherited fields, full key. */
export interface PlannedEvent {
  key: string;
  parentKey: string | null;
  kind: EventKind;
  title: string;
  description: string;
  originalLanguage: Locale;
  translations: EventTranslations;
  startsAt: Date;
  endsAt: Date;
  startZone: string;
  endZone: string;
  allDay: boolean;
  venueName: string | null;
  venueAddress: string | null;
  venueNotes: string;
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

/** An invitation of the demo programme, checked against its event and resolved to stored values. */
export interface PlannedInvitation {
  /** "<event key>:<email>", the seed key of the invitation's id. */
  key: string;
  eventKey: string;
  email: string;
  status: InvitationStatus;
  respondedAt: Date | null;
  choices: PlannedChoice[];
}

export interface PlannedChoice {
  /** "<workshop key>:<email>", the seed key of the choice's id. */
  key: string;
  workshopKey: string;
  status: ChoiceStatus;
}

/** Statuses that hold no seat anywhere: the person said no, or the organiser withdrew the invitation. */
const WITHOUT_SEATS: readonly InvitationStatus[] = ['declined', 'cancelled'];

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
    withContext('partnership', partnership.key, () =>
      assertLeadIsMember(partnership.lead, partnership.members),
    );
  }
  for (const person of programme.people) {
    assertKnown(`person ${person.email}`, person.organisation);
    if (person.timeZone) {
      const zone = person.timeZone;
      withContext('person', person.email, () => assertTimeZone('timeZone', zone));
    }
  }
  const people = new Set(programme.people.map((person) => person.email.trim().toLowerCase()));
  for (const email of programme.personalFeeds) {
    if (!people.has(email.toLowerCase())) throw new DemoError(`Demo personal feed: unknown person ${email}.`);
  }
  const partnershipKeys = new Set(programme.partnerships.map((partnership) => partnership.key));
  const events = planEvents(programme.events, (code) => zones.get(code));
  for (const key of programme.openSignUps) {
    const event = events.find((planned) => planned.key === key);
    if (!event || event.parentKey || event.visibility !== 'public' || event.status !== 'published') {
      throw new DemoError(`Demo open sign-up: "${key}" is no public, published top-level event.`);
    }
  }
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
  const originalLanguage = record.originalLanguage ?? parent?.originalLanguage ?? 'de';

  return {
    key,
    parentKey: parent?.key ?? null,
    kind: record.kind,
    title: normaliseTitle(record.title),
    description: record.description.trim(),
    originalLanguage,
    translations: Object.fromEntries(
      Object.entries(record.translations ?? {}).map(([language, texts]) => {
        const known = assertLanguage('translations', language);
        return [known, normaliseTranslation({ originalLanguage }, known, texts)];
      }),
    ),
    ...span,
    startZone,
    endZone,
    allDay,
    venueName: record.venue?.name ?? null,
    venueAddress: record.venue?.address ?? null,
    venueNotes: record.venue?.notes ?? '',
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

/**
 * Resolves the invitations and checks them as the invitations lib would have left them: one per
 * person and event, seats only in parts of the event that have a capacity, never more accepted
 * invitations or confirmed seats than there is room for, and a waitlist only where it is full.
 */
export function planInvitations(programme: DemoProgramme, events: PlannedEvent[]): PlannedInvitation[] {
  const people = new Set(programme.people.map((person) => person.email.trim().toLowerCase()));
  const eventsByKey = new Map(events.map((event) => [event.key, event]));
  const planned = programme.invitations.flatMap((round) => planRound(round, eventsByKey, people));
  const seats = new Map<string, { confirmed: number; waitlisted: number }>();
  const count = (key: string, status: 'accepted' | 'waitlisted' | ChoiceStatus): void => {
    const counted = seats.get(key) ?? { confirmed: 0, waitlisted: 0 };
    if (status === 'accepted' || status === 'confirmed') counted.confirmed += 1;
    if (status === 'waitlisted') counted.waitlisted += 1;
    seats.set(key, counted);
  };
  for (const invitation of planned) {
    if (invitation.status === 'accepted' || invitation.status === 'waitlisted') {
      count(invitation.eventKey, invitation.status);
    }
    for (const choice of invitation.choices) count(choice.workshopKey, choice.status);
  }
  for (const [key, counted] of seats) {
    const capacity = eventsByKey.get(key)!.capacity;
    if (capacity === null) continue;
    if (counted.confirmed > capacity) {
      throw new DemoError(
        `Demo invitations to "${key}": ${counted.confirmed} seats taken, capacity ${capacity}.`,
      );
    }
    if (counted.waitlisted > 0 && counted.confirmed < capacity) {
      throw new DemoError(`Demo invitations to "${key}": people wait although seats are free.`);
    }
  }
  return planned;
}

function planRound(
  round: InvitationRoundRecord,
  eventsByKey: Map<string, PlannedEvent>,
  people: Set<string>,
): PlannedInvitation[] {
  const event = eventsByKey.get(round.event);
  if (!event) throw new DemoError(`Demo invitations: unknown event "${round.event}".`);
  if (event.status === 'cancelled') throw new DemoError(`Demo invitations: "${round.event}" is cancelled.`);
  const answeredAt = new Date(round.answeredAt);
  if (Number.isNaN(answeredAt.getTime())) {
    throw new DemoError(`Demo invitations to "${round.event}": answeredAt is not an instant.`);
  }
  const invited = new Set<string>();
  const offered = [...eventsByKey.values()]
    .filter(
      (part) => part.key.startsWith(`${event.key}/`) && part.capacity !== null && part.status !== 'cancelled',
    )
    .map((part) => ({ id: part.key, title: part.title, startsAt: part.startsAt, endsAt: part.endsAt }));
  return round.invitees
    .map((invitee) => {
      const email = invitee.email.trim().toLowerCase();
      const subject = `Demo invitation of ${email} to "${event.key}"`;
      if (!people.has(email)) throw new DemoError(`${subject}: unknown person.`);
      if (invited.has(email)) throw new DemoError(`${subject}: invited twice.`);
      invited.add(email);
      const seats = Object.entries(invitee.seats ?? {});
      if (seats.length > 0 && WITHOUT_SEATS.includes(invitee.status)) {
        throw new DemoError(`${subject}: a ${invitee.status} invitation holds no seats.`);
      }
      return {
        key: `${event.key}:${email}`,
        eventKey: event.key,
        email,
        status: invitee.status,
        respondedAt: invitee.status === 'invited' || invitee.status === 'cancelled' ? null : answeredAt,
        choices: seats.map(([part, status]) => {
          const workshopKey = `${event.key}/${part}`;
          const workshop = eventsByKey.get(workshopKey);
          if (!workshop) throw new DemoError(`${subject}: "${part}" is not a part of the event.`);
          if (workshop.capacity === null) {
            throw new DemoError(`${subject}: "${part}" has no capacity and is everyone's programme anyway.`);
          }
          if (workshop.status === 'cancelled') throw new DemoError(`${subject}: "${part}" is cancelled.`);
          return { key: `${workshopKey}:${email}`, workshopKey, status };
        }),
      };
    })
    .map((planned) => {
      // As the invitations lib holds people to it: one seat (or place on a waitlist) per round.
      const chosen = planned.choices.map((choice) => choice.workshopKey);
      withContext('invitation of', planned.email, () => oneSeatPerRound(offered, [], chosen, false));
      return planned;
    });
}
