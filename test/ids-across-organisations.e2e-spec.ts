import { Response } from 'supertest';
import { ApiHarness, bearer, startApi } from './api-harness';
import { addPerson, cityDay, invite } from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

/**
 * An id a key may not see must answer exactly as an id that does not exist: same status, same code,
 * same body with the id in its place. Otherwise anyone with a key could probe which people and
 * internal events exist in other organisations. Organisations and partnerships are listed to every
 * key, so their ids reveal nothing and are not probed here.
 */
describe('Ids of another organisation in requests', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let bochum: OrganisationKeys;
  let bochumPersonId: string;
  let bochumInternalId: string;
  let bochumWorkshopId: string;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ WEBHOOK_ALLOWED_HOSTS: 'localhost' }) });
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    // Bochum shares no event and no partnership with Arnsberg: none of its people or internal events are Arnsberg's to see.
    bochum = await organisationWithKeys(api, { name: 'Stadt Bochum' });
    bochumPersonId = (await addPerson(api, bochum.organiserKey, { organisationId: bochum.id })).id;
    const internal = await cityDay(api, { host: bochum, workshops: [{ title: 'Intern', capacity: 5 }] });
    await api
      .http()
      .patch(`/api/v1/events/${internal.event.id}`)
      .set(bearer(bochum.organiserKey))
      .send({ visibility: 'internal' })
      .expect(200);
    bochumInternalId = internal.event.id;
    bochumWorkshopId = internal.workshops[0].id;
  });

  afterAll(async () => {
    await api.close();
  });

  /** Status and body of an answer, with the probed id replaced, so that two answers can be compared. */
  const answer = (response: Response, id: string) => ({
    status: response.status,
    body: JSON.parse(JSON.stringify(response.body).replaceAll(id, '<id>')) as unknown,
  });

  /** Sends the same request with the other organisation's id and with an unknown one. */
  async function probe(send: (id: string) => Promise<Response>, hiddenId: string) {
    const hidden = answer(await send(hiddenId), hiddenId);
    const unknown = answer(await send(UNKNOWN_ID), UNKNOWN_ID);
    expect(hidden).toEqual(unknown);
    return hidden;
  }

  it("should answer an invitation of another organisation's person as one of nobody, and invite nobody", async () => {
    const { event } = await cityDay(api, { host: arnsberg });
    const own = await addPerson(api, arnsberg.organiserKey, { organisationId: arnsberg.id });
    const refused = await probe(
      (id) => invite(api, arnsberg.organiserKey, event.id, { personIds: [own.id, id] }),
      bochumPersonId,
    );
    expect(refused).toMatchObject({ status: 404, body: { code: 'person_not_found' } });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM invitations WHERE event_id = $1`,
      [event.id],
    );
    expect(count).toBe(0);
    // An admin sees everyone, so the same request invites.
    await expect(invite(api, api.adminKey, event.id, { personIds: [bochumPersonId] })).resolves.toMatchObject(
      {
        status: 201,
      },
    );
  });

  it("should answer another organisation's workshop in an invitation as an unknown one", async () => {
    const { event } = await cityDay(api, { host: arnsberg });
    const own = await addPerson(api, arnsberg.organiserKey, { organisationId: arnsberg.id });
    const refused = await probe(
      (id) => invite(api, arnsberg.organiserKey, event.id, { personIds: [own.id], workshopIds: [id] }),
      bochumWorkshopId,
    );
    expect(refused).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
  });

  it("should answer another organisation's internal event as a parent like an unknown one, on create and on change", async () => {
    const part = {
      kind: 'workshop',
      title: 'Teil',
      startsAt: '2030-01-01T10:00',
      endsAt: '2030-01-01T11:00',
    };
    const created = await probe(
      (id) =>
        api
          .http()
          .post('/api/v1/events')
          .set(bearer(arnsberg.organiserKey))
          .send({ ...part, parentId: id }),
      bochumInternalId,
    );
    expect(created).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    const event = await createEvent(api, arnsberg.organiserKey, part);
    const moved = await probe(
      (id) =>
        api
          .http()
          .patch(`/api/v1/events/${event.id}`)
          .set(bearer(arnsberg.organiserKey))
          .send({ parentId: id }),
      bochumInternalId,
    );
    expect(moved).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
  });

  it("should answer audit filters naming another organisation's records like unknown ones", async () => {
    const byRecord = await probe(
      (id) =>
        api.http().get(`/api/v1/audit?recordType=event&recordId=${id}`).set(bearer(arnsberg.organiserKey)),
      bochumInternalId,
    );
    expect(byRecord).toEqual({ status: 200, body: { items: [], nextCursor: null } });
    const byOrganisation = await probe(
      (id) => api.http().get(`/api/v1/audit?organisationId=${id}`).set(bearer(arnsberg.organiserKey)),
      bochum.id,
    );
    expect(byOrganisation.status).toBe(403);
  });

  it("should answer another organisation's webhook endpoint and delivery like unknown ones", async () => {
    const endpointOf = async (organisation: OrganisationKeys) =>
      (
        await api
          .http()
          .post(`/api/v1/organisations/${organisation.id}/webhook-endpoints`)
          .set(bearer(organisation.organiserKey))
          .send({ url: 'https://localhost:9/hooks', eventTypes: ['event.created'] })
          .expect(201)
      ).body.id as string;
    const own = await endpointOf(arnsberg);
    const theirs = await endpointOf(bochum);
    const theirDelivery = (
      await api
        .http()
        .post(`/api/v1/webhook-endpoints/${theirs}/ping`)
        .set(bearer(bochum.organiserKey))
        .expect(202)
    ).body.id as string;

    const endpoint = await probe(
      (id) => api.http().get(`/api/v1/webhook-endpoints/${id}`).set(bearer(arnsberg.organiserKey)),
      theirs,
    );
    expect(endpoint.status).toBe(404);
    const delivery = await probe(
      (id) =>
        api
          .http()
          .post(`/api/v1/webhook-endpoints/${own}/deliveries/${id}/redeliver`)
          .set(bearer(arnsberg.organiserKey)),
      theirDelivery,
    );
    expect(delivery.status).toBe(404);
  });
});
