import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer, startApi } from './api-harness';
import { countRows, createEvent, organisationWithKeys, OrganisationKeys } from './planning-fixtures';

type EventBody = Record<string, unknown>;

/** The promises of the organiser API across organisations: who may change what, and who sees what. */
describe('Access across organisations', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let sundern: OrganisationKeys;
  let hamm: OrganisationKeys;
  let sundernPublished: EventView;
  let sundernDraft: EventView;
  let sundernInternal: EventView;
  let sharedInternal: EventView;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    sundern = await organisationWithKeys(api, { name: 'Stadt Sundern' });
    hamm = await organisationWithKeys(api, { name: 'Stadt Hamm' });
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({
        name: 'Interkommunale Zusammenarbeit Arnsberg–Sundern',
        memberOrganisationIds: [arnsberg.id, sundern.id],
      })
      .expect(201);
    sundernPublished = await createEvent(api, sundern.organiserKey, {
      kind: 'city_day',
      title: 'Sundern lädt ein',
      status: 'published',
      startsAt: '2022-09-14T09:00',
      endsAt: '2022-09-14T18:00',
    });
    sundernDraft = await createEvent(api, sundern.organiserKey, {
      title: 'Sundern Entwurf',
      status: 'draft',
    });
    sundernInternal = await createEvent(api, sundern.organiserKey, {
      title: 'Sundern intern',
      status: 'published',
      visibility: 'internal',
    });
    sharedInternal = await createEvent(api, sundern.organiserKey, {
      title: 'Abstimmung der Partnerschaft',
      status: 'published',
      visibility: 'internal',
      partnershipId: partnership.body.id,
    });
  });

  afterAll(async () => {
    await api.close();
  });

  const patch = (key: string, id: string, body: EventBody) =>
    api.http().patch(`/api/v1/events/${id}`).set(bearer(key)).send(body);
  const remove = (key: string, id: string) => api.http().delete(`/api/v1/events/${id}`).set(bearer(key));
  const listIds = async (key: string, query: Record<string, unknown> = {}) => {
    const response = await api
      .http()
      .get('/api/v1/events')
      .set(bearer(key))
      .query({ limit: 200, ...query })
      .expect(200);
    return response.body.items.map((item: EventView) => item.id);
  };

  describe('keys', () => {
    it('should answer a request without a key with 401 and say how to send one', async () => {
      const response = await api.http().get('/api/v1/events').expect(401);
      expect(response.body).toMatchObject({
        code: 'api_key_missing',
        message: expect.stringContaining('Bearer'),
      });
    });

    it.each([
      ['garbage', 'Bearer let-me-in'],
      [
        'a well-formed but unknown key',
        'Bearer tp_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
      ['a key with one character changed', 'changed'],
      ['an empty bearer', 'Bearer '],
    ])('should answer %s with 401', async (_, header) => {
      const value = header === 'changed' ? `Bearer ${arnsberg.organiserKey.slice(0, -1)}x` : header;
      const response = await api.http().get('/api/v1/organisations').set('Authorization', value).expect(401);
      expect(['api_key_invalid', 'api_key_missing']).toContain(response.body.code);
    });

    it('should accept the key as X-Api-Key and as bearer in any case', async () => {
      await api.http().get('/api/v1/organisations').set('X-Api-Key', arnsberg.viewerKey).expect(200);
      await api
        .http()
        .get('/api/v1/organisations')
        .set('Authorization', `bearer ${arnsberg.viewerKey}`)
        .expect(200);
    });

    it('should need no key for health and docs', async () => {
      await api.http().get('/health').expect(200);
      await api.http().get('/docs').expect(200);
    });
  });

  describe('writing events', () => {
    it('should let an organiser create, change and delete events its organisation hosts', async () => {
      const event = await createEvent(api, arnsberg.organiserKey, { title: 'Workshop Arnsberg' });
      expect(event.hostOrganisationId).toBe(arnsberg.id);
      await patch(arnsberg.organiserKey, event.id, { title: 'Workshop Arnsberg (neu)' }).expect(200);
      await remove(arnsberg.organiserKey, event.id).expect(204);
    });

    it("should refuse changing or deleting another organisation's event (403) and keep it", async () => {
      await patch(arnsberg.organiserKey, sundernPublished.id, { title: 'Übernommen' }).expect(403);
      await remove(arnsberg.organiserKey, sundernPublished.id).expect(403);
      const fetched = await api
        .http()
        .get(`/api/v1/events/${sundernPublished.id}`)
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(fetched.body).toMatchObject({ title: 'Sundern lädt ein', sequence: 0 });
    });

    it('should refuse creating an event for another host or inside its event (403), storing nothing', async () => {
      const before = await countRows(api, 'events');
      await api
        .http()
        .post('/api/v1/events')
        .set(bearer(arnsberg.organiserKey))
        .send({
          kind: 'workshop',
          title: 'Fremd',
          startsAt: '2022-09-14T10:00',
          endsAt: '2022-09-14T11:00',
          hostOrganisationId: sundern.id,
        })
        .expect(403);
      await api
        .http()
        .post('/api/v1/events')
        .set(bearer(arnsberg.organiserKey))
        .send({
          kind: 'workshop',
          title: 'Hineingeschoben',
          startsAt: '2022-09-14T10:00',
          endsAt: '2022-09-14T11:00',
          parentId: sundernPublished.id,
        })
        .expect(403);
      await expect(countRows(api, 'events')).resolves.toBe(before);
    });

    it('should give a co-host the same rights as the host', async () => {
      const shared = await createEvent(api, sundern.organiserKey, {
        title: 'Gemeinsamer Workshop',
        coHostOrganisationIds: [arnsberg.id],
      });
      const changed = await patch(arnsberg.organiserKey, shared.id, {
        title: 'Gemeinsamer Workshop (Arnsberg)',
      }).expect(200);
      expect(changed.body.sequence).toBe(1);
      await createEvent(api, arnsberg.organiserKey, {
        kind: 'session',
        parentId: shared.id,
        title: 'Teil von Arnsberg',
      });
      await patch(hamm.organiserKey, shared.id, { title: 'Hamm war hier' }).expect(404);
      await remove(arnsberg.organiserKey, shared.id).query({ withChildren: true }).expect(204);
    });

    it('should let an organiser create an event another organisation hosts when it co-hosts it', async () => {
      const event = await createEvent(api, arnsberg.organiserKey, {
        title: 'Sundern mit Arnsberg',
        hostOrganisationId: sundern.id,
        coHostOrganisationIds: [arnsberg.id],
      });
      expect(event).toMatchObject({ hostOrganisationId: sundern.id, coHostOrganisationIds: [arnsberg.id] });
    });

    it('should refuse giving away an event so that the organisation no longer manages it (403)', async () => {
      const event = await createEvent(api, arnsberg.organiserKey, {
        title: 'Zu verschenken',
        status: 'published',
      });
      await patch(arnsberg.organiserKey, event.id, { hostOrganisationId: sundern.id }).expect(403);
      const fetched = await api
        .http()
        .get(`/api/v1/events/${event.id}`)
        .set(bearer(arnsberg.viewerKey))
        .expect(200);
      expect(fetched.body.hostOrganisationId).toBe(arnsberg.id);
    });

    it('should refuse every write with a viewer key (403)', async () => {
      const own = await createEvent(api, arnsberg.organiserKey, { title: 'Nur ansehen' });
      const viewer = bearer(arnsberg.viewerKey);
      const writes = {
        'POST /events': () =>
          api
            .http()
            .post('/api/v1/events')
            .set(viewer)
            .send({ kind: 'workshop', title: 'V', startsAt: '2023-01-01T10:00', endsAt: '2023-01-01T11:00' }),
        'PATCH /events/:id': () =>
          api.http().patch(`/api/v1/events/${own.id}`).set(viewer).send({ title: 'V' }),
        'DELETE /events/:id': () => api.http().delete(`/api/v1/events/${own.id}`).set(viewer),
        'POST /partnerships': () =>
          api
            .http()
            .post('/api/v1/partnerships')
            .set(viewer)
            .send({ name: 'V', memberOrganisationIds: [arnsberg.id] }),
        'POST /people': () =>
          api.http().post('/api/v1/people').set(viewer).send({ name: 'V', email: 'v@arnsberg.de' }),
        'PATCH /organisations/:id': () =>
          api.http().patch(`/api/v1/organisations/${arnsberg.id}`).set(viewer).send({ name: 'V' }),
        'POST /api-keys': () =>
          api
            .http()
            .post('/api/v1/api-keys')
            .set(viewer)
            .send({ name: 'V', organisationId: arnsberg.id, role: 'viewer' }),
      };
      for (const [write, send] of Object.entries(writes)) {
        const response = await send();
        expect({ write, status: response.status }).toEqual({ write, status: 403 });
      }
      await api.http().get(`/api/v1/events/${own.id}`).set(viewer).expect(200);
    });
  });

  describe('seeing events', () => {
    it("should hide another organisation's drafts and internal events (404, absent from lists)", async () => {
      for (const hidden of [sundernDraft, sundernInternal]) {
        await api.http().get(`/api/v1/events/${hidden.id}`).set(bearer(hamm.organiserKey)).expect(404);
        await patch(hamm.organiserKey, hidden.id, { title: 'x' }).expect(404);
        await remove(hamm.organiserKey, hidden.id).expect(404);
      }
      const seen = await listIds(hamm.viewerKey);
      expect(seen).toContain(sundernPublished.id);
      expect(seen).not.toContain(sundernDraft.id);
      expect(seen).not.toContain(sundernInternal.id);
      expect(seen).not.toContain(sharedInternal.id);
      expect(await listIds(hamm.viewerKey, { organisationId: sundern.id, status: 'draft' })).toEqual([]);
    });

    it('should show them to the organisation itself, viewers included, and to admins', async () => {
      for (const key of [sundern.organiserKey, sundern.viewerKey, api.adminKey]) {
        await api.http().get(`/api/v1/events/${sundernDraft.id}`).set(bearer(key)).expect(200);
        await api.http().get(`/api/v1/events/${sundernInternal.id}`).set(bearer(key)).expect(200);
        const seen = await listIds(key, { organisationId: sundern.id });
        expect(seen).toEqual(
          expect.arrayContaining([sundernDraft.id, sundernInternal.id, sundernPublished.id]),
        );
      }
    });

    it('should show internal events of a partnership to its members, but not its drafts', async () => {
      await api.http().get(`/api/v1/events/${sharedInternal.id}`).set(bearer(arnsberg.viewerKey)).expect(200);
      expect(await listIds(arnsberg.viewerKey, { organisationId: sundern.id })).toEqual(
        expect.arrayContaining([sharedInternal.id]),
      );
      expect(await listIds(arnsberg.viewerKey, { organisationId: sundern.id })).not.toContain(
        sundernDraft.id,
      );
      await api.http().get(`/api/v1/events/${sharedInternal.id}`).set(bearer(hamm.viewerKey)).expect(404);
      await patch(arnsberg.organiserKey, sharedInternal.id, {
        title: 'Mitglied, aber nicht Gastgeber',
      }).expect(403);
    });

    it('should leave hidden parts out of the tree of a visible event', async () => {
      const programme = await createEvent(api, sundern.organiserKey, {
        kind: 'conference',
        title: 'Sauerland-Konferenz',
        status: 'published',
        startsAt: '2023-05-10T09:00',
        endsAt: '2023-05-10T17:00',
      });
      const open = await createEvent(api, sundern.organiserKey, {
        kind: 'session',
        title: 'Öffentliche Sitzung',
        status: 'published',
        parentId: programme.id,
        startsAt: '2023-05-10T09:00',
        endsAt: '2023-05-10T10:00',
      });
      const closed = await createEvent(api, sundern.organiserKey, {
        kind: 'session',
        title: 'Vorbereitung (Entwurf)',
        parentId: programme.id,
        startsAt: '2023-05-10T10:00',
        endsAt: '2023-05-10T11:00',
      });
      const outside = await api
        .http()
        .get(`/api/v1/events/${programme.id}`)
        .set(bearer(hamm.viewerKey))
        .expect(200);
      expect(outside.body.children.map((child: EventView) => child.id)).toEqual([open.id]);
      const inside = await api
        .http()
        .get(`/api/v1/events/${programme.id}`)
        .set(bearer(sundern.viewerKey))
        .expect(200);
      expect(inside.body.children.map((child: EventView) => child.id)).toEqual([open.id, closed.id]);
    });
  });
});
