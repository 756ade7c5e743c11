import { ApiHarness, bearer, startApi } from './api-harness';
import { addPerson, invite, Person } from './invitation-fixtures';
import { createEvent, issueKey, organisationWithKeys, OrganisationKeys } from './planning-fixtures';

type Role = 'organiser' | 'viewer';
const ROLES: Role[] = ['organiser', 'viewer'];

interface PersonJson {
  id: string;
  name: string;
  organisationId: string | null;
  contactVisible: boolean;
  email?: string;
}

/**
 * Least data by default: every read of people, invitations and emails across four organisations,
 * with each role. Arnsberg hosts a city day that a Morogoro delegate and a guest without an
 * organisation are invited to; Arnsberg and Sundern share a partnership; Hamm shares nothing.
 */
describe('People visibility across organisations', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let sundern: OrganisationKeys;
  let hamm: OrganisationKeys;
  let secondAdminKey: string;
  let anna: Person;
  let amani: Person;
  let sven: Person;
  let hanna: Person;
  let guest: Person;
  let cityDayId: string;

  const key = (organisation: OrganisationKeys, role: Role) =>
    role === 'organiser' ? organisation.organiserKey : organisation.viewerKey;
  const get = (path: string, apiKey: string, query: Record<string, string> = {}) =>
    api.http().get(`/api/v1${path}`).query(query).set(bearer(apiKey));
  const listPeople = async (apiKey: string, query: Record<string, string> = {}): Promise<PersonJson[]> =>
    (await get('/people', apiKey, { limit: '200', ...query }).expect(200)).body.items;

  /** Contact data exactly for the reader's own people, by name and organisation for others. */
  function expectShownTo(person: PersonJson, readerOrganisationId: string): void {
    const own = readerOrganisationId === 'admin' || person.organisationId === readerOrganisationId;
    if (own) {
      expect(person).toMatchObject({ contactVisible: true, email: expect.any(String) });
    } else {
      expect(Object.keys(person).sort()).toEqual(['contactVisible', 'id', 'name', 'organisationId']);
      expect(person.contactVisible).toBe(false);
    }
  }

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, { name: 'Morogoro Municipal Council', country: 'TZ' });
    sundern = await organisationWithKeys(api, { name: 'Stadt Sundern' });
    hamm = await organisationWithKeys(api, { name: 'Stadt Hamm' });
    secondAdminKey = await issueKey(api, hamm.id, 'admin');
    anna = await addPerson(api, arnsberg.organiserKey, { name: 'Anna Becker', department: 'Umwelt' });
    amani = await addPerson(api, morogoro.organiserKey, {
      name: 'Amani Mwakyusa',
      department: 'Environment',
    });
    sven = await addPerson(api, sundern.organiserKey, { name: 'Sven Schulte' });
    hanna = await addPerson(api, hamm.organiserKey, { name: 'Hanna Vogel' });
    guest = await addPerson(api, api.adminKey, { name: 'Gabriele Gast' });
    await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({ name: 'IKZ Arnsberg–Sundern', memberOrganisationIds: [arnsberg.id, sundern.id] })
      .expect(201);
    const cityDay = await createEvent(api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag Arnsberg',
      status: 'published',
      startsAt: '2031-06-10T09:00',
      endsAt: '2031-06-10T17:00',
    });
    cityDayId = cityDay.id;
    // An admin invites: Arnsberg cannot name people it does not see yet (test/ids-across-organisations).
    const invited = await invite(api, api.adminKey, cityDayId, {
      personIds: [anna.id, amani.id, guest.id],
    });
    expect(invited.status).toBe(201);
  });

  afterAll(async () => {
    await api.close();
  });

  describe('GET /api/v1/people', () => {
    it.each(ROLES)(
      'should show Arnsberg (%s) its people with contact data and those it shares an event or a partnership with by name only',
      async (role) => {
        const people = await listPeople(key(arnsberg, role));
        expect(people.map((person) => person.name).sort()).toEqual(
          ['Amani Mwakyusa', 'Anna Becker', 'Gabriele Gast', 'Sven Schulte'].sort(),
        );
        people.forEach((person) => expectShownTo(person, arnsberg.id));
      },
    );

    it.each(ROLES)(
      "should show Morogoro (%s), invited to Arnsberg's city day, Arnsberg's people and the other guests by name, not Sundern's",
      async (role) => {
        const people = await listPeople(key(morogoro, role));
        expect(people.map((person) => person.name).sort()).toEqual(
          ['Amani Mwakyusa', 'Anna Becker', 'Gabriele Gast'].sort(),
        );
        people.forEach((person) => expectShownTo(person, morogoro.id));
      },
    );

    it.each(ROLES)(
      'should show Sundern (%s) its partner Arnsberg by name, but not the guests of an event it has no part in',
      async (role) => {
        const people = await listPeople(key(sundern, role));
        expect(people.map((person) => person.name).sort()).toEqual(['Anna Becker', 'Sven Schulte']);
        people.forEach((person) => expectShownTo(person, sundern.id));
      },
    );

    it.each(ROLES)('should show Hamm (%s), which shares nothing, only its own people', async (role) => {
      const people = await listPeople(key(hamm, role));
      expect(people.map((person) => person.id)).toEqual([hanna.id]);
      expectShownTo(people[0], hamm.id);
    });

    it('should show admins everyone with contact data, whichever organisation their key belongs to', async () => {
      for (const adminKey of [api.adminKey, secondAdminKey]) {
        const people = await listPeople(adminKey);
        expect(people.map((person) => person.id).sort()).toEqual(
          [anna.id, amani.id, sven.id, hanna.id, guest.id].sort(),
        );
        people.forEach((person) => expectShownTo(person, 'admin'));
      }
    });

    it.each(ROLES)(
      'should not reveal contact data when Arnsberg (%s) filters by another organisation, and nothing of one it shares nothing with',
      async (role) => {
        const ofMorogoro = await listPeople(key(arnsberg, role), { organisationId: morogoro.id });
        expect(ofMorogoro).toEqual([
          { id: amani.id, name: 'Amani Mwakyusa', organisationId: morogoro.id, contactVisible: false },
        ]);
        await expect(listPeople(key(arnsberg, role), { organisationId: hamm.id })).resolves.toEqual([]);
      },
    );

    it.each(ROLES)(
      "should not let Arnsberg (%s) find another organisation's people by email or department",
      async (role) => {
        await expect(listPeople(key(arnsberg, role), { q: amani.email })).resolves.toEqual([]);
        await expect(listPeople(key(arnsberg, role), { department: 'Environment' })).resolves.toEqual([]);
        const byName = await listPeople(key(arnsberg, role), { q: 'mwakyusa' });
        expect(byName.map((person) => person.id)).toEqual([amani.id]);
        const ownByEmail = await listPeople(key(arnsberg, role), { q: anna.email });
        expect(ownByEmail.map((person) => person.id)).toEqual([anna.id]);
        const ownByDepartment = await listPeople(key(arnsberg, role), { department: 'Umwelt' });
        expect(ownByDepartment.map((person) => person.id)).toEqual([anna.id]);
      },
    );

    it('should let admins search everyone by email and department', async () => {
      const byEmail = await listPeople(api.adminKey, { q: amani.email });
      expect(byEmail).toEqual([expect.objectContaining({ id: amani.id, email: amani.email })]);
      const byDepartment = await listPeople(api.adminKey, { department: 'Environment' });
      expect(byDepartment.map((person) => person.id)).toEqual([amani.id]);
    });
  });

  describe('GET /api/v1/people/:id', () => {
    it.each(ROLES)(
      'should give Arnsberg (%s) its own person whole, a shared one by name, and 404 for one it shares nothing with',
      async (role) => {
        const own = await get(`/people/${anna.id}`, key(arnsberg, role)).expect(200);
        expect(own.body).toMatchObject({ email: anna.email, department: 'Umwelt', contactVisible: true });
        const shared = await get(`/people/${amani.id}`, key(arnsberg, role)).expect(200);
        expect(shared.body).toEqual({
          id: amani.id,
          name: 'Amani Mwakyusa',
          organisationId: morogoro.id,
          contactVisible: false,
        });
        const unrelated = await get(`/people/${hanna.id}`, key(arnsberg, role)).expect(404);
        expect(unrelated.body.code).toBe('person_not_found');
      },
    );

    it.each(ROLES)(
      'should answer Hamm (%s) 404 for people of organisations it shares nothing with',
      async (role) => {
        for (const person of [anna, amani, sven, guest]) {
          await get(`/people/${person.id}`, key(hamm, role)).expect(404);
        }
      },
    );

    it('should give admins every person whole', async () => {
      for (const person of [anna, amani, sven, hanna, guest]) {
        const response = await get(`/people/${person.id}`, api.adminKey).expect(200);
        expect(response.body).toMatchObject({ email: person.email, contactVisible: true });
      }
    });

    it("should refuse another organisation's change of a person it sees (403) and answer one it does not see with 404", async () => {
      await api
        .http()
        .patch(`/api/v1/people/${amani.id}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ department: 'Übernommen' })
        .expect(403);
      await api
        .http()
        .patch(`/api/v1/people/${amani.id}`)
        .set(bearer(hamm.organiserKey))
        .send({ department: 'Übernommen' })
        .expect(404);
      await api.http().delete(`/api/v1/people/${amani.id}`).set(bearer(hamm.organiserKey)).expect(404);
      const kept = await get(`/people/${amani.id}`, api.adminKey).expect(200);
      expect(kept.body.department).toBe('Environment');
    });
  });

  describe('GET /api/v1/people/:id/emails', () => {
    it.each(ROLES)(
      "should show Morogoro (%s) its person's email history, about Arnsberg's event too",
      async (role) => {
        const response = await get(`/people/${amani.id}/emails`, key(morogoro, role)).expect(200);
        expect(response.body.items).toEqual([
          expect.objectContaining({
            kind: 'invitation',
            event: { id: cityDayId, title: 'Städtetag Arnsberg' },
            person: expect.objectContaining({ id: amani.id, email: amani.email, contactVisible: true }),
          }),
        ]);
      },
    );

    it.each(ROLES)(
      "should answer Arnsberg (%s) 404 for the email history of another organisation's person, even one it invited",
      async (role) => {
        for (const person of [amani, sven, hanna, guest]) {
          const response = await get(`/people/${person.id}/emails`, key(arnsberg, role)).expect(404);
          expect(response.body.code).toBe('person_not_found');
        }
        await get(`/people/${anna.id}/emails`, key(arnsberg, role)).expect(200);
      },
    );

    it('should show admins every email history', async () => {
      for (const person of [anna, amani, guest]) {
        const response = await get(`/people/${person.id}/emails`, api.adminKey).expect(200);
        expect(response.body.items).toHaveLength(1);
      }
    });
  });

  describe('GET /api/v1/events/:id/emails', () => {
    beforeAll(async () => {
      await api.dataSource.query(`UPDATE emails SET last_error = $2 WHERE person_id = $1`, [
        amani.id,
        `550 5.1.1 <${amani.email}>: Recipient address rejected`,
      ]);
    });

    it.each(ROLES)(
      'should show the host Arnsberg (%s) its own recipient whole and the others by name, without their SMTP errors',
      async (role) => {
        const response = await get(`/events/${cityDayId}/emails`, key(arnsberg, role)).expect(200);
        const byPerson = new Map(
          response.body.items.map((item: { person: PersonJson }) => [item.person.id, item]),
        );
        expect([...byPerson.keys()].sort()).toEqual([anna.id, amani.id, guest.id].sort());
        for (const item of response.body.items as Array<{ person: PersonJson }>) {
          expectShownTo(item.person, arnsberg.id);
        }
        expect(byPerson.get(amani.id)).toMatchObject({ lastError: null });
        expect(JSON.stringify(response.body)).not.toContain(amani.email);
        expect(JSON.stringify(response.body)).not.toContain(guest.email);
      },
    );

    it('should show admins every recipient whole, SMTP errors included', async () => {
      const response = await get(`/events/${cityDayId}/emails`, api.adminKey).expect(200);
      for (const item of response.body.items) expectShownTo(item.person, 'admin');
      const toAmani = response.body.items.find((item: { person: PersonJson }) => item.person.id === amani.id);
      expect(toAmani.lastError).toContain(amani.email);
    });

    it.each(ROLES)(
      "should answer an invitee's organisation (%s) 404 for the host's email list",
      async (role) => {
        await get(`/events/${cityDayId}/emails`, key(morogoro, role)).expect(404);
      },
    );
  });

  describe('GET /api/v1/events/:id/invitations', () => {
    it.each(ROLES)(
      'should show the host Arnsberg (%s) its own invitee whole and the others by name and organisation',
      async (role) => {
        const response = await get(`/events/${cityDayId}/invitations`, key(arnsberg, role)).expect(200);
        const people: PersonJson[] = response.body.items.map((item: { person: PersonJson }) => item.person);
        expect(people.map((person) => person.id).sort()).toEqual([anna.id, amani.id, guest.id].sort());
        people.forEach((person) => expectShownTo(person, arnsberg.id));
        const single = await get(
          `/events/${cityDayId}/invitations/${response.body.items.find((item: { person: PersonJson }) => item.person.id === amani.id).id}`,
          key(arnsberg, role),
        ).expect(200);
        expect(single.body.person).toEqual({
          id: amani.id,
          name: 'Amani Mwakyusa',
          organisationId: morogoro.id,
          contactVisible: false,
        });
      },
    );

    it('should show admins every invitee whole', async () => {
      const response = await get(`/events/${cityDayId}/invitations`, api.adminKey).expect(200);
      for (const item of response.body.items) expectShownTo(item.person, 'admin');
    });

    it.each(ROLES)(
      "should refuse an invitee's organisation (%s) the event's invitation list (403) and hide it from others (404)",
      async (role) => {
        await get(`/events/${cityDayId}/invitations`, key(morogoro, role)).expect(403);
        const draft = await createEvent(api, arnsberg.organiserKey, { title: 'Entwurf', status: 'draft' });
        await get(`/events/${draft.id}/invitations`, key(hamm, role)).expect(404);
      },
    );

    it('should keep a withdrawn invitee visible by name to the host, whose list still shows them', async () => {
      const meeting = await createEvent(api, arnsberg.organiserKey, {
        title: 'Vorgespräch',
        status: 'published',
      });
      const visitor = await addPerson(api, api.adminKey, { name: 'Vera Besuch' });
      await get(`/people/${visitor.id}`, arnsberg.viewerKey).expect(404);
      await invite(api, api.adminKey, meeting.id, { personIds: [visitor.id] });
      const [invitation] = (await get(`/events/${meeting.id}/invitations`, arnsberg.viewerKey).expect(200))
        .body.items;
      const withdrawn = await api
        .http()
        .delete(`/api/v1/events/${meeting.id}/invitations/${invitation.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        status: 'cancelled',
        person: { id: visitor.id, name: 'Vera Besuch', organisationId: null, contactVisible: false },
      });
      expect(withdrawn.body.person).not.toHaveProperty('email');
      await get(`/people/${visitor.id}`, arnsberg.viewerKey).expect(200);
      await get(`/people/${visitor.id}`, hamm.viewerKey).expect(404);
    });
  });

  describe('GET /api/v1/people/:id/feed-token', () => {
    it.each(ROLES)(
      "should show a person's feed settings to their own organisation (%s) and answer 404 to any other",
      async (role) => {
        await get(`/people/${amani.id}/feed-token`, key(morogoro, role)).expect(200);
        await get(`/people/${amani.id}/feed-token`, key(arnsberg, role)).expect(404);
        await get(`/people/${amani.id}/feed-token`, key(hamm, role)).expect(404);
      },
    );
  });

  describe('OpenAPI document', () => {
    it('should state the visibility rule on every operation that shows people', async () => {
      const document = (await api.http().get('/docs-json').expect(200)).body;
      const operations = [
        ['/api/v1/people', 'get'],
        ['/api/v1/people/{id}', 'get'],
        ['/api/v1/events/{id}/invitations', 'get'],
        ['/api/v1/events/{id}/invitations/{invitationId}', 'get'],
        ['/api/v1/events/{id}/emails', 'get'],
      ];
      for (const [path, method] of operations) {
        expect({ path, description: document.paths[path][method].description }).toEqual({
          path,
          description: expect.stringContaining(
            'only when both organisations share an event or a partnership',
          ),
        });
      }
      expect(document.paths['/api/v1/people/{id}/emails'].get.description).toContain('404');
      expect(document.paths['/api/v1/partnerships/{id}'].patch.description).toContain('confirmMemberRemoval');
    });
  });

  describe('sharing through co-hosting and partnerships', () => {
    it('should let a host and its co-host see each other’s people by name, with no invitation between them', async () => {
      const brilon = await organisationWithKeys(api, { name: 'Stadt Brilon' });
      const winterberg = await organisationWithKeys(api, { name: 'Stadt Winterberg' });
      const bruno = await addPerson(api, brilon.organiserKey, { name: 'Bruno Brilon' });
      const wiebke = await addPerson(api, winterberg.organiserKey, { name: 'Wiebke Winterberg' });
      await get(`/people/${wiebke.id}`, brilon.viewerKey).expect(404);
      await createEvent(api, brilon.organiserKey, {
        title: 'Gemeinsamer Entwurf',
        coHostOrganisationIds: [winterberg.id],
      });
      const seen = await get(`/people/${wiebke.id}`, brilon.viewerKey).expect(200);
      expect(seen.body).toEqual({
        id: wiebke.id,
        name: 'Wiebke Winterberg',
        organisationId: winterberg.id,
        contactVisible: false,
      });
      await get(`/people/${bruno.id}`, winterberg.organiserKey).expect(200);
      await get(`/people/${bruno.id}`, hamm.viewerKey).expect(404);
    });

    it('should hide two organisations from each other once the partnership that joined them loses one', async () => {
      const olpe = await organisationWithKeys(api, { name: 'Stadt Olpe' });
      const meschede = await organisationWithKeys(api, { name: 'Stadt Meschede' });
      const olga = await addPerson(api, olpe.organiserKey, { name: 'Olga Olpe' });
      const mats = await addPerson(api, meschede.organiserKey, { name: 'Mats Meschede' });
      await get(`/people/${mats.id}`, olpe.viewerKey).expect(404);
      const partnership = await api
        .http()
        .post('/api/v1/partnerships')
        .set(bearer(olpe.organiserKey))
        .send({ name: 'Sauerland-Kooperation', memberOrganisationIds: [olpe.id, meschede.id] })
        .expect(201);
      await get(`/people/${mats.id}`, olpe.viewerKey).expect(200);
      await get(`/people/${olga.id}`, meschede.viewerKey).expect(200);
      await api
        .http()
        .patch(`/api/v1/partnerships/${partnership.body.id}`)
        .set(bearer(olpe.organiserKey))
        .send({ memberOrganisationIds: [olpe.id], confirmMemberRemoval: true })
        .expect(200);
      await get(`/people/${mats.id}`, olpe.viewerKey).expect(404);
      await get(`/people/${olga.id}`, meschede.viewerKey).expect(404);
    });
  });
});
