import { Test, TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  ALBA_IULIA_EXCHANGE_2027,
  DELEGATION_VISIT_2027,
  DEMO_PROGRAMME,
  demoId,
  DemoLoadResult,
  DemoModule,
  DemoPersonalFeed,
  DemoProgrammeService,
  EXCHANGE_TRIP_2024,
  KICKOFF_CONFERENCE_HAMM,
  PARTNERSHIP_MEETING_2027_01,
  PARTNERSHIP_MEETING_2027_09,
  STAEDTETAG_2022,
  STAEDTETAG_2027,
  WARREN_CALL_2027,
} from '@app/demo';
import { ReadCalendar, ReadEvent, readCalendar } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';

const STAEDTETAG_ID = demoId('event', STAEDTETAG_2022.key);
function titleOf(key: string): string {
  const [top, ...path] = key.split('/');
  let record = DEMO_PROGRAMME.events.find((event) => event.key === top)!;
  for (const part of path) record = record.parts!.find((child) => child.key === part)!;
  return record.title;
}

describe(DemoProgrammeService.name, () => {
  let api: ApiHarness;
  let seed: TestingModule;
  let demo: DemoProgrammeService;
  let first: DemoLoadResult;
  let second: DemoLoadResult;
  let rowsAfterFirst: Record<string, number>;
  let linksAfterFirst: Array<{ id: string; digest: string }>;
  let contentAfterFirst: Record<string, string>;
  let contentAfterSecond: Record<string, string>;

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
      'invitations',
      'workshop_choices',
      'feed_tokens',
      'emails',
    ];
    const [row] = await api.dataSource.query(
      `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
    );
    return row;
  }

  /**
   * A digest of every column of every row the programme is made of, `updated_at` and the answer
   * links included: a load that rewrote a row with the same values would show here too.
   */
  async function seededContent(): Promise<Record<string, string>> {
    const tables = [
      'organisations',
      'partnerships',
      'partnership_members',
      'people',
      'events',
      'event_co_hosts',
      'invitations',
      'workshop_choices',
      'host_assignments',
      'room_assignments',
    ];
    const digest = (table: string) =>
      `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t) AS ${table}`;
    const [row] = await api.dataSource.query(`SELECT ${tables.map(digest).join(', ')}`);
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
    linksAfterFirst = await answerLinks();
    contentAfterFirst = await seededContent();
    second = await demo.load();
    contentAfterSecond = await seededContent();
    // The seed writes through a module of its own: the API hears of it as another process would.
    await api.changesSeen();
  });

  async function answerLinks(): Promise<Array<{ id: string; digest: string }>> {
    return api.dataSource.query(
      `SELECT id, encode(answer_token_digest, 'hex') AS digest FROM invitations ORDER BY id`,
    );
  }

  async function personalFeed(person: DemoPersonalFeed, expected = 200): Promise<request.Response> {
    return api
      .http()
      .get(new URL(person.feed.url).pathname)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(expected);
  }

  const feedOf = (result: DemoLoadResult, name: string): DemoPersonalFeed =>
    result.personalFeeds.find((person) => person.name === name)!;

  function entry(calendar: ReadCalendar, key: string): ReadEvent | undefined {
    return calendar.events.find((event) => event.uid === `event-${demoId('event', key)}@treffpunkt`);
  }

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

  it('should change nothing when the programme is loaded a second time, and say so', () => {
    const kinds = [
      'organisations',
      'partnerships',
      'people',
      'events',
      'invitations',
      'workshopChoices',
      'hostAssignments',
      'roomAssignments',
    ] as const;
    for (const kind of kinds) {
      expect({ kind, ...second[kind] }).toEqual({ kind, total: first[kind].total, created: 0, updated: 0 });
    }
    expect(contentAfterSecond).toEqual(contentAfterFirst);
  });

  it('should load the invitations and workshop seats once, and keep their answer links across loads', async () => {
    expect(first.invitations.created).toBe(first.invitations.total);
    expect(first.workshopChoices.created).toBe(first.workshopChoices.total);
    expect(second.invitations).toEqual({ total: first.invitations.total, created: 0, updated: 0 });
    expect(second.workshopChoices).toEqual({ total: first.workshopChoices.total, created: 0, updated: 0 });
    expect(rowsAfterFirst).toMatchObject({
      invitations: first.invitations.total,
      workshop_choices: first.workshopChoices.total,
      feed_tokens: DEMO_PROGRAMME.personalFeeds.length,
    });
    expect(linksAfterFirst.every((link) => /^[0-9a-f]{64}$/.test(link.digest))).toBe(true);
    await expect(answerLinks()).resolves.toEqual(linksAfterFirst);
  });

  it('should let Arnsberg lead every demo partnership', async () => {
    const leads = await api.dataSource.query<Array<{ code: string }>>(
      `SELECT o.code FROM partnerships p LEFT JOIN organisations o ON o.id = p.lead_organisation_id`,
    );
    expect(leads.map((lead) => lead.code)).toEqual(DEMO_PROGRAMME.partnerships.map(() => 'ARN'));
  });

  it('should write no email: loading the demo mails nobody', async () => {
    expect(rowsAfterFirst.emails).toBe(0);
    await expect(countRows()).resolves.toMatchObject({ emails: 0 });
  });

  it('should hold every follow-up in the future, so that feeds and the calendar page have upcoming events', async () => {
    const response = await api
      .http()
      .get(`/api/v1/events?topLevel=true&from=${new Date().toISOString()}&limit=100`)
      .set(bearer(keyOf(second, 'OPS')))
      .expect(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining(
        [
          STAEDTETAG_2027,
          PARTNERSHIP_MEETING_2027_01,
          PARTNERSHIP_MEETING_2027_09,
          DELEGATION_VISIT_2027,
          WARREN_CALL_2027,
          ALBA_IULIA_EXCHANGE_2027,
        ].map((event) => demoId('event', event.key)),
      ),
    );
    const page = await api.http().get('/calendar').expect(200);
    expect(page.text).toContain(STAEDTETAG_2027.title);
  });

  it('should take open sign-ups for the Städtetag 2027 on its public calendar page', async () => {
    const id = demoId('event', STAEDTETAG_2027.key);
    const settings = await api
      .http()
      .get(`/api/v1/events/${id}/sign-up`)
      .set(bearer(keyOf(second, 'SUN')))
      .expect(200);
    expect(settings.body).toMatchObject({ open: true, takingSignUps: true, capacity: 160 });
    const page = await api.http().get(`/calendar/events/${id}?lang=de`).expect(200);
    expect(page.text).toContain(`/calendar/events/${id}/sign-up?lang=de`);
    await api.http().get(`/calendar/events/${id}/sign-up?lang=de`).expect(200);
  });

  it('should show the seats of the Städtetag 2027 workshops as the invitations lib counts them', async () => {
    const response = await api
      .http()
      .get(`/api/v1/events/${demoId('event', STAEDTETAG_2027.key)}/invitations/summary`)
      .set(bearer(keyOf(second, 'SUN')))
      .expect(200);
    expect(response.body.counts).toMatchObject({ accepted: 11, tentative: 2, invited: 2, declined: 1 });
    const lab = response.body.workshops.find(
      (workshop: { id: string }) => workshop.id === demoId('event', `${STAEDTETAG_2027.key}/ki-praxislabor`),
    );
    expect(lab).toMatchObject({ capacity: 4, confirmed: 4, waitlisted: 1, seatsLeft: 0 });
  });

  it('should serve the printed feed of an Arnsberg participant: his city day, workshops and trip, not what he declined', async () => {
    const markus = feedOf(second, 'Markus Schröder');
    expect(markus).toMatchObject({ organisationCode: 'ARN', timeZone: 'Europe/Berlin' });
    expect(markus.feed.webcal).toBe(markus.feed.url.replace(/^https?:/, 'webcal:'));
    const calendar = readCalendar((await personalFeed(markus)).body);

    expect(entry(calendar, STAEDTETAG_2027.key)).toMatchObject({
      status: 'CONFIRMED',
      start: { zone: 'Europe/Berlin', local: '2027-06-10T08:30:00', instant: '2027-06-10T06:30:00.000Z' },
    });
    for (const part of ['eroeffnung', 'digitalisierung', 'ki-praxislabor', 'abschlussplenum']) {
      expect(entry(calendar, `${STAEDTETAG_2027.key}/${part}`)?.summary).toBe(
        titleOf(`${STAEDTETAG_2027.key}/${part}`),
      );
    }
    expect(entry(calendar, `${STAEDTETAG_2027.key}/waermeplanung`)).toBeUndefined();
    expect(entry(calendar, WARREN_CALL_2027.key)).toBeUndefined();
    expect(entry(calendar, `${ALBA_IULIA_EXCHANGE_2027.key}/flug-hinreise`)).toMatchObject({
      start: { zone: 'Europe/Berlin', local: '2027-05-10T10:40:00', instant: '2027-05-10T08:40:00.000Z' },
      end: { zone: 'Europe/Bucharest', local: '2027-05-10T14:10:00', instant: '2027-05-10T11:10:00.000Z' },
    });
  });

  it('should serve the printed feed of the Morogoro delegation head in Africa/Dar_es_Salaam', async () => {
    const neema = feedOf(second, 'Neema Mwakyusa');
    expect(neema).toMatchObject({ organisationCode: 'MORO', timeZone: 'Africa/Dar_es_Salaam' });
    const calendar = readCalendar((await personalFeed(neema)).body);
    expect(calendar.timeZone).toBe('Africa/Dar_es_Salaam');

    expect(entry(calendar, PARTNERSHIP_MEETING_2027_09.key)).toMatchObject({
      status: 'TENTATIVE',
      start: {
        zone: 'Africa/Dar_es_Salaam',
        local: '2027-09-14T14:00:00',
        instant: '2027-09-14T11:00:00.000Z',
      },
    });
    expect(entry(calendar, DELEGATION_VISIT_2027.key)).toMatchObject({
      status: 'CONFIRMED',
      start: { isDate: true, local: '2027-10-27' },
      end: { isDate: true, local: '2027-11-04' },
    });
    expect(entry(calendar, `${DELEGATION_VISIT_2027.key}/flug-hinreise`)).toMatchObject({
      start: {
        zone: 'Africa/Dar_es_Salaam',
        local: '2027-10-27T16:40:00',
        instant: '2027-10-27T13:40:00.000Z',
      },
      end: { zone: 'Europe/Berlin', local: '2027-10-28T06:15:00', instant: '2027-10-28T04:15:00.000Z' },
    });
    // Summer time ends in the night to 31 October: the weekend starts at +02:00 and ends at +01:00.
    expect(entry(calendar, `${DELEGATION_VISIT_2027.key}/wochenende-gastfamilien`)).toMatchObject({
      start: { zone: 'Europe/Berlin', local: '2027-10-30T10:00:00', instant: '2027-10-30T08:00:00.000Z' },
      end: { zone: 'Europe/Berlin', local: '2027-10-31T18:00:00', instant: '2027-10-31T17:00:00.000Z' },
    });
    expect(entry(calendar, `${DELEGATION_VISIT_2027.key}/unterkunft`)).toMatchObject({
      transparency: 'TRANSPARENT',
      start: { isDate: true, local: '2027-10-28' },
    });
    expect(entry(calendar, `${DELEGATION_VISIT_2027.key}/wasserwerk`)).toBeDefined();
    expect(entry(calendar, `${DELEGATION_VISIT_2027.key}/nahwaermenetz`)).toBeUndefined();
    expect(entry(calendar, PARTNERSHIP_MEETING_2027_01.key)).toBeUndefined();
  });

  it('should replace the personal feed URLs on every load, so earlier ones no longer work', async () => {
    await personalFeed(feedOf(first, 'Markus Schröder'), 404);
  });

  it('should adopt the operator organisation that the first admin key created', () => {
    expect(first.organisations.created).toBe(DEMO_PROGRAMME.organisations.length);
    expect(first.keys.find((key) => key.role === 'admin')?.organisationCode).toBe('OPS');
  });

  it('should print organiser keys that list both city days through the API', async () => {
    const response = await api
      .http()
      .get('/api/v1/events?kind=city_day')
      .set(bearer(keyOf(second, 'ARN')))
      .expect(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ id: STAEDTETAG_ID, title: STAEDTETAG_2022.title, status: 'published' }),
      expect.objectContaining({
        id: demoId('event', STAEDTETAG_2027.key),
        title: STAEDTETAG_2027.title,
        status: 'published',
      }),
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
    const draft = expect.stringContaining('Fachbesuch in Alba Iulia');
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
    await api.changesSeen();
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

  it('should leave the January meeting open for inviting the Morogoro delegation through the API', async () => {
    const current = await demo.load();
    await api.changesSeen();
    const morogoro = current.keys.find((key) => key.organisationCode === 'MORO')!;
    const meeting = demoId('event', PARTNERSHIP_MEETING_2027_01.key);
    const response = await api
      .http()
      .post(`/api/v1/events/${meeting}/invitations`)
      .set(bearer(keyOf(current, 'ARN')))
      .send({ organisationIds: [morogoro.organisationId] })
      .expect(201);
    const delegates = DEMO_PROGRAMME.people.filter((person) => person.organisation === 'MORO').length;
    expect(response.body).toMatchObject({ invited: delegates, alreadyInvited: 0 });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM emails WHERE event_id = $1 AND kind = 'invitation'`,
      [meeting],
    );
    expect(count).toBe(delegates);
  });
});
