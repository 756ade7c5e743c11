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
import { FeedLink, FeedLinks, FeedToken, generateFeedToken } from '@app/feeds';
import { AnswerLinks, Invitation, WorkshopChoice } from '@app/invitations';
import { changesCalendar, Event, Organisation, Partnership, Person, Role } from '@app/planning';
import { DEMO_PROGRAMME } from './programme/demo-programme';
import { DemoProgramme, OrganisationRecord } from './programme/programme.types';
import { PlannedEvent, PlannedInvitation, planInvitations, planProgramme } from './programme-plan';
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
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  role: Role;
  /** Shown once; the next load replaces it. */
  token: string;
}

/** A demo participant's personal feed: the URL is shown once; the next load replaces it. */
export interface DemoPersonalFeed {
  personId: string;
  name: string;
  organisationCode: string;
  timeZone: string;
  feed: FeedLink;
}

export interface DemoLoadResult {
  organisations: RecordCounts;
  partnerships: RecordCounts;
  people: RecordCounts;
  events: RecordCounts;
  invitations: RecordCounts;
  workshopChoices: RecordCounts;
  keys: DemoKey[];
  personalFeeds: DemoPersonalFeed[];
}

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Loads the demo programme: the organisations, partnerships, people and events of the source texts,
 * their follow-ups and the invitations to those. Every record has an id derived from a stable key,
 * so loading again updates rows in place rather than adding copies, and changes to the seed data
 * reach an existing installation. Invitations are written as the state they reached, without the
 * emails inviting through the API sends: starting the demo never mails anyone.
 */
@Injectable()
export class DemoProgrammeService {
  private readonly logger = new Logger(DemoProgrammeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    private readonly answerLinks: AnswerLinks,
    private readonly feedLinks: FeedLinks,
  ) {}

  async load(programme: DemoProgramme = DEMO_PROGRAMME): Promise<DemoLoadResult> {
    const events = planProgramme(programme);
    const invitations = planInvitations(programme, events);
    const { organisationIds, personIds, counts } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      const organisations = await this.upsertOrganisations(manager, [
        programme.operator,
        ...programme.organisations,
      ]);
      const partnerships = await this.upsertPartnerships(manager, programme, organisations.ids);
      const people = await this.upsertPeople(manager, programme, organisations.ids);
      const eventCounts = await this.upsertEvents(manager, events, organisations.ids, partnerships.ids);
      const answers = await this.upsertInvitations(manager, invitations, people.ids);
      return {
        organisationIds: organisations.ids,
        personIds: people.ids,
        counts: {
          organisations: organisations.counts,
          partnerships: partnerships.counts,
          people: people.counts,
          events: eventCounts,
          ...answers,
        },
      };
    });
    const keys = await this.issueKeys(programme, organisationIds);
    const personalFeeds = await this.issuePersonalFeeds(programme, organisationIds, personIds);
    this.logger.log(
      `Demo programme loaded: ${counts.events.created} events created, ${counts.events.updated} updated`,
    );
    return { ...counts, keys, personalFeeds };
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
          leadOrganisationId: organisationIds.get(record.lead)!,
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
  ): Promise<{ ids: Map<string, string>; counts: RecordCounts }> {
    const ids = new Map<string, string>();
    const counts = emptyCounts(programme.people.length);
    const zoneOf = new Map(
      [programme.operator, ...programme.organisations].map((organisation) => [
        organisation.code.toUpperCase(),
        organisation.timeZone,
      ]),
    );
    for (const record of programme.people) {
      const email = record.email.trim().toLowerCase();
      const { row, outcome } = await upsert(
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
      ids.set(email, row.id);
      tally(counts, outcome);
    }
    return { ids, counts };
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

  private async upsertInvitations(
    manager: EntityManager,
    invitations: PlannedInvitation[],
    personIds: Map<string, string>,
  ): Promise<{ invitations: RecordCounts; workshopChoices: RecordCounts }> {
    const counts = emptyCounts(invitations.length);
    const choiceCounts = emptyCounts(
      invitations.reduce((sum, invitation) => sum + invitation.choices.length, 0),
    );
    const ids: string[] = [];
    for (const invitation of invitations) {
      const eventId = demoId('event', invitation.eventKey);
      const personId = personIds.get(invitation.email)!;
      const { row, outcome } = await upsert(
        manager,
        Invitation,
        demoId('invitation', invitation.key),
        { eventId, personId },
        { eventId, personId, status: invitation.status, respondedAt: invitation.respondedAt },
      );
      ids.push(row.id);
      tally(counts, outcome);
      for (const choice of invitation.choices) {
        const workshopId = demoId('event', choice.workshopKey);
        const seat = await upsert(
          manager,
          WorkshopChoice,
          demoId('workshop-choice', choice.key),
          { invitationId: row.id, eventId: workshopId },
          { invitationId: row.id, eventId: workshopId, status: choice.status },
        );
        tally(choiceCounts, seat.outcome);
      }
    }
    await this.giveAnswerLinks(manager, ids);
    return { invitations: counts, workshopChoices: choiceCounts };
  }

  /**
   * New invitations, and withdrawn ones the seed restores, get an answer link like those the API
   * creates (so that an update email can carry it); a link that exists stays valid across loads.
   */
  private async giveAnswerLinks(manager: EntityManager, invitationIds: string[]): Promise<void> {
    const unlinked: Array<{ id: string }> = await manager.query(
      'SELECT id FROM invitations WHERE id = ANY($1::uuid[]) AND answer_token_digest IS NULL',
      [invitationIds],
    );
    for (const { id } of unlinked) {
      const link = this.answerLinks.issue();
      await manager.query(
        'UPDATE invitations SET answer_token_digest = $2, answer_token_sealed = $3 WHERE id = $1',
        [id, link.digest, link.sealed],
      );
    }
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
        organisationId: organisationIds.get(code)!,
        organisationCode: code,
        organisationName: holder.organisation.name,
        role: holder.role,
        token: issued.token,
      });
    }
    return keys;
  }

  /**
   * Replaces the personal feed URL of the demo participants, like their organisations' keys: the
   * URL of an earlier load stops working. Only a digest of each secret is stored.
   */
  private async issuePersonalFeeds(
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
    personIds: Map<string, string>,
  ): Promise<DemoPersonalFeed[]> {
    const codeOf = new Map([...organisationIds].map(([code, id]) => [id, code]));
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      const feeds: DemoPersonalFeed[] = [];
      for (const email of programme.personalFeeds) {
        const person = await manager.findOneByOrFail(Person, { id: personIds.get(email.toLowerCase())! });
        const secret = generateFeedToken();
        await manager.delete(FeedToken, { personId: person.id });
        await manager.insert(FeedToken, {
          personId: person.id,
          lookupId: secret.lookupId,
          secretDigest: secret.digest,
        });
        feeds.push({
          personId: person.id,
          name: person.name,
          organisationCode: codeOf.get(person.organisationId!) ?? '',
          timeZone: person.timeZone,
          feed: this.feedLinks.personal(secret.plaintext),
        });
      }
      return feeds;
    });
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
