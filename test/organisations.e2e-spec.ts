import { ApiHarness, bearer, startApi } from './api-harness';
import {
  countRows,
  createEvent,
  createOrganisation,
  organisationWithKeys,
  OrganisationKeys,
  UNKNOWN_ID,
  uniqueCode,
} from './planning-fixtures';

describe('Organisations API', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let sundern: OrganisationKeys;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    sundern = await organisationWithKeys(api, { name: 'Stadt Sundern (Sauerland)' });
  });

  afterAll(async () => {
    await api.close();
  });

  describe('POST /api/v1/organisations', () => {
    it('should create an organisation with an admin key and read it back', async () => {
      const created = await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .send({
          name: 'Morogoro Municipal Council',
          code: 'moro',
          country: 'tz',
          timeZone: 'Africa/Dar_es_Salaam',
          defaultLocale: 'sw',
        })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Morogoro Municipal Council', code: 'MORO', country: 'TZ' });
      const fetched = await api
        .http()
        .get(`/api/v1/organisations/${created.body.id}`)
        .set(bearer(arnsberg.viewerKey))
        .expect(200);
      expect(fetched.body).toMatchObject({ timeZone: 'Africa/Dar_es_Salaam', defaultLocale: 'sw' });
    });

    it('should refuse an invalid body with field-level messages and store nothing', async () => {
      const before = await countRows(api, 'organisations');
      const response = await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .send({
          name: '',
          code: 'x',
          country: 'Germany',
          timeZone: 'Berlin/Mars',
          defaultLocale: 'fr',
          extra: 1,
        })
        .expect(400);
      const fields = response.body.problems.map((problem: { field: string }) => problem.field);
      expect(fields).toEqual(
        expect.arrayContaining(['name', 'code', 'country', 'timeZone', 'defaultLocale', 'extra']),
      );
      await expect(countRows(api, 'organisations')).resolves.toBe(before);
    });

    it.each([
      ['a fixed offset as zone', { timeZone: 'UTC+2' }, 'timeZone'],
      ['a city as zone', { timeZone: 'Berlin' }, 'timeZone'],
      ['a number as name', { name: 42 }, 'name'],
      ['a name longer than 200 characters', { name: 'A'.repeat(201) }, 'name'],
      ['a code with spaces', { code: 'AR NS' }, 'code'],
    ])('should refuse %s with 400 naming the field', async (_, change, field) => {
      const response = await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .send({
          name: 'Stadt Hamm',
          code: uniqueCode(),
          country: 'DE',
          timeZone: 'Europe/Berlin',
          defaultLocale: 'de',
          ...change,
        })
        .expect(400);
      expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('should refuse a second organisation with the same code, whatever its case', async () => {
      const code = uniqueCode('HAMM');
      await createOrganisation(api, { code });
      const response = await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .send({
          name: 'Hamm again',
          code: code.toLowerCase(),
          country: 'DE',
          timeZone: 'Europe/Berlin',
          defaultLocale: 'de',
        })
        .expect(409);
      expect(response.body.code).toBe('organisation_code_taken');
    });

    it.each(['organiserKey', 'viewerKey'] as const)(
      'should refuse creation with an %s (403)',
      async (key) => {
        await api
          .http()
          .post('/api/v1/organisations')
          .set(bearer(arnsberg[key]))
          .send({
            name: 'Neue Stadt',
            code: uniqueCode(),
            country: 'DE',
            timeZone: 'Europe/Berlin',
            defaultLocale: 'de',
          })
          .expect(403);
      },
    );

    it('should answer malformed JSON with 400, not 500', async () => {
      const response = await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .set('Content-Type', 'application/json')
        .send('{"name": "Stadt Arnsberg",')
        .expect(400);
      expect(response.body.message).toMatch(/JSON/);
    });

    it.each([
      ['an array', '[]'],
      ['a bare string', '"Stadt Arnsberg"'],
      ['null', 'null'],
    ])('should answer %s as body with 400', async (_, body) => {
      await api
        .http()
        .post('/api/v1/organisations')
        .set(bearer(api.adminKey))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
    });
  });

  describe('GET /api/v1/organisations', () => {
    it('should list organisations by name and search in name and code', async () => {
      const page = await api
        .http()
        .get('/api/v1/organisations')
        .query({ q: 'sundern' })
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(page.body.items.map((organisation: { id: string }) => organisation.id)).toEqual([sundern.id]);
      const byCode = await api
        .http()
        .get('/api/v1/organisations')
        .query({ q: arnsberg.code.toLowerCase() })
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(byCode.body.items.map((organisation: { id: string }) => organisation.id)).toEqual([arnsberg.id]);
    });

    it('should treat LIKE wildcards in the search as plain text', async () => {
      const page = await api
        .http()
        .get('/api/v1/organisations')
        .query({ q: '%' })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(page.body.items).toEqual([]);
      const parenthesis = await api
        .http()
        .get('/api/v1/organisations')
        .query({ q: '(Sauerland)' })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(parenthesis.body.items).toHaveLength(1);
    });

    it('should filter by country', async () => {
      const tanzanian = await createOrganisation(api, { country: 'TZ', timeZone: 'Africa/Dar_es_Salaam' });
      const page = await api
        .http()
        .get('/api/v1/organisations')
        .query({ country: 'tz' })
        .set(bearer(api.adminKey))
        .expect(200);
      const ids = page.body.items.map((organisation: { id: string }) => organisation.id);
      expect(ids).toContain(tanzanian.id);
      expect(ids).not.toContain(arnsberg.id);
    });

    it('should page through all organisations by name without repeating or skipping one', async () => {
      const total = await countRows(api, 'organisations');
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api
          .http()
          .get('/api/v1/organisations')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(api.adminKey))
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((organisation: { id: string }) => organisation.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it.each([
      ['a malformed cursor', { cursor: 'garbage' }, 'cursor'],
      ['a limit of 0', { limit: 0 }, 'limit'],
      ['a limit above 200', { limit: 201 }, 'limit'],
      ['a limit that is no number', { limit: 'ten' }, 'limit'],
      ['an unknown parameter', { sort: 'name' }, 'sort'],
      ['a country that is none', { country: 'Germany' }, 'country'],
    ])('should answer %s with 400 naming the parameter', async (_, query, field) => {
      const response = await api
        .http()
        .get('/api/v1/organisations')
        .query(query)
        .set(bearer(api.adminKey))
        .expect(400);
      expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('GET /api/v1/organisations/:id', () => {
    it('should answer 404 for an unknown id and 400 for one that is no UUID', async () => {
      await api.http().get(`/api/v1/organisations/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
      const response = await api.http().get('/api/v1/organisations/42').set(bearer(api.adminKey)).expect(400);
      expect(response.body.problems).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    });
  });

  describe('PATCH /api/v1/organisations/:id', () => {
    it('should let an organiser change its own organisation', async () => {
      const response = await api
        .http()
        .patch(`/api/v1/organisations/${arnsberg.id}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ name: 'Stadt Arnsberg', defaultLocale: 'en' })
        .expect(200);
      expect(response.body).toMatchObject({ id: arnsberg.id, defaultLocale: 'en', code: arnsberg.code });
    });

    it('should refuse changes to another organisation (403) and from a viewer (403)', async () => {
      await api
        .http()
        .patch(`/api/v1/organisations/${sundern.id}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ name: 'Übernommen' })
        .expect(403);
      await api
        .http()
        .patch(`/api/v1/organisations/${arnsberg.id}`)
        .set(bearer(arnsberg.viewerKey))
        .send({ name: 'Umbenannt' })
        .expect(403);
    });

    it('should refuse taking the code of another organisation (409)', async () => {
      await api
        .http()
        .patch(`/api/v1/organisations/${arnsberg.id}`)
        .set(bearer(api.adminKey))
        .send({ code: sundern.code })
        .expect(409);
    });

    it.each([
      ['null as name', { name: null }],
      ['null as time zone', { timeZone: null }],
      ['an invalid zone', { timeZone: 'UTC+2' }],
      ['an unknown field', { mayor: 'Ralf Bittner' }],
    ])('should refuse %s with 400 and keep the organisation as it was', async (_, change) => {
      await api
        .http()
        .patch(`/api/v1/organisations/${sundern.id}`)
        .set(bearer(api.adminKey))
        .send(change)
        .expect(400);
      const unchanged = await api
        .http()
        .get(`/api/v1/organisations/${sundern.id}`)
        .set(bearer(api.adminKey))
        .expect(200);
      expect(unchanged.body).toMatchObject({ name: 'Stadt Sundern (Sauerland)', timeZone: 'Europe/Berlin' });
    });

    it('should answer 404 for an unknown organisation', async () => {
      await api
        .http()
        .patch(`/api/v1/organisations/${UNKNOWN_ID}`)
        .set(bearer(api.adminKey))
        .send({ name: 'X' })
        .expect(404);
    });
  });

  describe('DELETE /api/v1/organisations/:id', () => {
    it('should let an admin delete an unused organisation', async () => {
      const organisation = await createOrganisation(api);
      await api
        .http()
        .delete(`/api/v1/organisations/${organisation.id}`)
        .set(bearer(api.adminKey))
        .expect(204);
      await api.http().get(`/api/v1/organisations/${organisation.id}`).set(bearer(api.adminKey)).expect(404);
    });

    it('should refuse deletion by an organiser, even of its own organisation (403)', async () => {
      await api
        .http()
        .delete(`/api/v1/organisations/${arnsberg.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(403);
    });

    it('should refuse deleting an organisation that hosts events (409) and keep everything', async () => {
      const host = await organisationWithKeys(api);
      await createEvent(api, host.organiserKey, { title: 'Bürgerfest' });
      const response = await api
        .http()
        .delete(`/api/v1/organisations/${host.id}`)
        .set(bearer(api.adminKey))
        .expect(409);
      expect(response.body.code).toBe('organisation_in_use');
      await api.http().get(`/api/v1/organisations/${host.id}`).set(bearer(api.adminKey)).expect(200);
    });

    it('should refuse deleting an organisation that has people (409)', async () => {
      const organisation = await createOrganisation(api);
      await api
        .http()
        .post('/api/v1/people')
        .set(bearer(api.adminKey))
        .send({
          name: 'Jana Schulte',
          email: `jana.${organisation.code}@example.org`,
          organisationId: organisation.id,
        })
        .expect(201);
      await api
        .http()
        .delete(`/api/v1/organisations/${organisation.id}`)
        .set(bearer(api.adminKey))
        .expect(409);
    });

    it('should answer 404 for an unknown organisation', async () => {
      await api.http().delete(`/api/v1/organisations/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
    });
  });
});
