import { Test, TestingModule } from '@nestjs/testing';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  DEMO_PROGRAMME,
  demoId,
  DemoLoadResult,
  DemoModule,
  DemoProgrammeService,
  EXCHANGE_TRIP_2024,
  KICKOFF_CONFERENCE_HAMM,
  STAEDTETAG_2022,
} from '@app/demo';
import { ApiHarness, bearer, startApi } from './api-harness';

const STAEDTETAG_ID = demoId('event', STAEDTETAG_2022.key);

describe(DemoProgrammeService.name, () => {
  let api: ApiHarness;
  let seed: TestingModule;
  let demo: DemoProgrammeService;
  let first: DemoLoadResult;
  let second: DemoLoadResult;
  let rowsAfterFirst: Record<string, number>;

  const keyOf = (result: DemoLoadResult, code: string): string =>
    result.keys.find((key) => key.organisationCode === code)!.token;

  async function countRows(): Promise<Record<string, number>> {
    const tables = [
      'organisations',
      'partnerships',
      'partnership_members',
      'people',
      'events',
      'event_co_hosts',
      'api_keys',
    ];
    const [row] = await api.dataSource.query(
      `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
    );
    return row;
  }

  beforeAll(async () => {
    api = await startApi();
    // The same modules as the seed:demo command, on the harness's throwaway database.
    seed = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, DemoModule],
    }).compile();
    await seed.init();
    demo = seed.get(DemoProgrammeService);
    first = await demo.load();
    rowsAfterFirst = await countRows();
    second = await demo.load();
  });

  afterAll(async () => {
    await seed?.close();
    await api?.close();
  });

  it('should not add a single row when the programme is loaded a second time', async () => {
    await expect(countRows()).resolves.toEqual(rowsAfterFirst);
    expect(rowsAfterFirst).toMatchObject({
      organisations: DEMO_PROGRAMME.organisations.length + 1,
      partnerships: DEMO_PROGRAMME.partnerships.length,
      people: DEMO_PROGRAMME.people.length,
      events: first.events.total,
    });
    expect(first.events.created).toBe(first.events.total);
    expect(second.events).toEqual({ total: first.events.total, created: 0, updated: 0 });
    expect(second.people).toEqual({ total: first.people.total, created: 0, updated: 0 });
  });

  it('should adopt the operator organisation that the first admin key created', () => {
    expect(first.organisations.created).toBe(DEMO_PROGRAMME.organisations.length);
    expect(first.keys.find((key) => key.role === 'admin')?.organisationCode).toBe('OPS');
  });

  it('should print organiser keys that list the Städtetag through the API', async () => {
    const response = await api
      .http()
      .get('/api/v1/events?kind=city_day')
      .set(bearer(keyOf(second, 'ARN')))
      .expect(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ id: STAEDTETAG_ID, title: STAEDTETAG_2022.title, status: 'published' }),
    ]);
  });

  it('should replace the demo keys on every load, so earlier keys no longer work', async () => {
    await api
      .http()
      .get('/api/v1/events')
      .set(bearer(keyOf(first, 'ARN')))
      .expect(401);
  });

  it('should return the Städtetag with its parallel workshops of both administrations', async () => {
    const response = await api
      .http()
      .get(`/api/v1/events/${STAEDTETAG_ID}`)
      .set(bearer(keyOf(second, 'SUN')))
      .expect(200);
    const workshops = response.body.children.filter((child: { kind: string }) => child.kind === 'workshop');
    expect(workshops.length).toBeGreaterThanOrEqual(8);
    expect(response.body.start).toMatchObject({ zone: 'Europe/Berlin', local: '2022-10-20T08:30:00' });
  });

  it("should refuse Morogoro's key to change an event that only Arnsberg and Sundern host", async () => {
    await api
      .http()
      .patch(`/api/v1/events/${STAEDTETAG_ID}`)
      .set(bearer(keyOf(second, 'MORO')))
      .send({ title: 'Umbenannt' })
      .expect(403);
  });

  it('should hold the Hamm kickoff conference on 20–22 September 2023 in Europe/Berlin', async () => {
    const response = await api
      .http()
      .get(`/api/v1/events/${demoId('event', KICKOFF_CONFERENCE_HAMM.key)}`)
      .set(bearer(keyOf(second, 'ARN')))
      .expect(200);
    expect(response.body).toMatchObject({ kind: 'conference', allDay: false });
    expect(response.body.start.zone).toBe('Europe/Berlin');
    expect(response.body.start.local.slice(0, 10)).toBe('2023-09-20');
    expect(response.body.end.local.slice(0, 10)).toBe('2023-09-22');
    expect(response.body.children.length).toBeGreaterThanOrEqual(8);
  });

  it('should fly the Arnsberg delegation from Europe/Berlin to Africa/Dar_es_Salaam', async () => {
    const response = await api
      .http()
      .get(`/api/v1/events/${demoId('event', EXCHANGE_TRIP_2024.key)}`)
      .set(bearer(keyOf(second, 'MORO')))
      .expect(200);
    expect(response.body.start.local).toBe('2024-02-10');
    expect(response.body.end.local).toBe('2024-02-17');
    const flight = response.body.children.find(
      (child: { id: string }) => child.id === demoId('event', `${EXCHANGE_TRIP_2024.key}/flug-hinreise`),
    );
    expect(flight).toMatchObject({
      kind: 'travel_leg',
      start: { zone: 'Europe/Berlin', local: '2024-02-10T16:20:00' },
      end: { zone: 'Africa/Dar_es_Salaam', local: '2024-02-11T07:35:00' },
    });
  });

  it('should show a draft trip to its hosts and the admin, and hide it from other organisations', async () => {
    const titlesFor = async (key: string): Promise<string[]> => {
      const response = await api.http().get('/api/v1/events?kind=exchange_trip').set(bearer(key)).expect(200);
      return response.body.items.map((item: { title: string }) => item.title);
    };
    const draft = expect.stringContaining('Alba Iulia');
    await expect(titlesFor(keyOf(second, 'OPS'))).resolves.toContainEqual(draft);
    await expect(titlesFor(keyOf(second, 'ALBA'))).resolves.toContainEqual(draft);
    await expect(titlesFor(keyOf(second, 'WAR'))).resolves.not.toContainEqual(draft);
  });

  it('should update rows in place and raise the sequence when the seed data changes', async () => {
    const renamed = { ...STAEDTETAG_2022, title: 'Städtetag Arnsberg–Sundern 2022 (verlegt)' };
    const changed = await demo.load({
      ...DEMO_PROGRAMME,
      events: DEMO_PROGRAMME.events.map((event) => (event.key === STAEDTETAG_2022.key ? renamed : event)),
    });
    expect(changed.events).toMatchObject({ created: 0, updated: 1 });
    await expect(countRows()).resolves.toEqual(rowsAfterFirst);
    const response = await api
      .http()
      .get(`/api/v1/events/${STAEDTETAG_ID}`)
      .set(bearer(keyOf(changed, 'ARN')))
      .expect(200);
    expect(response.body).toMatchObject({ title: renamed.title, sequence: 1 });

    await demo.load();
    const [restored] = await api.dataSource.query('SELECT title, sequence FROM events WHERE id = $1', [
      STAEDTETAG_ID,
    ]);
    expect(restored).toEqual({ title: STAEDTETAG_2022.title, sequence: 2 });
  });
});
