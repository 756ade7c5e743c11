import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeysService } from '@app/access';
import { SeedResult } from '@app/database';
import { FeedLink, FeedLinks, replaceFeedTokens } from '@app/feeds';
import { seedHostAssignments, seedRoomAssignments } from '@app/hosting';
import { InvitationSeedService } from '@app/invitations';
import {
  peopleByIds,
  Role,
  seedEvents,
  seedOrganisations,
  seedPartnerships,
  seedPeople,
} from '@app/planning';
import { DEMO_PROGRAMME } from './programme/demo-programme';
import { DemoProgramme, HostingRecord, OrganisationRecord } from './programme/programme.types';
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
  hostAssignments: RecordCounts;
  roomAssignments: RecordCounts;
  keys: DemoKey[];
  personalFeeds: DemoPersonalFeed[];
}

/**
 * Loads the demo programme: the organisations, partnerships, people and events of the source texts,
 * their follow-ups and the invitations to those. Every record has an id derived from a stable key,
 * so loading again updates rows in place rather than adding copies, and changes to the seed data
 * reach an existing installation. Invitations are written as the state they reached, without the
 * emails inviting through the API sends: starting the demo never mails anyone.
 *
 * The loader writes no table itself: each is written by the lib that owns it, through the seed
 * functions planning, invitations and feeds publish and the key service of access. It only holds
 * the transaction they share, so that a load is whole or not at all.
 */
@Injectable()
export class DemoProgrammeService {
  private readonly logger = new Logger(DemoProgrammeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    private readonly invitationSeeds: InvitationSeedService,
    private readonly feedLinks: FeedLinks,
  ) {}

  async load(programme: DemoProgramme = DEMO_PROGRAMME): Promise<DemoLoadResult> {
    const events = planProgramme(programme);
    const invitations = planInvitations(programme, events);
    const { organisationIds, personIds, counts } = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      const organisations = await this.seedOrganisations(manager, [
        programme.operator,
        ...programme.organisations,
      ]);
      const partnerships = await this.seedPartnerships(manager, programme, organisations.ids);
      const people = await this.seedPeople(manager, programme, organisations.ids);
      const eventCounts = await this.seedEvents(manager, events, organisations.ids, partnerships.ids);
      const answers = await this.seedInvitations(manager, invitations, people.ids);
      const hosting = await seedHosting(manager, programme.hosting, people.ids);
      await this.invitationSeeds.openSignUps(
        manager,
        programme.openSignUps.map((key) => demoId('event', key)),
      );
      return {
        organisationIds: organisations.ids,
        personIds: people.ids,
        counts: {
          organisations: organisations.counts,
          partnerships: partnerships.counts,
          people: people.counts,
          events: eventCounts,
          ...answers,
          ...hosting,
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

  private async seedOrganisations(manager: EntityManager, records: OrganisationRecord[]): Promise<Seeded> {
    const codes = records.map((record) => record.code.toUpperCase());
    const results = await seedOrganisations(
      manager,
      records.map((record, index) => ({
        id: demoId('organisation', codes[index]),
        code: codes[index],
        name: record.name,
        country: record.country,
        timeZone: record.timeZone,
        defaultLocale: record.defaultLocale,
      })),
    );
    return seeded(codes, results);
  }

  private async seedPartnerships(
    manager: EntityManager,
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
  ): Promise<Seeded> {
    const results = await seedPartnerships(
      manager,
      programme.partnerships.map((record) => ({
        id: demoId('partnership', record.key),
        name: record.name,
        description: record.description,
        memberOrganisationIds: record.members.map((code) => organisationIds.get(code)!),
        leadOrganisationId: organisationIds.get(record.lead)!,
      })),
    );
    return seeded(
      programme.partnerships.map((record) => record.key),
      results,
    );
  }

  private async seedPeople(
    manager: EntityManager,
    programme: DemoProgramme,
    organisationIds: Map<string, string>,
  ): Promise<Seeded> {
    const zoneOf = new Map(
      [programme.operator, ...programme.organisations].map((organisation) => [
        organisation.code.toUpperCase(),
        organisation.timeZone,
      ]),
    );
    const emails = programme.people.map((record) => record.email.trim().toLowerCase());
    const results = await seedPeople(
      manager,
      programme.people.map((record, index) => ({
        id: demoId('person', emails[index]),
        name: record.name,
        email: emails[index],
        organisationId: organisationIds.get(record.organisation)!,
        department: record.department,
        locale: record.locale,
        timeZone: record.timeZone ?? zoneOf.get(record.organisation)!,
      })),
    );
    return seeded(emails, results);
  }

  private async seedEvents(
    manager: EntityManager,
    events: PlannedEvent[],
    organisationIds: Map<string, string>,
    partnershipIds: Map<string, string>,
  ): Promise<RecordCounts> {
    const results = await seedEvents(
      manager,
      events.map(({ key, parentKey, host, coHosts, partnership, ...event }) => ({
        ...event,
        id: demoId('event', key),
        hostOrganisationId: organisationIds.get(host)!,
        coHostOrganisationIds: coHosts.map((code) => organisationIds.get(code)!),
        partnershipId: partnership ? partnershipIds.get(partnership)! : null,
        parentId: parentKey ? demoId('event', parentKey) : null,
      })),
    );
    return countsOf(results);
  }

  private async seedInvitations(
    manager: EntityManager,
    invitations: PlannedInvitation[],
    personIds: Map<string, string>,
  ): Promise<{ invitations: RecordCounts; workshopChoices: RecordCounts }> {
    const results = await this.invitationSeeds.seed(
      manager,
      invitations.map((invitation) => ({
        id: demoId('invitation', invitation.key),
        eventId: demoId('event', invitation.eventKey),
        personId: personIds.get(invitation.email)!,
        status: invitation.status,
        respondedAt: invitation.respondedAt,
        choices: invitation.choices.map((choice) => ({
          id: demoId('workshop-choice', choice.key),
          workshopId: demoId('event', choice.workshopKey),
          status: choice.status,
        })),
      })),
    );
    return { invitations: countsOf(results.invitations), workshopChoices: countsOf(results.choices) };
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
      const ids = programme.personalFeeds.map((email) => personIds.get(email.toLowerCase())!);
      const people = await peopleByIds(manager, ids);
      const feeds: DemoPersonalFeed[] = [];
      for (const id of ids) {
        const person = people.get(id)!;
        const { plaintext } = await replaceFeedTokens(manager, person.id);
        feeds.push({
          personId: person.id,
          name: person.name,
          organisationCode: codeOf.get(person.organisationId!) ?? '',
          timeZone: person.timeZone,
          feed: this.feedLinks.personal(plaintext),
        });
      }
      return feeds;
    });
  }
}

/** Who hosts the guests of the programme's visits, and their rooms: through the hosting lib's seed functions. */
async function seedHosting(
  manager: EntityManager,
  records: HostingRecord[],
  personIds: Map<string, string>,
): Promise<{ hostAssignments: RecordCounts; roomAssignments: RecordCounts }> {
  const person = (email: string) => personIds.get(email.toLowerCase())!;
  const event = (key: string) => demoId('event', key);
  const hosts = records.flatMap((record) =>
    record.hosts.map((host) => {
      const when = host.night ?? host.part!;
      return {
        id: demoId('host-assignment', `${record.visit}/${host.role}/${host.guest}/${when}/${host.host}`),
        visitId: event(record.visit),
        guestPersonId: person(host.guest),
        hostPersonId: person(host.host),
        role: host.role,
        night: host.night ?? null,
        partId: host.part ? event(`${record.visit}/${host.part}`) : null,
        phone: host.phone ?? null,
        address: host.address ?? null,
        notes: host.notes ?? '',
      };
    }),
  );
  const rooms = records.flatMap((record) =>
    record.rooms.flatMap((room) =>
      room.nights.map((night) => ({
        id: demoId('room-assignment', `${record.visit}/${room.guest}/${night}`),
        visitId: event(record.visit),
        accommodationId: event(`${record.visit}/${room.accommodation}`),
        night,
        room: room.room,
        guestPersonId: person(room.guest),
      })),
    ),
  );
  return {
    hostAssignments: countsOf(await seedHostAssignments(manager, hosts)),
    roomAssignments: countsOf(await seedRoomAssignments(manager, rooms)),
  };
}

/** Seed results by the programme's keys (codes, partnership keys, emails), with their counts. */
interface Seeded {
  ids: Map<string, string>;
  counts: RecordCounts;
}

function seeded(keys: string[], results: SeedResult[]): Seeded {
  return { ids: new Map(keys.map((key, index) => [key, results[index].id])), counts: countsOf(results) };
}

function countsOf(results: SeedResult[]): RecordCounts {
  return {
    total: results.length,
    created: results.filter((result) => result.outcome === 'created').length,
    updated: results.filter((result) => result.outcome === 'updated').length,
  };
}
