import { readCalendar } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

const BASE_URL = 'https://treffpunkt.example.org';

describe('Personal feeds', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let personId: string;
  const ids: Record<string, string> = {};

  const get = (url: string) =>
    api
      .http()
      .get(url.replace(BASE_URL, ''))
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser);

  async function invite(eventId: string, status: string): Promise<string> {
    const [row] = await api.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO invitations (event_id, person_id, status) VALUES ($1, $2, $3) RETURNING id`,
      [eventId, personId, status],
    );
    await api.changesSeen();
    return row.id;
  }

  async function choose(invitationId: string, eventId: string, status: string): Promise<void> {
    await api.dataSource.query(
      `INSERT INTO workshop_choices (invitation_id, event_id, status) VALUES ($1, $2, $3)`,
      [invitationId, eventId, status],
    );
    await api.changesSeen();
  }

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    const person = await api
      .http()
      .post('/api/v1/people')
      .set(bearer(arnsberg.organiserKey))
      .send({
        name: 'Jonas Beispiel',
        email: 'jonas@arnsberg.example',
        organisationId: arnsberg.id,
        timeZone: 'Europe/Berlin',
      })
      .expect(201);
    personId = person.body.id;

    const key = arnsberg.organiserKey;
    const event = async (name: string, body: Record<string, unknown>) => {
      ids[name] = (await createEvent(api, key, { status: 'published', ...body })).id;
    };
    await event('cityDay', {
      kind: 'city_day',
      title: 'Städtetag',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T17:00',
    });
    await event('plenary', {
      kind: 'session',
      title: 'Plenum',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T10:00',
      parentId: ids.cityDay,
    });
    await event('chosen', {
      title: 'Workshop Klima',
      startsAt: '2027-09-20T10:30',
      endsAt: '2027-09-20T12:00',
      capacity: 20,
      parentId: ids.cityDay,
    });
    await event('notChosen', {
      title: 'Workshop Verkehr',
      startsAt: '2027-09-20T10:30',
      endsAt: '2027-09-20T12:00',
      capacity: 20,
      parentId: ids.cityDay,
    });
    await event('waitlisted', {
      title: 'Workshop Digitales',
      startsAt: '2027-09-20T13:00',
      endsAt: '2027-09-20T14:00',
      capacity: 1,
      parentId: ids.cityDay,
    });
    await event('trip', {
      kind: 'exchange_trip',
      title: 'Delegationsreise Morogoro',
      startsAt: '2027-10-04',
      endsAt: '2027-10-10',
      allDay: true,
      visibility: 'internal',
    });
    await event('flight', {
      kind: 'travel_leg',
      title: 'Flug FRA → DAR',
      startsAt: '2027-10-04T22:00',
      endsAt: '2027-10-05T08:30',
      endZone: 'Africa/Dar_es_Salaam',
      parentId: ids.trip,
    });
    await event('conference', {
      kind: 'conference',
      title: 'Klimakonferenz',
      startsAt: '2027-11-02T09:00',
      endsAt: '2027-11-02T16:00',
    });
    await event('declined', {
      title: 'Abgesagter Termin',
      startsAt: '2027-11-03T09:00',
      endsAt: '2027-11-03T10:00',
    });
    ids.draft = (
      await createEvent(api, key, {
        title: 'Entwurf',
        startsAt: '2027-11-04T09:00',
        endsAt: '2027-11-04T10:00',
      })
    ).id;

    const cityDayInvitation = await invite(ids.cityDay, 'accepted');
    await choose(cityDayInvitation, ids.chosen, 'confirmed');
    await choose(cityDayInvitation, ids.waitlisted, 'waitlisted');
    ids.tripInvitation = await invite(ids.trip, 'accepted');
    ids.conferenceInvitation = await invite(ids.conference, 'invited');
    await invite(ids.declined, 'declined');
    await invite(ids.draft, 'invited');
  });

  afterAll(async () => {
    await api.close();
  });

  it("should show the person's programme: invited events, their workshops, travel legs, internal ones too", async () => {
    const issued = await api
      .http()
      .post(`/api/v1/people/${personId}/feed-token`)
      .set(bearer(arnsberg.organiserKey))
      .expect(201);
    expect(issued.body).toEqual({
      personId,
      createdAt: expect.any(String),
      url: expect.stringMatching(
        /^https:\/\/treffpunkt\.example\.org\/feeds\/personal\/pf_[a-f0-9]{16}_[A-Za-z0-9_-]{43}\.ics$/,
      ),
      webcal: expect.stringMatching(/^webcal:\/\/treffpunkt\.example\.org\/feeds\/personal\//),
      googleCalendar: expect.stringContaining('https://calendar.google.com/calendar/render?cid=webcal'),
    });
    ids.url = issued.body.url;

    const response = await get(ids.url).expect(200);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    const calendar = readCalendar(response.body);
    expect(calendar.name).toBe('Treffpunkt – Jonas Beispiel');
    expect(calendar.timeZone).toBe('Europe/Berlin');
    expect(calendar.events.map((event) => event.summary)).toEqual([
      'Städtetag',
      'Plenum',
      'Workshop Klima',
      'Delegationsreise Morogoro',
      'Flug FRA → DAR',
      'Klimakonferenz',
    ]);
    const bySummary = Object.fromEntries(calendar.events.map((event) => [event.summary, event]));
    expect(bySummary['Städtetag'].status).toBe('CONFIRMED');
    expect(bySummary['Workshop Klima'].status).toBe('CONFIRMED');
    expect(bySummary['Klimakonferenz'].status).toBe('TENTATIVE');
    expect(bySummary['Klimakonferenz'].alarmsMinutesBefore).toEqual([10080, 1440]);
    expect(bySummary['Delegationsreise Morogoro'].url).toBeNull();
    expect(bySummary['Flug FRA → DAR'].end).toMatchObject({
      zone: 'Africa/Dar_es_Salaam',
      local: '2027-10-05T08:30:00',
      instant: '2027-10-05T05:30:00.000Z',
    });
  });

  it('should follow answers and withdrawn workshop seats on the next request', async () => {
    const before = await get(ids.url).expect(200);
    await api.dataSource.query(
      `UPDATE invitations SET status = 'declined', updated_at = now() WHERE id = $1`,
      [ids.conferenceInvitation],
    );
    await api.dataSource.query(
      `UPDATE workshop_choices SET status = 'withdrawn', updated_at = now() WHERE event_id = $1`,
      [ids.chosen],
    );
    await api.changesSeen();
    const after = await get(ids.url).set('If-None-Match', before.headers.etag).expect(200);
    const summaries = readCalendar(after.body).events.map((event) => event.summary);
    expect(summaries).not.toContain('Klimakonferenz');
    expect(summaries).not.toContain('Workshop Klima');
    expect(summaries).toContain('Plenum');
    await get(ids.url).set('If-None-Match', after.headers.etag).expect(304);
  });

  it("should let only organisers of the person's organisation or admins manage the URL, hiding it from others (404)", async () => {
    const path = `/api/v1/people/${personId}/feed-token`;
    const conflict = await api.http().post(path).set(bearer(arnsberg.organiserKey)).expect(409);
    expect(conflict.body.code).toBe('feed_token_exists');
    await api.http().post(path).set(bearer(morogoro.organiserKey)).expect(404);
    await api.http().post(`${path}/rotate`).set(bearer(arnsberg.viewerKey)).expect(403);
    await api.http().get(path).set(bearer(morogoro.viewerKey)).expect(404);
    const status = await api.http().get(path).set(bearer(arnsberg.viewerKey)).expect(200);
    expect(status.body).toEqual({ personId, active: true, createdAt: expect.any(String) });
    await api.http().post(`/api/v1/people/${UNKNOWN_ID}/feed-token`).set(bearer(api.adminKey)).expect(404);
    await api.http().post(path).expect(401);

    const [stored] = await api.dataSource.query<Array<{ secret_digest: Buffer }>>(
      `SELECT secret_digest FROM feed_tokens WHERE person_id = $1 AND revoked_at IS NULL`,
      [personId],
    );
    const secret = /_([A-Za-z0-9_-]{43})\.ics$/.exec(ids.url)![1];
    expect(stored.secret_digest).toHaveLength(32);
    expect(stored.secret_digest.toString('base64url')).not.toBe(secret);
  });

  it('should stop the old URL when rotated and every URL when revoked, answering like an unknown one', async () => {
    const unknown = await get(
      '/feeds/personal/pf_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
    ).expect(404);
    const path = `/api/v1/people/${personId}/feed-token`;
    const rotated = await api.http().post(`${path}/rotate`).set(bearer(api.adminKey)).expect(201);
    expect(rotated.body.url).not.toBe(ids.url);

    const old = await get(ids.url).expect(404);
    expect(old.body).toBe(unknown.body);
    await get(rotated.body.url).expect(200);

    const lastSecretCharacter = rotated.body.url.length - '.ics'.length - 1;
    const tampered = `${rotated.body.url.slice(0, lastSecretCharacter)}${
      rotated.body.url[lastSecretCharacter] === 'A' ? 'B' : 'A'
    }.ics`;
    expect((await get(tampered).expect(404)).body).toBe(unknown.body);
    await get('/feeds/personal/not-a-token.ics').expect(404);

    await api.http().delete(path).set(bearer(arnsberg.organiserKey)).expect(204);
    expect((await get(rotated.body.url).expect(404)).body).toBe(unknown.body);
    const again = await api.http().delete(path).set(bearer(arnsberg.organiserKey)).expect(404);
    expect(again.body.code).toBe('feed_token_not_found');
    const status = await api.http().get(path).set(bearer(arnsberg.organiserKey)).expect(200);
    expect(status.body).toEqual({ personId, active: false, createdAt: null });
  });
});

describe('Personal feed guessing', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ FEED_TOKEN_FAILURE_LIMIT: '3' }) });
  });

  afterAll(async () => {
    await api.close();
  });

  it('should answer 429 to a client that tried too many unknown tokens, while its valid token keeps working', async () => {
    const organisation = await organisationWithKeys(api);
    const person = await api
      .http()
      .post('/api/v1/people')
      .set(bearer(organisation.organiserKey))
      .send({ name: 'Amina Mvungi', email: 'amina@morogoro.example', organisationId: organisation.id })
      .expect(201);
    const issued = await api
      .http()
      .post(`/api/v1/people/${person.body.id}/feed-token`)
      .set(bearer(organisation.organiserKey))
      .expect(201);
    const valid = new URL(issued.body.url).pathname;
    await api.http().get(valid).expect(200);

    for (let attempt = 0; attempt < 3; attempt++) {
      await api
        .http()
        .get(`/feeds/personal/pf_0123456789abcdef_${'x'.repeat(42)}${attempt}.ics`)
        .expect(404);
    }
    const limited = await api.http().get('/feeds/personal/pf_0123456789abcdef_guess.ics').expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('too_many_attempts');
    await api
      .http()
      .get(`/feeds/personal/pf_0123456789abcdef_${'y'.repeat(43)}.ics`)
      .expect(429);
    await api.http().get(valid).expect(200);
  });
});
