import { DateTime } from 'luxon';
import { Test } from 'supertest';
import { operationsOf } from '../apps/api/src/openapi/document-completeness';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import {
  addPerson,
  answerPath,
  cityDay,
  invitationOf,
  invite,
  postAnswer,
  wallTime,
} from './invitation-fixtures';
import { ApiContract } from './openapi-contract';
import {
  createEvent,
  OrganisationKeys,
  organisationWithKeys,
  UNKNOWN_ID,
  uniqueCode,
} from './planning-fixtures';

/**
 * Real answers of every operation, successes and errors, validated against the OpenAPI document the
 * API serves. The last test asks for an answer of each kind for every operation of the document, so
 * a new endpoint needs its representative requests here.
 */
describe('OpenAPI contract (every operation, real answers)', () => {
  let api: ApiHarness;
  let contract: ApiContract;
  let host: OrganisationKeys;
  let partner: OrganisationKeys;
  let fixtures: {
    partnershipId: string;
    eventId: string;
    workshopId: string;
    /** A workshop at the same time as the other: one round. */
    parallelWorkshopId: string;
    personId: string;
    invitationId: string;
    personalFeedPath: string;
  };

  /** Sends, insists on the status, and checks the answer against the document. */
  async function answer(request: Test, status: number) {
    const response = await request;
    if (response.status !== status) {
      throw new Error(`expected ${status}, got ${response.status}: ${response.text?.slice(0, 500)}`);
    }
    return contract.check(response);
  }

  const get = (path: string, key = host.organiserKey) => api.http().get(path).set(bearer(key));
  const post = (path: string, body: object = {}, key = host.organiserKey) =>
    api.http().post(path).set(bearer(key)).send(body);
  const patch = (path: string, body: object, key = host.organiserKey) =>
    api.http().patch(path).set(bearer(key)).send(body);
  const put = (path: string, body: object, key = host.organiserKey) =>
    api.http().put(path).set(bearer(key)).send(body);
  const remove = (path: string, key = host.organiserKey) => api.http().delete(path).set(bearer(key));
  const feed = (path: string) => api.http().get(path).buffer(true).parse(textParser);

  beforeAll(async () => {
    api = await startApi({ env: () => ({ WEBHOOK_ALLOWED_HOSTS: 'localhost' }) });
    contract = await ApiContract.of(api);
    host = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    partner = await organisationWithKeys(api, { name: 'Morogoro Municipal Council', country: 'TZ' });
    const { event, workshops, start } = await cityDay(api, {
      host,
      workshops: [{ title: 'Klima', capacity: 10 }],
    });
    const parallel = await createEvent(api, host.organiserKey, {
      kind: 'workshop',
      title: 'Digital',
      parentId: event.id,
      startsAt: wallTime(start.plus({ hours: 1 })),
      endsAt: wallTime(start.plus({ hours: 2 })),
      startZone: 'Europe/Berlin',
      status: 'published',
      capacity: 10,
    });
    const person = await addPerson(api, host.organiserKey);
    expect((await invite(api, host.organiserKey, event.id, { personIds: [person.id] })).status).toBe(201);
    const partnership = await post(
      '/api/v1/partnerships',
      { name: 'Arnsberg–Morogoro', memberOrganisationIds: [host.id, partner.id] },
      api.adminKey,
    ).expect(201);
    fixtures = {
      partnershipId: partnership.body.id,
      eventId: event.id,
      workshopId: workshops[0].id,
      parallelWorkshopId: parallel.id,
      personId: person.id,
      invitationId: (await invitationOf(api, event.id, person.id)).id,
      personalFeedPath: '',
    };
  });

  afterAll(async () => {
    await api.close();
  });

  it('should describe health, readiness and the page of error codes', async () => {
    await answer(api.http().get('/health'), 200);
    await answer(api.http().get('/health/ready'), 200);
    await answer(api.http().get('/problems'), 200);
  });

  it('should describe organisations, and refusals of the key, the input and the role', async () => {
    const code = uniqueCode('CTR');
    const created = await answer(
      post(
        '/api/v1/organisations',
        { name: 'Stadt Sundern', code, country: 'DE', timeZone: 'Europe/Berlin', defaultLocale: 'de' },
        api.adminKey,
      ),
      201,
    );
    await answer(
      post(
        '/api/v1/organisations',
        { name: 'Stadt Sundern', code, country: 'DE', timeZone: 'Europe/Berlin', defaultLocale: 'de' },
        api.adminKey,
      ),
      409,
    );
    await answer(post('/api/v1/organisations', { name: 'Stadt Meschede' }), 400);
    await answer(get('/api/v1/organisations?limit=2'), 200);
    await answer(get('/api/v1/organisations?limit=0'), 400);
    await answer(api.http().get('/api/v1/organisations'), 401);
    await answer(get(`/api/v1/organisations/${host.id}`), 200);
    await answer(get(`/api/v1/organisations/${UNKNOWN_ID}`), 404);
    await answer(patch(`/api/v1/organisations/${host.id}`, { name: 'Stadt Arnsberg (Sauerland)' }), 200);
    await answer(patch(`/api/v1/organisations/${host.id}`, { name: 'Arnsberg' }, host.viewerKey), 403);
    await answer(remove(`/api/v1/organisations/${host.id}`, api.adminKey), 409);
    await answer(remove(`/api/v1/organisations/${created.body.id}`, api.adminKey), 204);
  });

  it('should describe partnerships, with the confirmation a member removal needs', async () => {
    const path = `/api/v1/partnerships/${fixtures.partnershipId}`;
    const created = await answer(
      post('/api/v1/partnerships', {
        name: 'Städtepartnerschaft auf Zeit',
        memberOrganisationIds: [host.id],
      }),
      201,
    );
    await answer(
      post('/api/v1/partnerships', { name: 'Arnsberg–Morogoro', memberOrganisationIds: [host.id] }),
      409,
    );
    await answer(get('/api/v1/partnerships'), 200);
    await answer(get(path), 200);
    await answer(get(`/api/v1/partnerships/${UNKNOWN_ID}`), 404);
    await answer(patch(path, { description: 'Kommunale Nachhaltigkeitspartnerschaft' }), 200);
    const unconfirmed = await answer(patch(path, { memberOrganisationIds: [host.id] }), 409);
    expect(unconfirmed.body.code).toBe('member_removal_unconfirmed');
    await answer(remove(`/api/v1/partnerships/${created.body.id}`, partner.organiserKey), 403);
    await answer(remove(`/api/v1/partnerships/${created.body.id}`), 204);
  });

  it('should describe people, their export and erasure', async () => {
    const path = `/api/v1/people/${fixtures.personId}`;
    const created = await answer(
      post('/api/v1/people', { name: 'Amani Mwakyusa', email: 'amani.mwakyusa@example.org' }),
      201,
    );
    await answer(post('/api/v1/people', { name: 'Amani', email: 'amani.mwakyusa@example.org' }), 409);
    await answer(get('/api/v1/people'), 200);
    await answer(get(path), 200);
    await answer(get(`/api/v1/people/${UNKNOWN_ID}`), 404);
    await answer(patch(path, { department: 'Umwelt und Klimaschutz' }), 200);
    await answer(patch(path, { department: 'Kultur' }, host.viewerKey), 403);
    await answer(get(`${path}/export`), 200);
    await answer(get(`${path}/export`, host.viewerKey), 403);
    const csv = (body: string, query = '', key = host.organiserKey) =>
      api
        .http()
        .post(`/api/v1/people/import${query}`)
        .set(bearer(key))
        .set('Content-Type', 'text/csv')
        .send(body);
    await answer(csv('name,email\nNeema Said,neema.said@example.org', '?dryRun=true'), 200);
    await answer(csv('name,email\nNeema Said,neema.said@example.org'), 200);
    await answer(csv('no header at all'), 400);
    await answer(csv('name,email\nNeema Said,neema.said@example.org', '', host.viewerKey), 403);
    await answer(csv('name,email\nNeema Said,neema@example.org', '?fingerprint=stale'), 409);
    await answer(csv('x'.repeat(1024 * 1024 + 1)), 413);
    await answer(remove(`/api/v1/people/${created.body.id}`), 200);
    await answer(remove(`/api/v1/people/${created.body.id}`), 404);
  });

  it('should describe events with their parts', async () => {
    const path = `/api/v1/events/${fixtures.eventId}`;
    const draft = await answer(
      post('/api/v1/events', {
        kind: 'conference',
        title: 'Klimakonferenz',
        startsAt: '2031-05-12T09:00',
        endsAt: '2031-05-12T17:00',
        startZone: 'Europe/Berlin',
      }),
      201,
    );
    await answer(post('/api/v1/events', { kind: 'workshop', title: 'Ohne Zeit' }), 400);
    await answer(get('/api/v1/events?topLevel=true'), 200);
    await answer(get(path), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}`), 404);
    await answer(patch(path, { description: 'Mit Workshops am Vormittag.' }), 200);
    await answer(patch(path, { description: 'Nur lesen.' }, host.viewerKey), 403);
    await answer(post(`${path}/copy`, { startDate: '2031-06-02' }), 201);
    await answer(post(`${path}/copy`, { startDate: 'next week' }), 400);
    await answer(post(`${path}/copy`, {}, host.viewerKey), 403);
    await answer(post(`/api/v1/events/${UNKNOWN_ID}/copy`), 404);
    await answer(put(`${path}/translations/sw`, { title: 'Siku ya Jiji' }), 200);
    await answer(put(`${path}/translations/fr`, { title: 'Journée' }), 400);
    await answer(put(`${path}/translations/sw`, { title: 'Siku' }, host.viewerKey), 403);
    await answer(put(`/api/v1/events/${UNKNOWN_ID}/translations/sw`, { title: 'Siku' }), 404);
    await answer(remove(`${path}/translations/sw`), 200);
    await answer(remove(`${path}/translations/sw`, host.viewerKey), 403);
    await answer(remove(path), 409);
    await answer(remove(`/api/v1/events/${draft.body.id}`), 204);
  });

  it('should describe invitations, their answers and seats', async () => {
    const path = `/api/v1/events/${fixtures.eventId}/invitations`;
    const guest = await addPerson(api, host.organiserKey);
    await answer(post(path, { personIds: [guest.id], workshopIds: [fixtures.workshopId] }), 201);
    await answer(post(path, { personIds: [UNKNOWN_ID] }), 404);
    const bothOfOneRound = [fixtures.workshopId, fixtures.parallelWorkshopId];
    await answer(post(path, { personIds: [guest.id], workshopIds: bothOfOneRound }), 400);
    await answer(get(path), 200);
    await answer(get(path, partner.organiserKey), 403);
    await answer(get(`${path}/summary`), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/invitations/summary`), 404);
    await answer(get(`${path}/${fixtures.invitationId}`), 200);
    await answer(get(`${path}/${UNKNOWN_ID}`), 404);
    const withdrawn = (await invitationOf(api, fixtures.eventId, guest.id)).id;
    await answer(post(`${path}/${withdrawn}/answer`, { answer: 'tentative', workshopIds: [] }), 200);
    await answer(
      post(`${path}/${withdrawn}/answer`, { answer: 'accept', workshopIds: [], expectedStatus: 'invited' }),
      409,
    );
    await answer(post(`${path}/${withdrawn}/answer`, { answer: 'perhaps', workshopIds: [] }), 400);
    await answer(post(`${path}/${withdrawn}/resend`), 204);
    await answer(post(`${path}/${UNKNOWN_ID}/resend`), 404);
    await answer(remove(`${path}/${withdrawn}`), 200);
    await answer(remove(`${path}/${UNKNOWN_ID}`), 404);
  });

  it('should describe the participant lists and the printed programme, files and refusals', async () => {
    const events = `/api/v1/events/${fixtures.eventId}`;
    const file = (path: string, key = host.organiserKey) =>
      get(path, key)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
    await answer(file(`${events}/participants.csv`), 200);
    await answer(get(`${events}/participants.csv?includeSensitive=true`, host.viewerKey), 403);
    await answer(file(`${events}/participants.xlsx?lang=de`), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/participants.xlsx`), 404);
    await answer(file(`${events}/programme.pdf?lang=sw`), 200);
    await answer(get(`${events}/programme.pdf?lang=fr`), 400);
  });

  it('should describe registration questions and their answers', async () => {
    const questions = `/api/v1/events/${fixtures.eventId}/questions`;
    const body = {
      questions: [{ type: 'single_choice', label: 'Essen', options: ['vegan', 'alles'], sensitive: true }],
    };
    await answer(api.http().put(questions).set(bearer(host.organiserKey)).send(body), 200);
    await answer(
      api
        .http()
        .put(questions)
        .set(bearer(host.organiserKey))
        .send({ questions: [{ type: 'single_choice', label: 'Essen' }] }),
      400,
    );
    await answer(api.http().put(questions).set(bearer(host.viewerKey)).send(body), 403);
    await answer(
      api.http().put(`/api/v1/events/${UNKNOWN_ID}/questions`).set(bearer(host.organiserKey)).send(body),
      404,
    );
    await answer(get(questions), 200);
    await answer(get(questions, partner.organiserKey), 403);
    const answers = `/api/v1/events/${fixtures.eventId}/registration-answers`;
    await answer(get(`${answers}?includeSensitive=true`), 200);
    await answer(get(`${answers}?includeSensitive=true`, host.viewerKey), 403);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/registration-answers`), 404);
    const retention = `/api/v1/events/${fixtures.eventId}/sensitive-answers-retention`;
    const keep = (days: unknown, key = host.organiserKey) =>
      api.http().put(retention).set(bearer(key)).send({ days });
    await answer(keep(30), 200);
    await answer(keep(null), 200);
    await answer(keep(5000), 400);
    await answer(keep(30, host.viewerKey), 403);
    await answer(get(retention), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/sensitive-answers-retention`), 404);
  });

  it('should describe answers on an invitee’s behalf, with the seat a second one of a round would replace', async () => {
    const path = `/api/v1/events/${fixtures.eventId}/invitations`;
    const guest = await addPerson(api, host.organiserKey);
    await answer(post(path, { personIds: [guest.id] }), 201);
    const answerPath = `${path}/${(await invitationOf(api, fixtures.eventId, guest.id)).id}/answer`;
    const both = [fixtures.workshopId, fixtures.parallelWorkshopId];
    await answer(post(answerPath, { answer: 'accept', workshopIds: [fixtures.workshopId] }), 200);
    const taken = await answer(post(answerPath, { answer: 'accept', workshopIds: both }), 409);
    expect(taken.body).toMatchObject({
      code: 'round_taken',
      details: {
        seat: { workshopId: fixtures.workshopId },
        requested: { workshopId: fixtures.parallelWorkshopId },
      },
    });
    await answer(post(answerPath, { answer: 'accept', workshopIds: both, replace: true }), 200);
    await answer(post(answerPath, { answer: 'maybe', workshopIds: [] }), 400);
    await answer(post(answerPath, { answer: 'decline', workshopIds: [] }, host.viewerKey), 403);
    await answer(post(`${path}/${UNKNOWN_ID}/answer`, { answer: 'decline', workshopIds: [] }), 404);
  });

  it('should describe the seats new times of a workshop would put into one round, refused until confirmed', async () => {
    const klima = await answer(get(`/api/v1/events/${fixtures.workshopId}`), 200);
    const klimaEnd = DateTime.fromISO(klima.body.end.local as string);
    const late = await createEvent(api, host.organiserKey, {
      kind: 'workshop',
      title: 'Spät',
      parentId: fixtures.eventId,
      startsAt: wallTime(klimaEnd.plus({ hours: 2 })),
      endsAt: wallTime(klimaEnd.plus({ hours: 3 })),
      startZone: 'Europe/Berlin',
      status: 'published',
      capacity: 10,
    });
    const guest = await addPerson(api, host.organiserKey);
    const invitations = `/api/v1/events/${fixtures.eventId}/invitations`;
    await answer(post(invitations, { personIds: [guest.id] }), 201);
    const invitationId = (await invitationOf(api, fixtures.eventId, guest.id)).id;
    const both = [fixtures.workshopId, late.id];
    await answer(post(`${invitations}/${invitationId}/answer`, { answer: 'accept', workshopIds: both }), 200);

    const intoKlima = { startsAt: klima.body.start.local, endsAt: klima.body.end.local };
    const preview = `/api/v1/events/${late.id}/change-preview`;
    const previewed = await answer(post(preview, intoKlima), 200);
    expect(previewed.body.overlappingSeats).toEqual([
      expect.objectContaining({
        personId: guest.id,
        workshops: [{ id: late.id, title: 'Spät' }, expect.anything()],
      }),
    ]);
    await answer(post(preview, { ...intoKlima, capacity: 'many' }), 400);
    await answer(post(preview, intoKlima, host.viewerKey), 403);
    await answer(post(`/api/v1/events/${UNKNOWN_ID}/change-preview`, intoKlima), 404);
    const refused = await answer(patch(`/api/v1/events/${late.id}`, intoKlima), 409);
    expect(refused.body).toMatchObject({
      code: 'seats_overlap',
      details: { people: previewed.body.overlappingSeats },
    });
    await answer(patch(`/api/v1/events/${late.id}?confirm=overlaps`, intoKlima), 200);
  });

  it('should describe open sign-up of an event', async () => {
    const path = `/api/v1/events/${fixtures.eventId}/sign-up`;
    await answer(get(path), 200);
    await answer(get(path, partner.organiserKey), 403);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/sign-up`), 404);
    await answer(api.http().put(path).set(bearer(host.organiserKey)).send({ open: true }), 200);
    await answer(api.http().put(path).set(bearer(host.organiserKey)).send({ open: 'yes' }), 400);
    await answer(api.http().put(path).set(bearer(host.viewerKey)).send({ open: false }), 403);
    await answer(
      api
        .http()
        .put(`/api/v1/events/${UNKNOWN_ID}/sign-up`)
        .set(bearer(host.organiserKey))
        .send({ open: true }),
      404,
    );
    const draft = await answer(
      post('/api/v1/events', {
        kind: 'other',
        title: 'Entwurf',
        startsAt: '2031-05-12T09:00',
        endsAt: '2031-05-12T17:00',
        startZone: 'Europe/Berlin',
      }),
      201,
    );
    await answer(
      api
        .http()
        .put(`/api/v1/events/${draft.body.id}/sign-up`)
        .set(bearer(host.organiserKey))
        .send({ open: true }),
      409,
    );
  });

  it('should describe the emails of an event and of a person', async () => {
    await answer(get(`/api/v1/events/${fixtures.eventId}/emails`), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/emails`), 404);
    await answer(get(`/api/v1/events/${fixtures.eventId}/emails/summary`), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/emails/summary`), 404);
    await answer(get(`/api/v1/people/${fixtures.personId}/emails?status=queued`), 200);
    await answer(get(`/api/v1/people/${fixtures.personId}/emails`, partner.organiserKey), 404);
  });

  it('should describe API keys, issued once with their secret', async () => {
    const issued = await answer(
      post(
        '/api/v1/api-keys',
        { name: 'Kalender-Sync', organisationId: host.id, role: 'viewer' },
        api.adminKey,
      ),
      201,
    );
    await answer(post('/api/v1/api-keys', { name: 'Mehr', organisationId: host.id, role: 'admin' }), 403);
    await answer(get('/api/v1/api-keys'), 200);
    await answer(get('/api/v1/api-keys/me'), 200);
    await answer(get('/api/v1/api-keys/me', 'tp_0000000000000000_notakey'), 401);
    await answer(remove(`/api/v1/api-keys/${issued.body.id}`, api.adminKey), 200);
    await answer(remove(`/api/v1/api-keys/${UNKNOWN_ID}`, api.adminKey), 404);
  });

  it('should describe the audit trail', async () => {
    await answer(get(`/api/v1/audit?organisationId=${host.id}`), 200);
    await answer(get('/api/v1/audit', host.viewerKey), 403);
  });

  it('should describe webhook endpoints and their deliveries', async () => {
    const endpoints = `/api/v1/organisations/${host.id}/webhook-endpoints`;
    const created = await answer(
      post(endpoints, { url: 'https://localhost:9/treffpunkt', eventTypes: ['event.updated'] }),
      201,
    );
    const endpoint = `/api/v1/webhook-endpoints/${created.body.id}`;
    await answer(post(endpoints, { url: 'http://localhost:9/plain', eventTypes: ['event.updated'] }), 400);
    await answer(get(endpoints), 200);
    await answer(get(`/api/v1/organisations/${partner.id}/webhook-endpoints`), 403);
    await answer(get(endpoint), 200);
    await answer(get(`/api/v1/webhook-endpoints/${UNKNOWN_ID}`), 404);
    await answer(patch(endpoint, { description: 'CRM' }), 200);
    await answer(patch(endpoint, { description: 'CRM' }, host.viewerKey), 403);
    await answer(post(`${endpoint}/rotate-secret`), 200);
    await answer(post(`${endpoint}/rotate-secret`, {}, host.viewerKey), 403);
    const ping = await answer(post(`${endpoint}/ping`), 202);
    await answer(post(`/api/v1/webhook-endpoints/${UNKNOWN_ID}/ping`), 404);
    const delivery = `${endpoint}/deliveries/${ping.body.id}`;
    await answer(get(`${endpoint}/deliveries`), 200);
    await answer(get(`${endpoint}/deliveries?status=lost`), 400);
    await answer(get(delivery), 200);
    await answer(get(`${endpoint}/deliveries/${UNKNOWN_ID}`), 404);
    await answer(post(`${delivery}/redeliver`), 409);
    // No worker runs here: the delivery is given up as a worker would after its last attempt.
    await api.dataSource.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE id = $1`, [
      ping.body.id,
    ]);
    await answer(post(`${delivery}/redeliver`), 202);
    await answer(remove(endpoint, host.viewerKey), 403);
    await answer(remove(endpoint), 204);
  });

  it('should describe the hosting of a visit: hosts, rooms, itineraries and schedules', async () => {
    const visit = await answer(
      post('/api/v1/events', {
        kind: 'delegation_visit',
        title: 'Delegationsbesuch aus Morogoro',
        startsAt: '2031-10-27',
        endsAt: '2031-10-30',
        allDay: true,
        startZone: 'Europe/Berlin',
        status: 'published',
      }),
      201,
    );
    const hosting = `/api/v1/events/${visit.body.id}/hosting`;
    const hotel = await answer(
      post('/api/v1/events', {
        kind: 'accommodation',
        title: 'Hotel',
        parentId: visit.body.id,
        startsAt: '2031-10-27',
        endsAt: '2031-10-29',
        allDay: true,
        startZone: 'Europe/Berlin',
      }),
      201,
    );
    const guest = await addPerson(api, host.organiserKey, { locale: 'sw', timeZone: 'Africa/Dar_es_Salaam' });
    const family = await addPerson(api, host.organiserKey);
    await answer(post(`/api/v1/events/${visit.body.id}/invitations`, { personIds: [guest.id] }), 201);
    const family_ = { guestId: guest.id, hostId: family.id, role: 'host_family', night: '2031-10-28' };
    const assigned = await answer(post(`${hosting}/hosts`, family_), 201);
    await answer(post(`${hosting}/hosts`, family_), 409);
    await answer(post(`${hosting}/hosts`, { ...family_, guestId: family.id }), 400);
    await answer(post(`${hosting}/hosts`, family_, host.viewerKey), 403);
    await answer(post(`${hosting}/hosts`, { ...family_, hostId: UNKNOWN_ID, night: '2031-10-27' }), 404);
    const rooms = await answer(
      post(`${hosting}/rooms`, {
        accommodationId: hotel.body.id,
        night: '2031-10-27',
        room: '12',
        guestIds: [guest.id],
      }),
      201,
    );
    await answer(
      post(`${hosting}/rooms`, {
        accommodationId: hotel.body.id,
        night: '2031-10-27',
        room: '12',
        guestIds: [family.id],
      }),
      400,
    );
    await answer(post(`${hosting}/rooms`, {}, host.viewerKey), 400);
    await answer(get(hosting), 200);
    await answer(get(`/api/v1/events/${fixtures.eventId}/hosting`), 409);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/hosting`), 404);
    await answer(get(`${hosting}/itineraries/${guest.id}`), 200);
    await answer(get(`${hosting}/itineraries/${family.id}`), 400);
    await answer(post(`${hosting}/schedules`), 200);
    await answer(post(`${hosting}/schedules`, {}, host.viewerKey), 403);
    await answer(remove(`${hosting}/rooms/${rooms.body[0].id}`, host.viewerKey), 403);
    await answer(remove(`${hosting}/rooms/${rooms.body[0].id}`), 204);
    await answer(remove(`${hosting}/rooms/${UNKNOWN_ID}`), 404);
    await answer(remove(`${hosting}/hosts/${assigned.body.id}`, host.viewerKey), 403);
    await answer(remove(`${hosting}/hosts/${assigned.body.id}`), 204);
    await answer(remove(`${hosting}/hosts/${UNKNOWN_ID}`), 404);
  });

  it('should describe the feed links and personal feed URLs', async () => {
    await answer(get(`/api/v1/events/${fixtures.eventId}/feed`), 200);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/feed`), 404);
    await answer(get(`/api/v1/organisations/${host.id}/feed`), 200);
    await answer(get(`/api/v1/organisations/${UNKNOWN_ID}/feed`), 404);
    await answer(get(`/api/v1/partnerships/${fixtures.partnershipId}/feed`), 200);
    await answer(get(`/api/v1/partnerships/${UNKNOWN_ID}/feed`), 404);
    await answer(get('/api/v1/feeds/public?kind=city_day'), 200);
    await answer(get('/api/v1/feeds/public?kind=picnic'), 400);

    const token = `/api/v1/people/${fixtures.personId}/feed-token`;
    await answer(get(token), 200);
    await answer(get(`/api/v1/people/${UNKNOWN_ID}/feed-token`), 404);
    await answer(post(token), 201);
    await answer(post(token), 409);
    const rotated = await answer(post(`${token}/rotate`), 201);
    await answer(post(`${token}/rotate`, {}, host.viewerKey), 403);
    fixtures.personalFeedPath = new URL(rotated.body.url).pathname;
    const revoked = await addPerson(api, host.organiserKey);
    await answer(post(`/api/v1/people/${revoked.id}/feed-token`), 201);
    await answer(remove(`/api/v1/people/${revoked.id}/feed-token`), 204);
    await answer(remove(`/api/v1/people/${revoked.id}/feed-token`), 404);
  });

  it('should describe the iCalendar feeds with their validators, 304 and redirects', async () => {
    const first = await answer(feed('/feeds/public.ics'), 200);
    await answer(feed('/feeds/public.ics').set('If-None-Match', first.headers.etag), 304);
    await answer(feed('/feeds/public.ics?kind=picnic'), 400);
    await answer(feed(`/feeds/events/${fixtures.eventId}.ics`), 200);
    await answer(feed(`/feeds/events/${UNKNOWN_ID}.ics`), 404);
    await answer(feed(`/feeds/partnerships/${fixtures.partnershipId}.ics`), 200);
    await answer(feed(`/feeds/partnerships/${UNKNOWN_ID}.ics`), 404);
    await answer(feed(fixtures.personalFeedPath), 200);
    await answer(feed('/feeds/personal/pf_0000000000000000_unknown.ics'), 404);

    const former = host.code.toLowerCase();
    await answer(feed(`/feeds/organisations/${former}.ics`), 200);
    await answer(patch(`/api/v1/organisations/${host.id}`, { code: uniqueCode('ARN') }), 200);
    await answer(feed(`/feeds/organisations/${former}.ics`), 301);
    await answer(feed(`/feeds/public.ics?organisation=${former}`), 301);
    await answer(feed('/feeds/organisations/nobody-here.ics'), 404);
  });

  it('should describe embedding settings, the public programme as JSON, and RSS and Atom', async () => {
    const embedding = `/api/v1/organisations/${host.id}/embedding`;
    await answer(get(embedding), 200);
    await answer(get(`/api/v1/organisations/${UNKNOWN_ID}/embedding`, api.adminKey), 404);
    const origins = { origins: ['https://www.arnsberg.de'] };
    await answer(api.http().put(`${embedding}/origins`).set(bearer(api.adminKey)).send(origins), 200);
    await answer(api.http().put(`${embedding}/origins`).set(bearer(host.organiserKey)).send(origins), 403);
    await answer(api.http().get('/public/events.json?q=Arnsberg'), 200);
    await answer(api.http().get('/public/events.json?from=2031-02-01&to=2031-01-01'), 400);
    await answer(api.http().get('/public/events/suggestions.json?q=Kli'), 200);
    await answer(api.http().get(`/public/events/suggestions.json?q=${'x'.repeat(500)}`), 400);
    await answer(feed('/feeds/public.rss'), 200);
    await answer(feed('/feeds/public.rss?kind=picnic'), 400);
    await answer(feed('/feeds/public.atom?organisation=arn'), 200);
    await answer(feed('/feeds/public.atom?lang=fr'), 400);
  });

  it('should answer every operation that needs a key with 401 problem+json without one', async () => {
    for (const { method, path, operation } of keyedOperations()) {
      const url = path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
      const response = await api.http()[method](url);
      expect({ operation: operation.operationId, status: response.status }).toEqual({
        operation: operation.operationId,
        status: 401,
      });
      contract.check(response);
    }
  });

  it('should describe attendance and its reports', async () => {
    await postAnswer(api, await answerPath(api, fixtures.eventId, fixtures.personId), 'accept').expect(303);
    const path = `/api/v1/events/${fixtures.eventId}/attendance`;
    const put = (body: object, key = host.organiserKey) => api.http().put(path).set(bearer(key)).send(body);
    const present = { changes: [{ invitationId: fixtures.invitationId, present: true }] };
    await answer(get(path), 200);
    await answer(get(path, partner.organiserKey), 403);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/attendance`), 404);
    await answer(put(present), 200);
    await answer(put({ changes: [] }), 400);
    await answer(put(present, host.viewerKey), 403);
    await answer(put({ changes: [{ invitationId: UNKNOWN_ID, present: true }] }), 404);
    await answer(get(`${path}/report`).buffer(true).parse(textParser), 200);
    await answer(get(`${path}/report`, partner.organiserKey), 403);
    await answer(get(`/api/v1/events/${UNKNOWN_ID}/attendance/report`), 404);
    const partnershipReport = `/api/v1/partnerships/${fixtures.partnershipId}/attendance/report`;
    await answer(get(partnershipReport).buffer(true).parse(textParser), 200);
    await answer(get(`/api/v1/partnerships/${UNKNOWN_ID}/attendance/report`), 404);
  });

  it('should have checked a success and, where it documents any, an error of every operation', () => {
    const unchecked = operationsOf(contract.document).flatMap(({ method, path, operation }) => {
      const statuses = [...(contract.checked.get(operation.operationId!) ?? [])];
      const documentsErrors = Object.keys(operation.responses).some((status) => status.startsWith('4'));
      const gaps = [
        ...(statuses.some((status) => /^[23]/.test(status)) ? [] : ['no success']),
        ...(documentsErrors && !statuses.some((status) => status.startsWith('4')) ? ['no error'] : []),
      ];
      return gaps.map((gap) => `${operation.operationId}: ${gap} (${method.toUpperCase()} ${path})`);
    });
    expect(unchecked).toEqual([]);
  });

  function keyedOperations() {
    return operationsOf(contract.document).filter(({ operation }) => (operation.security?.length ?? 0) > 0);
  }
});
