import { ApiHarness, bearer, startApi } from './api-harness';
import { addPerson, invite } from './invitation-fixtures';
import {
  countRows,
  createEvent,
  organisationWithKeys,
  OrganisationKeys,
  UNKNOWN_ID,
} from './planning-fixtures';

describe('Partnerships API', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let sundern: OrganisationKeys;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      country: 'TZ',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    sundern = await organisationWithKeys(api, { name: 'Stadt Sundern' });
  });

  afterAll(async () => {
    await api.close();
  });

  async function createPartnership(key: string, body: Record<string, unknown>) {
    return api.http().post('/api/v1/partnerships').set(bearer(key)).send(body);
  }

  describe('POST /api/v1/partnerships', () => {
    it('should let a member organisation create a partnership with its members', async () => {
      const response = await createPartnership(arnsberg.organiserKey, {
        name: 'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
        description: 'Klimapartnerschaft seit 2022',
        memberOrganisationIds: [arnsberg.id, morogoro.id, arnsberg.id],
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
        description: 'Klimapartnerschaft seit 2022',
      });
      expect([...response.body.memberIds].sort()).toEqual([arnsberg.id, morogoro.id].sort());
      const fetched = await api
        .http()
        .get(`/api/v1/partnerships/${response.body.id}`)
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(fetched.body.members.map((member: { code: string }) => member.code).sort()).toEqual(
        [arnsberg.code, morogoro.code].sort(),
      );
    });

    it('should refuse a partnership the organisation is not a member of (403) and store nothing', async () => {
      const before = await countRows(api, 'partnerships');
      await createPartnership(sundern.organiserKey, {
        name: 'Ohne Sundern',
        memberOrganisationIds: [arnsberg.id, morogoro.id],
      }).then((response) => expect(response.status).toBe(403));
      await expect(countRows(api, 'partnerships')).resolves.toBe(before);
    });

    it('should refuse a viewer key (403)', async () => {
      const response = await createPartnership(arnsberg.viewerKey, {
        name: 'Nur lesen',
        memberOrganisationIds: [arnsberg.id],
      });
      expect(response.status).toBe(403);
    });

    it('should refuse an unknown member (400) without a partial partnership', async () => {
      const before = await countRows(api, 'partnerships');
      const members = await countRows(api, 'partnership_members');
      const response = await createPartnership(api.adminKey, {
        name: 'Mit Phantom',
        memberOrganisationIds: [arnsberg.id, UNKNOWN_ID],
      });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: 'memberOrganisationIds' })]);
      await expect(countRows(api, 'partnerships')).resolves.toBe(before);
      await expect(countRows(api, 'partnership_members')).resolves.toBe(members);
    });

    it('should refuse a second partnership of the same name (409)', async () => {
      const body = {
        name: 'Interkommunale Zusammenarbeit Arnsberg–Sundern',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      };
      expect((await createPartnership(api.adminKey, body)).status).toBe(201);
      const again = await createPartnership(api.adminKey, body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('partnership_name_taken');
    });

    it.each([
      ['no members', { name: 'Leer', memberOrganisationIds: [] }, 'memberOrganisationIds'],
      [
        'members that are no UUIDs',
        { name: 'Kaputt', memberOrganisationIds: ['ARN'] },
        'memberOrganisationIds',
      ],
      ['a name too long', { name: 'P'.repeat(201), memberOrganisationIds: ['x'] }, 'name'],
      [
        'a description of the wrong type',
        { name: 'Typ', description: 42, memberOrganisationIds: [] },
        'description',
      ],
      ['an unknown field', { name: 'Feld', memberOrganisationIds: [], foundedIn: 2022 }, 'foundedIn'],
    ])('should refuse %s with 400 naming the field', async (_, body, field) => {
      const response = await createPartnership(api.adminKey, body);
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('GET /api/v1/partnerships', () => {
    it('should list partnerships of an organisation and search in name and description', async () => {
      const ofMorogoro = await api
        .http()
        .get('/api/v1/partnerships')
        .query({ organisationId: morogoro.id })
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(ofMorogoro.body.items.map((partnership: { name: string }) => partnership.name)).toEqual([
        'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
      ]);
      const search = await api
        .http()
        .get('/api/v1/partnerships')
        .query({ q: 'klimapartnerschaft' })
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(search.body.items).toHaveLength(1);
    });

    it('should page with a cursor and refuse a malformed one (400)', async () => {
      const first = await api
        .http()
        .get('/api/v1/partnerships')
        .query({ limit: 1 })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api
        .http()
        .get('/api/v1/partnerships')
        .query({ limit: 1, cursor: first.body.nextCursor })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      await api
        .http()
        .get('/api/v1/partnerships')
        .query({ cursor: '!!!' })
        .set(bearer(api.adminKey))
        .expect(400);
      await api
        .http()
        .get('/api/v1/partnerships')
        .query({ organisationId: 'ARN' })
        .set(bearer(api.adminKey))
        .expect(400);
    });

    it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
      await api.http().get(`/api/v1/partnerships/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
      await api.http().get('/api/v1/partnerships/not-a-uuid').set(bearer(api.adminKey)).expect(400);
    });
  });

  describe('PATCH /api/v1/partnerships/:id', () => {
    let partnershipId: string;

    beforeAll(async () => {
      const response = await createPartnership(api.adminKey, {
        name: 'Städtepartnerschaft Arnsberg–Sundern Kultur',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      });
      partnershipId = response.body.id;
    });

    it('should let a member change the description, and the lead organisation the members', async () => {
      const described = await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(sundern.organiserKey))
        .send({ description: 'Kultur und Vereine' })
        .expect(200);
      expect(described.body).toMatchObject({
        description: 'Kultur und Vereine',
        leadOrganisationId: arnsberg.id,
      });
      const response = await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ memberOrganisationIds: [arnsberg.id, sundern.id, morogoro.id] })
        .expect(200);
      expect(response.body.memberIds).toHaveLength(3);
      expect(response.body.memberChanges).toEqual({ addedOrganisationIds: [morogoro.id], removed: [] });
    });

    it('should refuse membership changes by a member that does not lead (403) and keep the members', async () => {
      const outsider = await organisationWithKeys(api);
      for (const members of [
        [arnsberg.id, sundern.id],
        [arnsberg.id, sundern.id, morogoro.id, outsider.id],
      ]) {
        const response = await api
          .http()
          .patch(`/api/v1/partnerships/${partnershipId}`)
          .set(bearer(sundern.organiserKey))
          .send({ memberOrganisationIds: members, confirmMemberRemoval: true })
          .expect(403);
        expect(response.body.message).toContain('lead organisation');
      }
      await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(sundern.organiserKey))
        .send({ leadOrganisationId: sundern.id })
        .expect(403);
      const fetched = await api
        .http()
        .get(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(api.adminKey))
        .expect(200);
      expect(fetched.body.memberIds).toHaveLength(3);
      expect(fetched.body.leadOrganisationId).toBe(arnsberg.id);
    });

    it('should answer removing a member unconfirmed with 409 saying what it loses, and remove it once confirmed', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Klimabündnis mit Rückzug',
        memberOrganisationIds: [arnsberg.id, sundern.id, morogoro.id],
      }).then((response) => response.body);
      expect(created.leadOrganisationId).toBe(arnsberg.id);
      const internal = await createEvent(api, arnsberg.organiserKey, {
        title: 'Interne Abstimmung',
        status: 'published',
        visibility: 'internal',
        partnershipId: created.id,
      });
      await createEvent(api, arnsberg.organiserKey, {
        title: 'Interner Entwurf',
        visibility: 'internal',
        partnershipId: created.id,
      });
      const delegate = await addPerson(api, morogoro.organiserKey);
      await invite(api, arnsberg.organiserKey, internal.id, { personIds: [delegate.id] }).then((response) =>
        expect(response.status).toBe(201),
      );
      const path = `/api/v1/partnerships/${created.id}`;
      const unconfirmed = await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ memberOrganisationIds: [arnsberg.id, sundern.id], description: 'ohne Morogoro' })
        .expect(409);
      const removal = [
        {
          organisationId: morogoro.id,
          name: 'Morogoro Municipal Council',
          code: morogoro.code,
          internalEvents: [{ id: internal.id, title: 'Interne Abstimmung', startsAt: expect.any(String) }],
          invitedPeople: 1,
        },
      ];
      expect(unconfirmed.body).toMatchObject({
        code: 'member_removal_unconfirmed',
        details: { removedMembers: removal },
      });
      const unchanged = await api.http().get(path).set(bearer(api.adminKey)).expect(200);
      expect(unchanged.body).toMatchObject({ description: '' });
      expect(unchanged.body.memberIds).toHaveLength(3);
      await api.http().get(`/api/v1/events/${internal.id}`).set(bearer(morogoro.viewerKey)).expect(200);

      const confirmed = await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ memberOrganisationIds: [arnsberg.id, sundern.id], confirmMemberRemoval: true })
        .expect(200);
      expect(confirmed.body.memberChanges).toEqual({ addedOrganisationIds: [], removed: removal });
      expect([...confirmed.body.memberIds].sort()).toEqual([arnsberg.id, sundern.id].sort());
      await api.http().get(`/api/v1/events/${internal.id}`).set(bearer(morogoro.viewerKey)).expect(404);
    });

    it('should keep the lead a member (400), let the lead hand it on, and let an admin change members', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Staffelstab',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      }).then((response) => response.body);
      const path = `/api/v1/partnerships/${created.id}`;
      const leaderless = await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ memberOrganisationIds: [sundern.id], confirmMemberRemoval: true })
        .expect(400);
      expect(leaderless.body.problems).toEqual([expect.objectContaining({ field: 'leadOrganisationId' })]);
      await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ leadOrganisationId: morogoro.id })
        .expect(400);
      const handedOn = await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ leadOrganisationId: sundern.id })
        .expect(200);
      expect(handedOn.body.leadOrganisationId).toBe(sundern.id);
      await api
        .http()
        .patch(path)
        .set(bearer(arnsberg.organiserKey))
        .send({ memberOrganisationIds: [arnsberg.id, sundern.id, morogoro.id] })
        .expect(403);
      const byAdmin = await api
        .http()
        .patch(path)
        .set(bearer(api.adminKey))
        .send({ memberOrganisationIds: [sundern.id, morogoro.id], confirmMemberRemoval: true })
        .expect(200);
      expect(byAdmin.body.memberChanges).toMatchObject({
        addedOrganisationIds: [morogoro.id],
        removed: [{ organisationId: arnsberg.id, internalEvents: [], invitedPeople: 0 }],
      });
    });

    it('should refuse a lead that is not a member when creating (400)', async () => {
      const response = await createPartnership(arnsberg.organiserKey, {
        name: 'Fremdgeführt',
        memberOrganisationIds: [arnsberg.id],
        leadOrganisationId: sundern.id,
      });
      expect(response.status).toBe(400);
    });

    it('should refuse changes by a non-member (403) and by a viewer (403)', async () => {
      const outsider = await organisationWithKeys(api);
      await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(outsider.organiserKey))
        .send({ description: 'Übernahme' })
        .expect(403);
      await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(arnsberg.viewerKey))
        .send({ description: 'Leser' })
        .expect(403);
    });

    it.each([
      ['null as name', { name: null }],
      ['null as members', { memberOrganisationIds: null }],
      ['an empty member list', { memberOrganisationIds: [] }],
      ['an unknown member', { memberOrganisationIds: [UNKNOWN_ID] }],
    ])('should refuse %s with 400 and keep the partnership', async (_, change) => {
      const response = await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(api.adminKey))
        .send(change);
      expect(response.status).toBe(400);
      const fetched = await api
        .http()
        .get(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(api.adminKey))
        .expect(200);
      expect(fetched.body).toMatchObject({ name: 'Städtepartnerschaft Arnsberg–Sundern Kultur' });
      expect(fetched.body.memberIds).toHaveLength(3);
    });

    it('should refuse the name of another partnership (409)', async () => {
      const response = await api
        .http()
        .patch(`/api/v1/partnerships/${partnershipId}`)
        .set(bearer(arnsberg.organiserKey))
        .send({ name: 'Interkommunale Zusammenarbeit Arnsberg–Sundern' })
        .expect(409);
      expect(response.body.code).toBe('partnership_name_taken');
    });

    it('should answer 404 for an unknown partnership', async () => {
      await api
        .http()
        .patch(`/api/v1/partnerships/${UNKNOWN_ID}`)
        .set(bearer(api.adminKey))
        .send({ description: 'x' })
        .expect(404);
    });
  });

  describe('DELETE /api/v1/partnerships/:id', () => {
    it('should refuse deletion by a member that does not lead (403)', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Nur die Leitung löscht',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      });
      await api
        .http()
        .delete(`/api/v1/partnerships/${created.body.id}`)
        .set(bearer(sundern.organiserKey))
        .expect(403);
      await api.http().get(`/api/v1/partnerships/${created.body.id}`).set(bearer(api.adminKey)).expect(200);
    });

    it('should let a member delete a partnership, members and all', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Kurzlebig',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      });
      await api
        .http()
        .delete(`/api/v1/partnerships/${created.body.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(204);
      await api.http().get(`/api/v1/partnerships/${created.body.id}`).set(bearer(api.adminKey)).expect(404);
      const [row] = await api.dataSource.query(
        'SELECT count(*)::int AS count FROM partnership_members WHERE partnership_id = $1',
        [created.body.id],
      );
      expect(row.count).toBe(0);
    });

    it('should refuse deleting a partnership that events belong to (409)', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Mit Programm',
        memberOrganisationIds: [arnsberg.id],
      });
      await createEvent(api, arnsberg.organiserKey, { partnershipId: created.body.id });
      const response = await api
        .http()
        .delete(`/api/v1/partnerships/${created.body.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(409);
      expect(response.body.code).toBe('partnership_in_use');
    });

    it('should refuse deletion by a non-member (403), a viewer (403), and answer 404 for an unknown id', async () => {
      const created = await createPartnership(arnsberg.organiserKey, {
        name: 'Geschützt',
        memberOrganisationIds: [arnsberg.id],
      });
      await api
        .http()
        .delete(`/api/v1/partnerships/${created.body.id}`)
        .set(bearer(sundern.organiserKey))
        .expect(403);
      await api
        .http()
        .delete(`/api/v1/partnerships/${created.body.id}`)
        .set(bearer(arnsberg.viewerKey))
        .expect(403);
      await api.http().delete(`/api/v1/partnerships/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
    });
  });
});
