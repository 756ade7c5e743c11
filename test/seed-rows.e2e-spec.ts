import { randomUUID } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfigModule } from '@app/config';
import { DatabaseModule, seedRows } from '@app/database';
import { replaceFeedTokens, storeFeedToken } from '@app/feeds';
import { InvitationSeed, InvitationSeedModule, InvitationSeedService } from '@app/invitations';
import {
  EventSeed,
  PlanningError,
  seedEvents,
  seedOrganisations,
  seedPartnerships,
  seedPeople,
} from '@app/planning';
import { createTestDatabase, TestDatabase } from '@app/testing';

/**
 * The seed functions each lib publishes for the tables it owns (the demo loader writes through
 * them): found by id or natural key, written only where they differ, in chunks when large.
 */
describe(seedRows.name, () => {
  let database: TestDatabase;
  let seed: TestingModule;
  let dataSource: DataSource;
  let invitationSeeds: InvitationSeedService;
  let organisationId: string;

  const inTransaction = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
    dataSource.transaction(work);

  function event(id: string, overrides: Partial<EventSeed> = {}): EventSeed {
    return {
      id,
      kind: 'workshop',
      title: 'Wärmeplanung',
      description: '',
      startsAt: new Date('2027-06-10T08:30:00Z'),
      endsAt: new Date('2027-06-10T10:00:00Z'),
      startZone: 'Europe/Berlin',
      endZone: 'Europe/Berlin',
      allDay: false,
      venueName: null,
      venueAddress: null,
      venueLatitude: null,
      venueLongitude: null,
      onlineUrl: null,
      hostOrganisationId: organisationId,
      coHostOrganisationIds: [],
      partnershipId: null,
      status: 'published',
      visibility: 'public',
      capacity: null,
      tags: [],
      parentId: null,
      ...overrides,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.NODE_ENV = 'test';
    process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
    seed = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, InvitationSeedModule],
    }).compile();
    await seed.init();
    dataSource = seed.get(DataSource);
    invitationSeeds = seed.get(InvitationSeedService);
    const [arnsberg] = await inTransaction((manager) =>
      seedOrganisations(manager, [
        {
          id: randomUUID(),
          code: 'arn',
          name: 'Stadt Arnsberg',
          country: 'de',
          timeZone: 'Europe/Berlin',
          defaultLocale: 'de',
        },
      ]),
    );
    organisationId = arnsberg.id;
  });

  afterAll(async () => {
    await seed?.close();
    await database?.drop();
  });

  it("should store an organisation as planning's rules normalise it", async () => {
    await expect(
      dataSource.query('SELECT code, country FROM organisations WHERE id = $1', [organisationId]),
    ).resolves.toEqual([{ code: 'ARN', country: 'DE' }]);
  });

  it('should adopt a person entered by hand under the same email in another case, not add a second', async () => {
    const [{ id: entered }] = await dataSource.query(
      `INSERT INTO people (name, email, organisation_id, locale, time_zone)
       VALUES ('Katrin Wegener', 'K.Wegener@Arnsberg.example', $1, 'de', 'Europe/Berlin') RETURNING id`,
      [organisationId],
    );
    const person = {
      id: randomUUID(),
      name: 'Katrin Wegener',
      email: 'k.wegener@arnsberg.example',
      organisationId,
      department: 'Bürgermeisterbüro',
      locale: 'de' as const,
      timeZone: 'Europe/Berlin',
    };

    await expect(inTransaction((manager) => seedPeople(manager, [person]))).resolves.toEqual([
      { id: entered, outcome: 'updated' },
    ]);
    await expect(inTransaction((manager) => seedPeople(manager, [person]))).resolves.toEqual([
      { id: entered, outcome: 'unchanged' },
    ]);
    await expect(
      dataSource.query(`SELECT id, email, department FROM people WHERE email = 'k.wegener@arnsberg.example'`),
    ).resolves.toEqual([{ id: entered, email: person.email, department: person.department }]);
  });

  it("should raise an event's sequence for a change a calendar shows, and leave an unchanged event alone", async () => {
    const id = randomUUID();
    const load = (changes: Partial<EventSeed>) =>
      inTransaction((manager) => seedEvents(manager, [event(id, changes)]));
    const stored = async () =>
      (await dataSource.query('SELECT sequence, updated_at FROM events WHERE id = $1', [id]))[0] as {
        sequence: number;
        updated_at: Date;
      };

    await expect(load({})).resolves.toEqual([{ id, outcome: 'created' }]);
    await expect(load({ description: 'Mit Praxisbeispielen' })).resolves.toEqual([
      { id, outcome: 'updated' },
    ]);
    expect((await stored()).sequence).toBe(0);
    await expect(
      load({ description: 'Mit Praxisbeispielen', title: 'Kommunale Wärmeplanung' }),
    ).resolves.toEqual([{ id, outcome: 'updated' }]);
    const afterTitle = await stored();
    expect(afterTitle.sequence).toBe(1);
    await expect(
      load({ description: 'Mit Praxisbeispielen', title: 'Kommunale Wärmeplanung' }),
    ).resolves.toEqual([{ id, outcome: 'unchanged' }]);
    await expect(stored()).resolves.toEqual(afterTitle);
  });

  it('should write a large programme in chunks, parts after events of an earlier chunk, co-hosts included', async () => {
    const [sundern] = await inTransaction((manager) =>
      seedOrganisations(manager, [
        {
          id: randomUUID(),
          code: 'SUN',
          name: 'Stadt Sundern',
          country: 'DE',
          timeZone: 'Europe/Berlin',
          defaultLocale: 'de',
        },
      ]),
    );
    const events = Array.from({ length: 300 }, () =>
      event(randomUUID(), { kind: 'city_day', coHostOrganisationIds: [sundern.id] }),
    );
    const parts = events.map((parent) => event(randomUUID(), { parentId: parent.id }));
    const programme = [...events, ...parts];

    const first = await inTransaction((manager) => seedEvents(manager, programme));
    expect(first.map((result) => result.outcome)).toEqual(programme.map(() => 'created'));
    const second = await inTransaction((manager) => seedEvents(manager, programme));
    expect(second.map((result) => result.outcome)).toEqual(programme.map(() => 'unchanged'));
    await expect(
      dataSource.query(
        `SELECT (SELECT count(*)::int FROM events WHERE parent_id = ANY($1::uuid[])) AS parts,
                (SELECT count(*)::int FROM event_co_hosts WHERE organisation_id = $2) AS "coHosted"`,
        [events.map((parent) => parent.id), sundern.id],
      ),
    ).resolves.toEqual([{ parts: 300, coHosted: 300 }]);
  });

  it('should refuse a partnership whose lead is no member before writing anything', async () => {
    const name = `Partnerschaft ${randomUUID()}`;
    await expect(
      inTransaction((manager) =>
        seedPartnerships(manager, [
          {
            id: randomUUID(),
            name,
            description: '',
            memberOrganisationIds: [organisationId],
            leadOrganisationId: randomUUID(),
          },
        ]),
      ),
    ).rejects.toBeInstanceOf(PlanningError);
    await expect(dataSource.query('SELECT id FROM partnerships WHERE name = $1', [name])).resolves.toEqual(
      [],
    );
  });

  it('should adopt an invitation made by hand, give every invitation an answer link once and keep it across loads', async () => {
    const [city, workshop] = [randomUUID(), randomUUID()];
    await inTransaction((manager) =>
      seedEvents(manager, [
        event(city, { kind: 'city_day' }),
        event(workshop, { parentId: city, capacity: 4 }),
      ]),
    );
    const people = await inTransaction((manager) =>
      seedPeople(
        manager,
        ['a', 'b'].map((name) => ({
          id: randomUUID(),
          name,
          email: `${name}-${city}@arnsberg.example`,
          organisationId,
          department: null,
          locale: 'de' as const,
          timeZone: 'Europe/Berlin',
        })),
      ),
    );
    const [{ id: entered }] = await dataSource.query(
      `INSERT INTO invitations (event_id, person_id, status) VALUES ($1, $2, 'invited') RETURNING id`,
      [city, people[0].id],
    );
    const invitations: InvitationSeed[] = people.map((person) => ({
      id: randomUUID(),
      eventId: city,
      personId: person.id,
      status: 'accepted',
      respondedAt: new Date('2027-05-02T09:00:00Z'),
      choices: [{ id: randomUUID(), workshopId: workshop, status: 'confirmed' }],
    }));
    const links = () =>
      dataSource.query(
        `SELECT id, encode(answer_token_digest, 'hex') AS digest, answer_token_sealed IS NOT NULL AS sealed
           FROM invitations WHERE event_id = $1 ORDER BY id`,
        [city],
      );

    const first = await inTransaction((manager) => invitationSeeds.seed(manager, invitations));
    expect(first.invitations).toEqual([
      { id: entered, outcome: 'updated' },
      { id: invitations[1].id, outcome: 'created' },
    ]);
    expect(first.choices.map((choice) => choice.outcome)).toEqual(['created', 'created']);
    const linked = await links();
    expect(linked).toHaveLength(2);
    expect(
      linked.every(
        (link: { digest: string; sealed: boolean }) => /^[0-9a-f]{64}$/.test(link.digest) && link.sealed,
      ),
    ).toBe(true);

    const second = await inTransaction((manager) => invitationSeeds.seed(manager, invitations));
    expect([...second.invitations, ...second.choices].map((result) => result.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    await expect(links()).resolves.toEqual(linked);
  });

  it("should replace a person's feed tokens, revoked ones too, by one new token", async () => {
    const [person] = await inTransaction((manager) =>
      seedPeople(manager, [
        {
          id: randomUUID(),
          name: 'Markus Schröder',
          email: `m.schroeder-${randomUUID()}@arnsberg.example`,
          organisationId,
          department: null,
          locale: 'de',
          timeZone: 'Europe/Berlin',
        },
      ]),
    );
    const earlier = await inTransaction((manager) => storeFeedToken(manager, person.id));
    await dataSource.query('UPDATE feed_tokens SET revoked_at = now() WHERE id = $1', [earlier.token.id]);
    await inTransaction((manager) => storeFeedToken(manager, person.id));

    const replaced = await inTransaction((manager) => replaceFeedTokens(manager, person.id));
    expect(replaced.plaintext).not.toBe(earlier.plaintext);
    await expect(
      dataSource.query('SELECT id, revoked_at FROM feed_tokens WHERE person_id = $1', [person.id]),
    ).resolves.toEqual([{ id: replaced.token.id, revoked_at: null }]);
  });
});
