import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { ApiKeysService } from '@app/access';
import { changesCalendar, Event, Organisation, Partnership, Person, Role } from '@app/planning';
import { DEMO_PROGRAMME } from './programme/demo-programme';
import { DemoProgramme, OrganisationRecord } from './programme/programme.types';
import { PlannedEvent, planProgramme } from './programme-plan';
import { demoId } from './seed-id';

export const DEMO_ORGANISER_KEY_NAME = 'Demo organiser key';
export const DEMO_ADMIN_KEY_NAME = 'Demo admin key';

/** Serialises concurrent loads (two start scripts at once) instead of failing one on a duplicate key. */
const DEMO_SEED_LOCK = 7_152_026;

export interface RecordCounts {
  /** Records of this kind in the programme. */
  total: number;
  created: number;
  updated: number;
}

export interface DemoKey {
  organisationCode: string;
  organisationName: string;
  role: Role;
  /** Shown once; the next load replaces it. */
  token: string;
}

export interface DemoLoadResult {
  organisations: RecordCounts;
  partnerships: RecordCounts;
  people: RecordCounts;
  events: RecordCounts;
  keys: DemoKey[];
}

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Loads the demo programme: the organisations, partnerships, people and events of the source texts.
 * Every record has an id derived from a stable key, so loading again updates rows in place rather
 * than adding copies, and changes to the seed data reach an existing installation.
 */
@Injectable()
export class DemoProgrammeService {
  private readonly logger = new Logger(DemoProgrammeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async load(programme: DemoProgramme = DEMO_PROGRAMME): Promise<DemoLoadResult> {
    const events = planProgramme(programme);
    const { organisationIds, counts } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      const organisations = await this.upsertOrganisations(manager, [
        programme.operator,
        ...programme.organisations,
      ]);
      const partnerships = await this.upsertPartnerships(manager, programme, organisations.ids);
      const people = await this.upsertPeople(manager, programme, organisations.ids);
      const eventCounts = await this.upsertEvents(manager, events, organisations.ids, partnerships.ids);
      return {
        organisationIds: organisations.ids,
        counts: {
          organisations: organisations.counts,
          partnerships: partnerships.counts,
          people,
          events: eventCounts,
        },
      };
    });
    const keys = await this.issueKeys(programme, organisationIds);
    this.logger.log(
      `Demo programme loaded: ${counts.events.created} events created, ${counts.events.updated} updated`,
    );
    return { ...counts, keys };
  }

  private async upsertOrganisations(
    manager: EntityManager,
    records: OrganisationRecord[],
  ): Promise<{ ids: Map<string, string>; counts: RecordCounts }> {
    const ids = new Map<string, string>();
    const counts = emptyCounts(records.length);
    for (const record of records) {
      const code = record.code.toUpperCase();
      const { row, outcome } = await upsert(
        manager,
        Organisation,
        demoId('organisation', code),
        { code },
        {
          code,
          name: record.name,
          country: record.country.toUpperCase(),
          timeZone: record.timeZone,
          defaultLocale: record.defaultLocale,
        },
      );
      ids.set(code, row.id);
      tally(counts, outcome);
    }
    return { ids, counts };
  }

  private async upsertPartnerships(
    manager: EntityManager,
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
  ): Promise<{ ids: Map<string, string>; counts: RecordCounts }> {
    const ids = new Map<string, string>();
    const counts = emptyCounts(programme.partnerships.length);
    for (const record of programme.partnerships) {
      const { row, outcome } = await upsert(
        manager,
        Partnership,
        demoId('partnership', record.key),
        { name: record.name },
        {
          name: record.name,
          description: record.description,
          members: record.members.map((code) => reference<Organisation>(organisationIds, code)),
        },
        { members: true },
      );
      ids.set(record.key, row.id);
      tally(counts, outcome);
    }
    return { ids, counts };
  }

  private async upsertPeople(
    manager: EntityManager,
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
  ): Promise<RecordCounts> {
    const counts = emptyCounts(programme.people.length);
    const zoneOf = new Map(
      [programme.operator, ...programme.organisations].map((organisation) => [
        organisation.code.toUpperCase(),
        organisation.timeZone,
      ]),
    );
    for (const record of programme.people) {
      const email = record.email.trim().toLowerCase();
      const { outcome } = await upsert(
        manager,
        Person,
        demoId('person', email),
        { email },
        {
          name: record.name,
          email,
          organisationId: organisationIds.get(record.organisation)!,
          department: record.department,
          locale: record.locale,
          timeZone: record.timeZone ?? zoneOf.get(record.organisation)!,
        },
      );
      tally(counts, outcome);
    }
    return counts;
  }

  private async upsertEvents(
    manager: EntityManager,
    events: PlannedEvent[],
    organisationIds: Map<string, string>,
    partnershipIds: Map<string, string>,
  ): Promise<RecordCounts> {
    const counts = emptyCounts(events.length);
    for (const event of events) {
      const id = demoId('event', event.key);
      const { row, outcome, changed } = await upsert(
        manager,
        Event,
        id,
        { id },
        {
          kind: event.kind,
          title: event.title,
          description: event.description,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          startZone: event.startZone,
          endZone: event.endZone,
          allDay: event.allDay,
          venueName: event.venueName,
          venueAddress: event.venueAddress,
          venueLatitude: event.venueLatitude,
          venueLongitude: event.venueLongitude,
          onlineUrl: event.onlineUrl,
          hostOrganisationId: organisationIds.get(event.host)!,
          coHosts: event.coHosts.map((code) => reference<Organisation>(organisationIds, code)),
          partnershipId: event.partnership ? partnershipIds.get(event.partnership)! : null,
          status: event.status,
          visibility: event.visibility,
          capacity: event.capacity,
          tags: event.tags,
          parentId: event.parentKey ? demoId('event', event.parentKey) : null,
        },
        { coHosts: true },
      );
      // Calendars that subscribed to the demo must see an updated seed as a new version.
      if (outcome === 'updated' && changesCalendar(changed)) {
        await manager.increment(Event, { id: row.id }, 'sequence', 1);
      }
      tally(counts, outcome);
    }
    return counts;
  }

  /** Runs after the data is committed: each key replaces the previous demo key of its organisation. */
  private async issueKeys(
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
  ): Promise<DemoKey[]> {
    const holders: Array<{ organisation: OrganisationRecord; role: Role; name: string }> = [
      { organisation: programme.operator, role: 'admin', name: DEMO_ADMIN_KEY_NAME },
      ...programme.organisations.map((organisation) => ({
        organisation,
        role: 'organiser' as const,
        name: DEMO_ORGANISER_KEY_NAME,
      })),
    ];
    const keys: DemoKey[] = [];
    for (const holder of holders) {
      const code = holder.organisation.code.toUpperCase();
      const issued = await this.apiKeys.replaceNamedKey({
        name: holder.name,
        organisationId: organisationIds.get(code)!,
        role: holder.role,
      });
      keys.push({
        organisationCode: code,
        organisationName: holder.organisation.name,
        role: holder.role,
        token: issued.token,
      });
    }
    return keys;
  }
}

/**
 * Finds the row by its seed id, else by its natural key (a row someone created by hand with the
 * same code, name or email is adopted rather than duplicated), and writes only what differs.
 */
async function upsert<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  naturalKey: FindOptionsWhere<T>,
  values: DeepPartial<T>,
  relations?: FindOptionsRelations<T>,
): Promise<{ row: T; outcome: Outcome; changed: string[] }> {
  const existing =
    (await manager.findOne(target, { where: { id } as FindOptionsWhere<T>, relations })) ??
    (await manager.findOne(target, { where: naturalKey, relations }));
  if (!existing) {
    const row = await manager.save(target, manager.create(target, { ...values, id } as DeepPartial<T>));
    return { row, outcome: 'created', changed: [] };
  }
  const current = existing as Record<string, unknown>;
  const changed = Object.entries(values as Record<string, unknown>)
    .filter(([field, value]) => !sameValue(current[field], value))
    .map(([field]) => field);
  if (changed.length === 0) return { row: existing, outcome: 'unchanged', changed };
  Object.assign(existing, values);
  const row = await manager.save(target, existing);
  return { row, outcome: 'updated', changed };
}

function sameValue(current: unknown, next: unknown): boolean {
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  if (Array.isArray(current) && Array.isArray(next)) {
    const identities = (values: unknown[]) =>
      values
        .map((value) =>
          value !== null && typeof value === 'object' && 'id' in value ? String(value.id) : String(value),
        )
        .sort()
        .join('\u0000');
    return current.length === next.length && identities(current) === identities(next);
  }
  return current === next;
}

function reference<T extends { id: string }>(ids: Map<string, string>, key: string): T {
  return { id: ids.get(key)! } as T;
}

function emptyCounts(total: number): RecordCounts {
  return { total, created: 0, updated: 0 };
}

function tally(counts: RecordCounts, outcome: Outcome): void {
  if (outcome === 'created') counts.created += 1;
  if (outcome === 'updated') counts.updated += 1;
}
