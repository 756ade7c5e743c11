import { ApiHarness, bearer, startApi } from './api-harness';
import { countRows, organisationWithKeys, OrganisationKeys, UNKNOWN_ID } from './planning-fixtures';

describe('People API', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg', defaultLocale: 'de' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      country: 'TZ',
      timeZone: 'Africa/Dar_es_Salaam',
      defaultLocale: 'sw',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  function createPerson(key: string, body: Record<string, unknown>) {
    return api.http().post('/api/v1/people').set(bearer(key)).send(body);
  }

  describe('POST /api/v1/people', () => {
    it("should add a person to the key's organisation with its locale and zone", async () => {
      const response = await createPerson(morogoro.organiserKey, {
        name: 'Amani Mwakyusa',
        email: 'amani.mwakyusa@morogoromc.go.tz',
        department: 'Environment',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Amani Mwakyusa',
        organisationId: morogoro.id,
        locale: 'sw',
        timeZone: 'Africa/Dar_es_Salaam',
        department: 'Environment',
      });
      const fetched = await api
        .http()
        .get(`/api/v1/people/${response.body.id}`)
        .set(bearer(morogoro.viewerKey))
        .expect(200);
      expect(fetched.body).toMatchObject({ email: 'amani.mwakyusa@morogoromc.go.tz', contactVisible: true });
    });

    it('should refuse an email that differs from a stored one only in case (409) and store nothing', async () => {
      expect(
        (await createPerson(arnsberg.organiserKey, { name: 'Anna Becker', email: 'A@x.org' })).status,
      ).toBe(201);
      const before = await countRows(api, 'people');
      const response = await createPerson(arnsberg.organiserKey, {
        name: 'Anna Becker (2)',
        email: 'a@X.org',
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('email_taken');
      await expect(countRows(api, 'people')).resolves.toBe(before);
    });

    it.each([
      ['an invalid email', { name: 'Kein Postfach', email: 'not-an-email' }, 'email'],
      [
        'a name with a line break',
        { name: 'Eva\r\nBcc: everyone@example.org', email: 'eva@example.org' },
        'name',
      ],
      ['a name with a bare LF', { name: 'Eva\nMüller', email: 'eva2@example.org' }, 'name'],
      [
        'a locale nobody speaks here',
        { name: 'Pierre', email: 'pierre@example.org', locale: 'fr' },
        'locale',
      ],
      [
        'a fixed offset as zone',
        { name: 'Zeitlos', email: 'zeit@example.org', timeZone: 'UTC+2' },
        'timeZone',
      ],
      [
        'a department too long',
        { name: 'Lang', email: 'lang@example.org', department: 'D'.repeat(201) },
        'department',
      ],
      [
        'an organisation id that is no UUID',
        { name: 'Org', email: 'org@example.org', organisationId: 'ARN' },
        'organisationId',
      ],
      ['an unknown field', { name: 'Feld', email: 'feld@example.org', phone: '+49 2932' }, 'phone'],
      ['a number as name', { name: 7, email: 'sieben@example.org' }, 'name'],
    ])('should refuse %s with 400 naming the field and store nothing', async (_, body, field) => {
      const before = await countRows(api, 'people');
      const response = await createPerson(api.adminKey, body);
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      await expect(countRows(api, 'people')).resolves.toBe(before);
    });

    it('should refuse adding people to another organisation (403) and from a viewer (403)', async () => {
      const foreign = await createPerson(arnsberg.organiserKey, {
        name: 'Fremd',
        email: 'fremd@example.org',
        organisationId: morogoro.id,
      });
      expect(foreign.status).toBe(403);
      const viewer = await createPerson(arnsberg.viewerKey, { name: 'Leser', email: 'leser@example.org' });
      expect(viewer.status).toBe(403);
    });

    it('should refuse an unknown organisation (400)', async () => {
      const response = await createPerson(api.adminKey, {
        name: 'Niemand',
        email: 'niemand@example.org',
        organisationId: UNKNOWN_ID,
      });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: 'organisationId' })]);
    });
  });

  describe('GET /api/v1/people', () => {
    it('should list people by organisation and search in name and email', async () => {
      const ofMorogoro = await api
        .http()
        .get('/api/v1/people')
        .query({ organisationId: morogoro.id })
        .set(bearer(morogoro.viewerKey))
        .expect(200);
      expect(ofMorogoro.body.items.map((person: { name: string }) => person.name)).toEqual([
        'Amani Mwakyusa',
      ]);
      const byEmail = await api
        .http()
        .get('/api/v1/people')
        .query({ q: 'MOROGOROMC' })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(byEmail.body.items).toHaveLength(1);
      const byDepartment = await api
        .http()
        .get('/api/v1/people')
        .query({ department: 'Environment' })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(byDepartment.body.items).toHaveLength(1);
    });

    it('should refuse a malformed cursor and a bad organisation filter (400)', async () => {
      await api.http().get('/api/v1/people').query({ cursor: 'e30' }).set(bearer(api.adminKey)).expect(400);
      await api
        .http()
        .get('/api/v1/people')
        .query({ organisationId: '1' })
        .set(bearer(api.adminKey))
        .expect(400);
    });

    it('should answer 404 for an unknown person and 400 for a malformed id', async () => {
      await api.http().get(`/api/v1/people/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
      await api.http().get('/api/v1/people/amani').set(bearer(api.adminKey)).expect(400);
    });
  });

  describe('PATCH /api/v1/people/:id', () => {
    let personId: string;

    beforeAll(async () => {
      const response = await createPerson(arnsberg.organiserKey, {
        name: 'Jonas Richter',
        email: 'jonas.richter@arnsberg.de',
      });
      personId = response.body.id;
    });

    it('should let the organisation change its person', async () => {
      const response = await api
        .http()
        .patch(`/api/v1/people/${personId}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ department: 'Stadtentwicklung', locale: 'en', timeZone: 'Africa/Dar_es_Salaam' })
        .expect(200);
      expect(response.body).toMatchObject({
        department: 'Stadtentwicklung',
        locale: 'en',
        timeZone: 'Africa/Dar_es_Salaam',
      });
    });

    it('should refuse an email another person has, in any case (409)', async () => {
      const response = await api
        .http()
        .patch(`/api/v1/people/${personId}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ email: 'AMANI.MWAKYUSA@morogoromc.go.tz' })
        .expect(409);
      expect(response.body.code).toBe('email_taken');
    });

    it.each([
      ['null as name', { name: null }],
      ['null as email', { email: null }],
      ['null as locale', { locale: null }],
      ['a name with CR/LF', { name: 'Jonas\r\nRichter' }],
      ['an invalid zone', { timeZone: 'Berlin' }],
    ])('should refuse %s with 400 and keep the person', async (_, change) => {
      await api
        .http()
        .patch(`/api/v1/people/${personId}`)
        .set(bearer(arnsberg.organiserKey))
        .send(change)
        .expect(400);
      const fetched = await api
        .http()
        .get(`/api/v1/people/${personId}`)
        .set(bearer(api.adminKey))
        .expect(200);
      expect(fetched.body).toMatchObject({
        name: 'Jonas Richter',
        email: 'jonas.richter@arnsberg.de',
        locale: 'en',
      });
    });

    it('should refuse changes by an organisation that may not see the person (404) and by a viewer (403)', async () => {
      await api
        .http()
        .patch(`/api/v1/people/${personId}`)
        .set(bearer(morogoro.organiserKey))
        .send({ department: 'x' })
        .expect(404);
      await api
        .http()
        .patch(`/api/v1/people/${personId}`)
        .set(bearer(arnsberg.viewerKey))
        .send({ department: 'x' })
        .expect(403);
    });

    it('should answer 404 for an unknown person', async () => {
      await api
        .http()
        .patch(`/api/v1/people/${UNKNOWN_ID}`)
        .set(bearer(api.adminKey))
        .send({ department: 'x' })
        .expect(404);
    });
  });

  describe('DELETE /api/v1/people/:id', () => {
    it('should let the organisation erase its person, and only it, saying what was erased', async () => {
      const created = await createPerson(arnsberg.organiserKey, {
        name: 'Kurz Zeit',
        email: 'kurz@arnsberg.de',
      });
      await api
        .http()
        .delete(`/api/v1/people/${created.body.id}`)
        .set(bearer(morogoro.organiserKey))
        .expect(404);
      await api
        .http()
        .delete(`/api/v1/people/${created.body.id}`)
        .set(bearer(arnsberg.viewerKey))
        .expect(403);
      await api
        .http()
        .delete(`/api/v1/people/${created.body.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(200)
        .expect((response) =>
          expect(response.body).toMatchObject({
            personId: created.body.id,
            sections: { feedTokens: { feedTokensDeleted: 0 }, invitations: { invitationsAnonymised: 0 } },
          }),
        );
      await api.http().get(`/api/v1/people/${created.body.id}`).set(bearer(api.adminKey)).expect(404);
      await api
        .http()
        .delete(`/api/v1/people/${created.body.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(404);
    });
  });
});
