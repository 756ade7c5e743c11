import { DataSource } from 'typeorm';
import { databaseOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';

const MIGRATION = 'PartnershipLead1795262400000';

/** Partnerships that existed before leads did get one that can manage them. */
describe(MIGRATION, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(databaseOptions(database.url));
    await dataSource.initialize();
    const applied = async () =>
      (await dataSource.query(`SELECT 1 FROM migrations WHERE name = $1`, [MIGRATION])).length > 0;
    while (await applied()) await dataSource.undoLastMigration({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('should make the member hosting most of its events the lead, else the member registered first', async () => {
    const organisation = async (code: string, createdAt: string): Promise<string> => {
      const [row] = await dataSource.query(
        `INSERT INTO organisations (name, code, country, time_zone, default_locale, created_at)
         VALUES ($1, $1, 'DE', 'Europe/Berlin', 'de', $2) RETURNING id`,
        [code, createdAt],
      );
      return row.id;
    };
    const partnership = async (name: string, members: string[]): Promise<string> => {
      const [row] = await dataSource.query(`INSERT INTO partnerships (name) VALUES ($1) RETURNING id`, [
        name,
      ]);
      for (const member of members) {
        await dataSource.query(
          `INSERT INTO partnership_members (partnership_id, organisation_id) VALUES ($1, $2)`,
          [row.id, member],
        );
      }
      return row.id;
    };
    const event = (host: string, partnershipId: string) =>
      dataSource.query(
        `INSERT INTO events (kind, title, starts_at, start_zone, ends_at, end_zone, host_organisation_id, partnership_id)
         VALUES ('meeting', 'Treffen', now(), 'Europe/Berlin', now(), 'Europe/Berlin', $1, $2)`,
        [host, partnershipId],
      );
    const arnsberg = await organisation('ARN', '2020-01-01T00:00:00Z');
    const morogoro = await organisation('MORO', '2021-01-01T00:00:00Z');
    const sundern = await organisation('SUN', '2019-01-01T00:00:00Z');
    const hosted = await partnership('Mit Programm', [arnsberg, morogoro]);
    await event(arnsberg, hosted);
    await event(morogoro, hosted);
    await event(morogoro, hosted);
    const quiet = await partnership('Ohne Programm', [arnsberg, morogoro, sundern]);
    const empty = await partnership('Ohne Mitglieder', []);

    await dataSource.runMigrations({ transaction: 'each' });

    const leads = new Map<string, string | null>(
      (await dataSource.query(`SELECT id, lead_organisation_id AS lead FROM partnerships`)).map(
        (row: { id: string; lead: string | null }) => [row.id, row.lead],
      ),
    );
    expect(leads.get(hosted)).toBe(morogoro);
    expect(leads.get(quiet)).toBe(sundern);
    expect(leads.get(empty)).toBeNull();
  });
});
