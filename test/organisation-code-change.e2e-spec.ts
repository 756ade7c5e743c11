import { readCalendar } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { createEvent, organisationWithKeys, uniqueCode } from './planning-fixtures';

const BASE_URL = 'https://treffpunkt.example.org';

describe('Organisation code changes and feed URLs', () => {
  let api: ApiHarness;

  const feed = (code: string) =>
    api
      .http()
      .get(`/feeds/organisations/${code.toLowerCase()}.ics`)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser);
  const changeCode = (id: string, code: string) =>
    api.http().patch(`/api/v1/organisations/${id}`).set(bearer(api.adminKey)).send({ code }).expect(200);

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
  });

  afterAll(async () => {
    await api.close();
  });

  async function organisationWithEvent(name: string) {
    const organisation = await organisationWithKeys(api, { name, code: uniqueCode('OLD') });
    await createEvent(api, organisation.organiserKey, {
      kind: 'city_day',
      title: `Stadttag ${name}`,
      startsAt: '2027-06-10T09:00',
      endsAt: '2027-06-10T17:00',
      status: 'published',
    });
    return organisation;
  }

  it('should redirect the feed URL with an old code permanently to the URL with the new one, through every change', async () => {
    const lippstadt = await organisationWithEvent('Stadt Lippstadt');
    const oldCode = lippstadt.code;
    // Served twice, so that the second answer comes from the warm path, which must not outlive the change.
    await feed(oldCode).expect(200);
    await feed(oldCode).expect(200);
    const newCode = uniqueCode('NEW');
    await changeCode(lippstadt.id, newCode);

    const moved = await feed(oldCode).expect(301);
    expect(moved.headers.location).toBe(`${BASE_URL}/feeds/organisations/${newCode.toLowerCase()}.ics`);
    expect(moved.headers['cache-control']).toBe('public, max-age=86400');
    const calendar = readCalendar((await feed(newCode).expect(200)).body);
    expect(calendar.name).toBe('Stadt Lippstadt');
    expect(calendar.events.map((event) => event.summary)).toEqual(['Stadttag Stadt Lippstadt']);

    const newestCode = uniqueCode('NEWEST');
    await changeCode(lippstadt.id, newestCode);
    for (const code of [oldCode, newCode]) {
      expect((await feed(code).expect(301)).headers.location).toBe(
        `${BASE_URL}/feeds/organisations/${newestCode.toLowerCase()}.ics`,
      );
    }
  });

  it('should redirect the public feed filtered by an old code to the filter by the new one, other filters kept', async () => {
    const warstein = await organisationWithEvent('Stadt Warstein');
    const publicFeed = (query: string) => api.http().get(`/feeds/public.ics?${query}`);
    await publicFeed(`organisation=${warstein.code.toLowerCase()}`).expect(200);
    const newCode = uniqueCode('NEW');
    await changeCode(warstein.id, newCode);
    const moved = await publicFeed(`kind=city_day&organisation=${warstein.code.toLowerCase()}`).expect(301);
    expect(moved.headers.location).toBe(
      `${BASE_URL}/feeds/public.ics?kind=city_day&organisation=${newCode.toLowerCase()}`,
    );
    const calendar = readCalendar(
      (
        await publicFeed(`kind=city_day&organisation=${newCode.toLowerCase()}`)
          .buffer(true)
          .parse(textParser)
          .expect(200)
      ).body,
    );
    expect(calendar.events.map((event) => event.summary)).toEqual(['Stadttag Stadt Warstein']);
    // A code nobody ever had filters to an empty feed, as before.
    await publicFeed(`organisation=${uniqueCode('NONE').toLowerCase()}`).expect(200);
  });

  it('should redirect the calendar page filtered by an old code to the page filtered by the new one, other filters kept', async () => {
    const ruethen = await organisationWithEvent('Stadt Rüthen');
    const newCode = uniqueCode('NEW');
    await changeCode(ruethen.id, newCode);
    const oldCode = ruethen.code.toLowerCase();

    const moved = await api.http().get(`/calendar?lang=en&kind=city_day&organisation=${oldCode}`).expect(301);
    expect(moved.headers.location).toBe(
      `${BASE_URL}/calendar?lang=en&kind=city_day&organisation=${newCode.toLowerCase()}`,
    );
    expect(moved.headers['cache-control']).toBe('public, max-age=86400');
    const { pathname, search } = new URL(moved.headers.location);
    const page = await api
      .http()
      .get(pathname + search)
      .expect(200);
    expect(page.text).toContain('Stadttag Stadt Rüthen');
    // A code nobody ever had shows an empty page, as before.
    await api
      .http()
      .get(`/calendar?organisation=${uniqueCode('NONE').toLowerCase()}`)
      .expect(200);
  });

  it('should give an old code to the organisation that takes it, and let an organisation take its old code back', async () => {
    const geseke = await organisationWithEvent('Stadt Geseke');
    const oldCode = geseke.code;
    await changeCode(geseke.id, uniqueCode('NEW'));
    await feed(oldCode).expect(301);

    const erwitte = await organisationWithEvent('Stadt Erwitte');
    await changeCode(erwitte.id, oldCode);
    expect(readCalendar((await feed(oldCode).expect(200)).body).name).toBe('Stadt Erwitte');

    // Erwitte gives the code up again: it now leads to Erwitte, no longer to Geseke.
    const erwittesNewCode = uniqueCode('NEW');
    await changeCode(erwitte.id, erwittesNewCode);
    expect((await feed(oldCode).expect(301)).headers.location).toBe(
      `${BASE_URL}/feeds/organisations/${erwittesNewCode.toLowerCase()}.ics`,
    );

    // Geseke takes one of its own old codes back: served, not redirected in a circle.
    const gesekeNow = uniqueCode('NOW');
    const [{ code: gesekeCode }] = await api.dataSource.query(
      `SELECT code FROM organisations WHERE id = $1`,
      [geseke.id],
    );
    await changeCode(geseke.id, gesekeNow);
    await changeCode(geseke.id, gesekeCode);
    expect(readCalendar((await feed(gesekeCode).expect(200)).body).name).toBe('Stadt Geseke');
    expect((await feed(gesekeNow).expect(301)).headers.location).toContain(gesekeCode.toLowerCase());
  });

  it('should hand an old code to a new organisation created with it', async () => {
    const anroechte = await organisationWithEvent('Gemeinde Anröchte');
    const oldCode = anroechte.code;
    await changeCode(anroechte.id, uniqueCode('NEW'));
    await feed(oldCode).expect(301);
    await organisationWithKeys(api, { name: 'Gemeinde Bad Sassendorf', code: oldCode });
    expect(readCalendar((await feed(oldCode).expect(200)).body).name).toBe('Gemeinde Bad Sassendorf');
  });

  it('should forget the old codes of a deleted organisation', async () => {
    const organisation = await organisationWithKeys(api, {
      name: 'Gemeinde Welver',
      code: uniqueCode('OLD'),
    });
    await changeCode(organisation.id, uniqueCode('NEW'));
    await feed(organisation.code).expect(301);
    await api.http().delete(`/api/v1/organisations/${organisation.id}`).set(bearer(api.adminKey)).expect(204);
    await feed(organisation.code).expect(404);
  });

  it('should answer a code nobody ever had with 404', async () => {
    await feed(uniqueCode('NONE')).expect(404);
  });
});
