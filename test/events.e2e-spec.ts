import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer, seenElsewhere, startAnotherApi, startApi, timed } from './api-harness';
import {
  countRows,
  createEvent,
  organisationWithKeys,
  OrganisationKeys,
  UNKNOWN_ID,
} from './planning-fixtures';

type EventBody = Record<string, unknown>;

describe('Events API', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let partnershipId: string;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      country: 'TZ',
      timeZone: 'Africa/Dar_es_Salaam',
      defaultLocale: 'sw',
    });
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({
        name: 'Kommunale Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
        memberOrganisationIds: [arnsberg.id, morogoro.id],
      })
      .expect(201);
    partnershipId = partnership.body.id;
  });

  afterAll(async () => {
    await api.close();
  });

  const post = (key: string, body: EventBody) =>
    api.http().post('/api/v1/events').set(bearer(key)).send(body);
  const patch = (key: string, id: string, body: EventBody) =>
    api.http().patch(`/api/v1/events/${id}`).set(bearer(key)).send(body);
  const get = (key: string, id: string) => api.http().get(`/api/v1/events/${id}`).set(bearer(key));
  const list = (key: string, query: Record<string, unknown>) =>
    api.http().get('/api/v1/events').set(bearer(key)).query(query);

  describe('times', () => {
    it('should read local wall time in the zone and answer with instant and wall time', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'conference',
        title: 'Auftaktkonferenz der 16 Partnerkommunen',
        startsAt: '2023-09-20T09:30',
        endsAt: '2023-09-22T13:00',
        startZone: 'Europe/Berlin',
      }).expect(201);
      expect(response.body.start).toEqual({
        instant: '2023-09-20T07:30:00.000Z',
        local: '2023-09-20T09:30:00',
        zone: 'Europe/Berlin',
        offset: '+02:00',
      });
      expect(response.body.end).toMatchObject({ instant: '2023-09-22T11:00:00.000Z', zone: 'Europe/Berlin' });
    });

    it("should read ISO 8601 with offset and default to the host's zone", async () => {
      const response = await post(morogoro.organiserKey, {
        kind: 'virtual_meeting',
        title: 'Erstes virtuelles Treffen',
        startsAt: '2022-11-15T10:00:00+01:00',
        endsAt: '2022-11-15T11:30:00Z',
        onlineUrl: 'https://meet.example.org/arnsberg-morogoro',
      }).expect(201);
      expect(response.body.start).toEqual({
        instant: '2022-11-15T09:00:00.000Z',
        local: '2022-11-15T12:00:00',
        zone: 'Africa/Dar_es_Salaam',
        offset: '+03:00',
      });
      expect(response.body.end.local).toBe('2022-11-15T14:30:00');
    });

    it('should keep each end of a flight in its own zone', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'travel_leg',
        title: 'Flug Frankfurt – Dar es Salaam',
        startsAt: '2024-02-10T10:15',
        endsAt: '2024-02-10T23:05',
        startZone: 'Europe/Berlin',
        endZone: 'Africa/Dar_es_Salaam',
      }).expect(201);
      expect(response.body.start).toMatchObject({ instant: '2024-02-10T09:15:00.000Z', offset: '+01:00' });
      expect(response.body.end).toEqual({
        instant: '2024-02-10T20:05:00.000Z',
        local: '2024-02-10T23:05:00',
        zone: 'Africa/Dar_es_Salaam',
        offset: '+03:00',
      });
    });

    it('should take an all-day event by its first and inclusive last day', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'delegation_visit',
        title: 'Besuch der Delegation aus Morogoro',
        allDay: true,
        startsAt: '2023-09-23',
        endsAt: '2023-09-27',
        coHostOrganisationIds: [morogoro.id],
        partnershipId,
      }).expect(201);
      expect(response.body).toMatchObject({
        allDay: true,
        start: { local: '2023-09-23', instant: '2023-09-22T22:00:00.000Z' },
        end: { local: '2023-09-27', instant: '2023-09-27T22:00:00.000Z' },
        coHostOrganisationIds: [morogoro.id],
        partnershipId,
      });
    });

    it('should refuse a wall time that the spring-forward gap skips (400)', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'workshop',
        title: 'Nachtschicht',
        startsAt: '2024-03-31T02:30',
        endsAt: '2024-03-31T04:00',
      }).expect(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: 'startsAt' })]);
    });

    it('should refuse a day the zone skipped whole (Pacific/Apia, 2011-12-30), as a time or a date (400)', async () => {
      const before = await countRows(api, 'events');
      const timed = await post(arnsberg.organiserKey, {
        kind: 'virtual_meeting',
        title: 'Call mit Apia',
        startsAt: '2011-12-30T10:00',
        endsAt: '2011-12-31T11:00',
        startZone: 'Pacific/Apia',
      }).expect(400);
      expect(timed.body).toMatchObject({
        statusCode: 400,
        code: 'invalid_input',
        problems: [{ field: 'startsAt', message: expect.stringContaining('does not exist in Pacific/Apia') }],
      });
      const allDay = await post(arnsberg.organiserKey, {
        kind: 'delegation_visit',
        title: 'Besuch in Apia',
        allDay: true,
        startsAt: '2011-12-29',
        endsAt: '2011-12-30',
        startZone: 'Pacific/Apia',
      }).expect(400);
      expect(allDay.body.problems).toEqual([
        { field: 'endsAt', message: expect.stringContaining('2011-12-30 does not exist in Pacific/Apia') },
      ]);
      await expect(countRows(api, 'events')).resolves.toBe(before);
      const nextDay = await post(arnsberg.organiserKey, {
        kind: 'virtual_meeting',
        title: 'Call mit Apia',
        startsAt: '2011-12-31T10:00',
        endsAt: '2011-12-31T11:00',
        startZone: 'Pacific/Apia',
      }).expect(201);
      expect(nextDay.body.start).toMatchObject({ instant: '2011-12-30T20:00:00.000Z', offset: '+14:00' });
    });

    it.each([
      ['startsAt', { startsAt: '0000-06-01T10:00', endsAt: '2024-06-01T11:00' }],
      ['startsAt', { startsAt: '1899-06-01T10:00:00Z', endsAt: '2024-06-01T11:00' }],
      ['endsAt', { startsAt: '2200-12-31T10:00', endsAt: '2201-01-01T00:30' }],
      ['endsAt', { allDay: true, startsAt: '2024-06-01', endsAt: '9999-06-01' }],
    ])('should refuse a %s outside the years 1900 to 2200 (400) and store nothing', async (field, times) => {
      const before = await countRows(api, 'events');
      const response = await post(arnsberg.organiserKey, {
        kind: 'workshop',
        title: 'Zeitreise',
        ...times,
      }).expect(400);
      expect(response.body.problems).toEqual([
        { field, message: expect.stringContaining('the years 1900 to 2200') },
      ]);
      await expect(countRows(api, 'events')).resolves.toBe(before);
    });

    it.each([
      [
        'a zone in which its wall time is skipped',
        { startsAt: '2027-03-14T02:30', endsAt: '2027-03-14T04:00' },
        { startZone: 'America/Chicago', endZone: 'America/Chicago' },
        'startsAt',
      ],
      [
        'an end beyond 2200',
        { startsAt: '2200-12-31T10:00', endsAt: '2200-12-31T12:00' },
        { endsAt: '2201-01-01T12:00' },
        'endsAt',
      ],
    ])('should refuse moving an event to %s (400) and keep it as it was', async (_, times, change, field) => {
      const created = await createEvent(api, arnsberg.organiserKey, { title: 'Frühschicht', ...times });
      const response = await patch(arnsberg.organiserKey, created.id, change).expect(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field })]);
      const unchanged = await get(arnsberg.organiserKey, created.id).expect(200);
      expect(unchanged.body).toMatchObject({ sequence: 0, start: created.start, end: created.end });
    });

    it('should read an ambiguous autumn wall time as its first occurrence', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'travel_leg',
        title: 'Nachtzug',
        startsAt: '2024-10-27T02:30',
        endsAt: '2024-10-27T06:00',
        startZone: 'Europe/Berlin',
      }).expect(201);
      expect(response.body.start).toMatchObject({ instant: '2024-10-27T00:30:00.000Z', offset: '+02:00' });
    });

    it('should keep the instant of an end that a change does not touch, even in the repeated hour', async () => {
      const created = await createEvent(api, arnsberg.organiserKey, {
        kind: 'travel_leg',
        title: 'Nachtzug, zweite Runde',
        startsAt: '2024-10-27T02:30:00+01:00',
        endsAt: '2024-10-27T05:00',
        startZone: 'Europe/Berlin',
      });
      expect(created.start).toMatchObject({
        instant: '2024-10-27T01:30:00.000Z',
        local: '2024-10-27T02:30:00',
      });
      const changed = await patch(arnsberg.organiserKey, created.id, { endsAt: '2024-10-27T06:00' }).expect(
        200,
      );
      expect(changed.body.start.instant).toBe('2024-10-27T01:30:00.000Z');
      expect(changed.body.sequence).toBe(1);
    });

    it('should move an all-day visit by its last day alone', async () => {
      const visit = await createEvent(api, arnsberg.organiserKey, {
        kind: 'delegation_visit',
        title: 'Delegationsreise nach Morogoro',
        allDay: true,
        startsAt: '2024-02-10',
        endsAt: '2024-02-17',
        startZone: 'Africa/Dar_es_Salaam',
      });
      const changed = await patch(arnsberg.organiserKey, visit.id, { endsAt: '2024-02-18' }).expect(200);
      expect(changed.body).toMatchObject({
        start: { local: '2024-02-10', instant: visit.start.instant },
        end: { local: '2024-02-18', instant: '2024-02-18T21:00:00.000Z' },
      });
    });

    it('should keep the wall time and move the instant when only the zone is corrected', async () => {
      const created = await createEvent(api, arnsberg.organiserKey, {
        kind: 'site_visit',
        title: 'Besuch der Kläranlage',
        startsAt: '2024-02-12T09:00',
        endsAt: '2024-02-12T11:00',
      });
      const response = await patch(arnsberg.organiserKey, created.id, {
        startZone: 'Africa/Dar_es_Salaam',
        endZone: 'Africa/Dar_es_Salaam',
      }).expect(200);
      expect(response.body.start).toMatchObject({
        local: '2024-02-12T09:00:00',
        instant: '2024-02-12T06:00:00.000Z',
      });
      expect(response.body.end).toMatchObject({
        local: '2024-02-12T11:00:00',
        instant: '2024-02-12T08:00:00.000Z',
      });
    });
  });

  describe('parts of events', () => {
    let cityDay: EventView;

    beforeAll(async () => {
      cityDay = await createEvent(api, arnsberg.organiserKey, {
        kind: 'city_day',
        title: 'Städtetag Arnsberg–Sundern 2022',
        startsAt: '2022-09-14T09:00',
        endsAt: '2022-09-14T17:00',
        venue: {
          name: 'Rathaus Arnsberg',
          address: 'Rathausplatz 1, 59759 Arnsberg',
          latitude: 51.396,
          longitude: 8.064,
        },
        status: 'published',
      });
    });

    it('should nest workshops and their sessions under children, ordered by start', async () => {
      const later = await createEvent(api, arnsberg.organiserKey, {
        parentId: cityDay.id,
        title: 'Workshop Digitalisierung',
        startsAt: '2022-09-14T14:00',
        endsAt: '2022-09-14T16:00',
      });
      const earlier = await createEvent(api, arnsberg.organiserKey, {
        parentId: cityDay.id,
        title: 'Workshop Umwelt und Klimaschutz',
        startsAt: '2022-09-14T10:00',
        endsAt: '2022-09-14T12:00',
      });
      const session = await createEvent(api, arnsberg.organiserKey, {
        parentId: earlier.id,
        kind: 'session',
        title: 'Impuls: Wärmeplanung',
        startsAt: '2022-09-14T10:00',
        endsAt: '2022-09-14T10:30',
      });
      expect(earlier).toMatchObject({
        hostOrganisationId: arnsberg.id,
        start: { zone: 'Europe/Berlin' },
        parentId: cityDay.id,
      });

      const tree = await get(arnsberg.viewerKey, cityDay.id).expect(200);
      expect(tree.body.venue).toEqual({
        name: 'Rathaus Arnsberg',
        address: 'Rathausplatz 1, 59759 Arnsberg',
        latitude: 51.396,
        longitude: 8.064,
        notes: '',
      });
      expect(tree.body.children.map((child: EventView) => child.id)).toEqual([earlier.id, later.id]);
      expect(tree.body.children[0].children.map((child: EventView) => child.id)).toEqual([session.id]);
      expect(tree.body.children[1].children).toEqual([]);
    });

    it('should refuse a part outside its parent (400) and store nothing', async () => {
      const before = await countRows(api, 'events');
      const response = await post(arnsberg.organiserKey, {
        kind: 'workshop',
        parentId: cityDay.id,
        title: 'Workshop am Abend',
        startsAt: '2022-09-14T16:00',
        endsAt: '2022-09-14T18:00',
      }).expect(400);
      expect(response.body.message).toContain('Städtetag Arnsberg–Sundern 2022');
      await expect(countRows(api, 'events')).resolves.toBe(before);
    });

    it('should refuse moving the parent so that a part falls outside (400) and keep it as it was', async () => {
      const response = await patch(arnsberg.organiserKey, cityDay.id, {
        startsAt: '2022-09-14T13:00',
      }).expect(400);
      expect(response.body.message).toContain('Workshop Umwelt und Klimaschutz');
      const unchanged = await get(arnsberg.organiserKey, cityDay.id).expect(200);
      expect(unchanged.body.start.local).toBe('2022-09-14T09:00:00');
      expect(unchanged.body.sequence).toBe(0);
    });

    it('should refuse moving a part out of its parent (400)', async () => {
      const tree = await get(arnsberg.organiserKey, cityDay.id).expect(200);
      await patch(arnsberg.organiserKey, tree.body.children[1].id, { endsAt: '2022-09-14T18:00' }).expect(
        400,
      );
    });

    it('should refuse placing an event inside one of its own parts (400)', async () => {
      const tree = await get(arnsberg.organiserKey, cityDay.id).expect(200);
      const response = await patch(arnsberg.organiserKey, cityDay.id, {
        parentId: tree.body.children[0].id,
      }).expect(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: 'parentId' })]);
    });

    it('should refuse an unknown parent (400)', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'workshop',
        title: 'Waise',
        parentId: UNKNOWN_ID,
        startsAt: '2022-09-14T10:00',
        endsAt: '2022-09-14T11:00',
      }).expect(400);
      expect(response.body.problems).toEqual([expect.objectContaining({ field: 'parentId' })]);
    });

    it('should refuse deleting an event with parts (409) unless withChildren=true', async () => {
      const before = await countRows(api, 'events');
      const refused = await api
        .http()
        .delete(`/api/v1/events/${cityDay.id}`)
        .set(bearer(arnsberg.organiserKey))
        .expect(409);
      expect(refused.body.code).toBe('event_has_children');
      await expect(countRows(api, 'events')).resolves.toBe(before);
      await api
        .http()
        .delete(`/api/v1/events/${cityDay.id}`)
        .query({ withChildren: 'maybe' })
        .set(bearer(arnsberg.organiserKey))
        .expect(400);
      await api
        .http()
        .delete(`/api/v1/events/${cityDay.id}`)
        .query({ withChildren: true })
        .set(bearer(arnsberg.organiserKey))
        .expect(204);
      await get(arnsberg.organiserKey, cityDay.id).expect(404);
      await expect(countRows(api, 'events')).resolves.toBe(before - 4);
    });

    it('should delete an event without parts and answer 404 afterwards', async () => {
      const event = await createEvent(api, arnsberg.organiserKey, { title: 'Einmalig' });
      await api.http().delete(`/api/v1/events/${event.id}`).set(bearer(arnsberg.organiserKey)).expect(204);
      await api.http().delete(`/api/v1/events/${event.id}`).set(bearer(arnsberg.organiserKey)).expect(404);
    });
  });

  describe('rules on every write', () => {
    it.each([
      ['an end before the start', { startsAt: '2023-09-20T10:00', endsAt: '2023-09-20T09:00' }, 'endsAt'],
      [
        'an all-day end before the start',
        { allDay: true, startsAt: '2023-09-23', endsAt: '2023-09-22' },
        'endsAt',
      ],
      ['a fixed offset as zone', { startZone: 'UTC+2' }, 'startZone'],
      ['a city as zone', { endZone: 'Berlin' }, 'endZone'],
      ['a negative capacity', { capacity: -1 }, 'capacity'],
      ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
      ['a capacity as text', { capacity: '5' }, 'capacity'],
      ['a capacity beyond the column', { capacity: 3_000_000_000 }, 'capacity'],
      ['an unknown kind', { kind: 'party' }, 'kind'],
      ['an unknown status', { status: 'postponed' }, 'status'],
      ['a time that is none', { startsAt: 'morgen früh' }, 'startsAt'],
      ['a time in another format', { startsAt: '20.09.2023 09:00' }, 'startsAt'],
      ['a date for a timed event', { startsAt: '2023-09-20' }, 'startsAt'],
      ['allDay as text', { allDay: 'yes' }, 'allDay'],
      ['tags as text', { tags: 'klima' }, 'tags'],
      ['a venue as text', { venue: 'Rathaus' }, 'venue'],
      ['a latitude off the globe', { venue: { name: 'Nordpol+', latitude: 91 } }, 'venue.latitude'],
      ['an online URL that is none', { onlineUrl: 'meet me' }, 'onlineUrl'],
      ['a title with a line break', { title: 'Zeile\r\nDTSTART:19700101' }, 'title'],
      ['a title that is too long', { title: 'T'.repeat(301) }, 'title'],
      ['a blank title', { title: ' \t\u00a0\u3000 ' }, 'title'],
      ['a title of spaces alone', { title: '   ' }, 'title'],
      ['a tag that is too long', { tags: ['t'.repeat(61)] }, 'tags'],
      ['co-hosts that are no UUIDs', { coHostOrganisationIds: ['MORO'] }, 'coHostOrganisationIds'],
      ['an unknown co-host', { coHostOrganisationIds: [UNKNOWN_ID] }, 'coHostOrganisationIds'],
      ['an unknown host', { hostOrganisationId: UNKNOWN_ID }, 'hostOrganisationId'],
      ['an unknown partnership', { partnershipId: UNKNOWN_ID }, 'partnershipId'],
      ['an unknown field', { organiser: 'Frau Schulte' }, 'organiser'],
    ])(
      'should refuse creating with %s (400 naming the field) and store nothing',
      async (_, change, field) => {
        const events = await countRows(api, 'events');
        const coHosts = await countRows(api, 'event_co_hosts');
        const response = await post(api.adminKey, {
          kind: 'workshop',
          title: 'Workshop',
          startsAt: '2023-09-20T09:00',
          endsAt: '2023-09-20T10:00',
          hostOrganisationId: arnsberg.id,
          coHostOrganisationIds: [morogoro.id],
          ...change,
        }).expect(400);
        expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
        await expect(countRows(api, 'events')).resolves.toBe(events);
        await expect(countRows(api, 'event_co_hosts')).resolves.toBe(coHosts);
      },
    );

    it('should refuse a NUL character, which Postgres cannot store, with 400 and store nothing', async () => {
      const before = await countRows(api, 'events');
      await post(arnsberg.organiserKey, {
        kind: 'workshop',
        title: 'Null\u0000Byte',
        startsAt: '2023-09-20T09:00',
        endsAt: '2023-09-20T10:00',
      }).expect(400);
      await list(arnsberg.viewerKey, { q: 'a\u0000b' }).expect(400);
      await expect(countRows(api, 'events')).resolves.toBe(before);
    });

    it('should answer a body over the size limit with 413', async () => {
      const response = await post(arnsberg.organiserKey, {
        kind: 'workshop',
        title: 'Riesig',
        description: 'x'.repeat(200_000),
        startsAt: '2023-09-20T09:00',
        endsAt: '2023-09-20T10:00',
      }).expect(413);
      expect(response.body.message).toBe('The request body is too large.');
    });

    it('should answer a cursor from another list with 400, not 500', async () => {
      const organisations = await api
        .http()
        .get('/api/v1/organisations')
        .query({ limit: 1 })
        .set(bearer(api.adminKey))
        .expect(200);
      await list(arnsberg.viewerKey, { cursor: organisations.body.nextCursor }).expect(400);
    });

    it('should refuse a body that is malformed JSON (400)', async () => {
      await api
        .http()
        .post('/api/v1/events')
        .set(bearer(arnsberg.organiserKey))
        .set('Content-Type', 'application/json')
        .send('{"kind": "workshop", "title": }')
        .expect(400);
    });

    it('should answer ids that are no UUID with 400 and unknown ids with 404', async () => {
      await get(arnsberg.organiserKey, '12345').expect(400);
      await patch(arnsberg.organiserKey, 'städtetag', { title: 'x' }).expect(400);
      await api.http().delete('/api/v1/events/1 OR 1=1').set(bearer(arnsberg.organiserKey)).expect(400);
      await get(arnsberg.organiserKey, UNKNOWN_ID).expect(404);
      await patch(arnsberg.organiserKey, UNKNOWN_ID, { title: 'x' }).expect(404);
      await api.http().delete(`/api/v1/events/${UNKNOWN_ID}`).set(bearer(arnsberg.organiserKey)).expect(404);
    });

    it('should answer an unknown event as problem+json whose type links to the code on the /problems page', async () => {
      const response = await get(arnsberg.organiserKey, UNKNOWN_ID).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: expect.stringMatching(/\/problems#event_not_found$/),
        title: 'There is no such event.',
        status: 404,
        detail: `No event with id ${UNKNOWN_ID}.`,
        instance: `/api/v1/events/${UNKNOWN_ID}`,
        code: 'event_not_found',
      });
      const page = await api.http().get('/problems').expect(200);
      expect(page.text).toContain('id="event_not_found"');
    });

    describe('on change', () => {
      let event: EventView;

      beforeAll(async () => {
        event = await createEvent(api, arnsberg.organiserKey, {
          kind: 'workshop',
          title: 'Workshop Mobilität',
          description: 'Radverkehr',
          startsAt: '2023-09-21T09:00',
          endsAt: '2023-09-21T12:00',
          capacity: 30,
          tags: ['Mobilität'],
          status: 'published',
        });
      });

      it.each([
        ['an end before the start', { endsAt: '2023-09-21T08:00' }],
        ['a start after the end', { startsAt: '2023-09-21T13:00' }],
        ['a capacity of -1', { capacity: -1 }],
        ['an invalid zone', { startZone: 'UTC+2' }],
        ['null as title', { title: null }],
        ['null as kind', { kind: null }],
        ['null as start', { startsAt: null }],
        ['null as status', { status: null }],
        ['null as visibility', { visibility: null }],
        ['null as tags', { tags: null }],
        ['null as description', { description: null }],
        ['null as host', { hostOrganisationId: null }],
        ['null as co-hosts', { coHostOrganisationIds: null }],
        ['a number as title', { title: 5 }],
        ['a blank title', { title: '  \u2003 ' }],
        ['a time on a day the zone skipped', { startsAt: '2011-12-30T09:00', startZone: 'Pacific/Apia' }],
        ['a start before 1900', { startsAt: '1899-09-21T09:00' }],
        ['an unknown field', { sequence: 99 }],
        ['switching to all-day without both days', { allDay: true }],
      ])('should refuse %s (400) and keep the event as it was', async (_, change) => {
        await patch(arnsberg.organiserKey, event.id, change).expect(400);
        const fetched = await get(arnsberg.organiserKey, event.id).expect(200);
        expect(fetched.body).toMatchObject({
          title: 'Workshop Mobilität',
          description: 'Radverkehr',
          status: 'published',
          capacity: 30,
          tags: ['mobilität'],
          hostOrganisationId: arnsberg.id,
          sequence: 0,
          start: { local: '2023-09-21T09:00:00', zone: 'Europe/Berlin' },
        });
      });

      it('should raise the sequence for time, place, title and status, but not for description or tags', async () => {
        const steps: Array<[EventBody, number]> = [
          [{ description: 'Radverkehr und ÖPNV' }, 0],
          [{ tags: ['mobilität', 'klima'] }, 0],
          [{ capacity: 40 }, 0],
          [{ title: 'Workshop Mobilität und Verkehr' }, 1],
          [{ startsAt: '2023-09-21T09:30' }, 2],
          [{ venue: { name: 'Sauerlandtheater' } }, 3],
          [{ onlineUrl: 'https://meet.example.org/mobil' }, 4],
          [{ status: 'cancelled' }, 5],
          [{ status: 'published' }, 6],
          [{ endsAt: '2023-09-21T12:00' }, 6],
        ];
        for (const [change, sequence] of steps) {
          const response = await patch(arnsberg.organiserKey, event.id, change).expect(200);
          expect({ change, sequence: response.body.sequence }).toEqual({ change, sequence });
        }
      });

      it('should refuse edits to a cancelled event (409) but let it be published again', async () => {
        await patch(arnsberg.organiserKey, event.id, { status: 'cancelled' }).expect(200);
        const refused = await patch(arnsberg.organiserKey, event.id, { title: 'Neuer Titel' }).expect(409);
        expect(refused.body.code).toBe('event_cancelled');
        await patch(arnsberg.organiserKey, event.id, { status: 'published', title: 'Neuer Titel' }).expect(
          409,
        );
        await post(arnsberg.organiserKey, {
          kind: 'session',
          title: 'Teil einer abgesagten Veranstaltung',
          parentId: event.id,
          startsAt: '2023-09-21T10:00',
          endsAt: '2023-09-21T11:00',
        }).expect(409);
        const reopened = await patch(arnsberg.organiserKey, event.id, { status: 'published' }).expect(200);
        expect(reopened.body).toMatchObject({ status: 'published', title: 'Workshop Mobilität und Verkehr' });
        await patch(arnsberg.organiserKey, event.id, { title: 'Workshop Mobilität' }).expect(200);
      });
    });
  });

  describe('GET /api/v1/events', () => {
    let hamm: OrganisationKeys;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      hamm = await organisationWithKeys(api, { name: 'Stadt Hamm' });
      const add = async (name: string, body: EventBody) => {
        ids[name] = (await createEvent(api, hamm.organiserKey, { status: 'published', ...body })).id;
      };
      await add('conference', {
        kind: 'conference',
        title: 'Kickoff-Konferenz 100% Klimaschutz',
        description: 'Auftakt der 16 Partnerkommunen',
        startsAt: '2023-09-20T09:00',
        endsAt: '2023-09-22T13:00',
        tags: ['Klima', 'Netzwerk'],
        partnershipId,
      });
      await add('session', {
        kind: 'session',
        parentId: ids.conference,
        title: 'Podium_Finanzierung',
        description: 'Fördermittel der Engagement Global',
        startsAt: '2023-09-20T14:00',
        endsAt: '2023-09-20T15:30',
        tags: ['finanzen'],
      });
      await add('visit', {
        kind: 'site_visit',
        title: 'Besuch im Maximilianpark',
        startsAt: '2023-09-21T15:00',
        endsAt: '2023-09-21T17:00',
        coHostOrganisationIds: [morogoro.id],
      });
      await add('draft', {
        kind: 'workshop',
        title: 'Workshop Abfallwirtschaft',
        startsAt: '2023-10-05T10:00',
        endsAt: '2023-10-05T12:00',
        status: 'draft',
      });
    });

    const idsOf = (response: { body: { items: EventView[] } }) => response.body.items.map((item) => item.id);

    it('should filter by organisation as host or co-host', async () => {
      const hosted = await list(hamm.viewerKey, { organisationId: hamm.id }).expect(200);
      expect(idsOf(hosted)).toEqual([ids.conference, ids.session, ids.visit, ids.draft]);
      const coHosted = await list(hamm.viewerKey, {
        organisationId: morogoro.id,
        from: '2023-09-20T00:00:00Z',
        to: '2023-09-22T00:00:00Z',
      }).expect(200);
      expect(idsOf(coHosted)).toEqual([ids.visit]);
    });

    it('should filter by time range: ending at or after from, starting before to', async () => {
      const response = await list(hamm.viewerKey, {
        organisationId: hamm.id,
        from: '2023-09-21T00:00:00+02:00',
        to: '2023-09-21T16:00:00+02:00',
      }).expect(200);
      expect(idsOf(response)).toEqual([ids.conference, ids.visit]);
    });

    it('should filter by one kind or a comma-separated list of kinds', async () => {
      const one = await list(hamm.viewerKey, { organisationId: hamm.id, kind: 'session' }).expect(200);
      expect(idsOf(one)).toEqual([ids.session]);
      const several = await list(hamm.viewerKey, {
        organisationId: hamm.id,
        kind: 'site_visit, workshop',
      }).expect(200);
      expect(idsOf(several)).toEqual([ids.visit, ids.draft]);
      const repeated = await api
        .http()
        .get(`/api/v1/events?organisationId=${hamm.id}&kind=conference&kind=session`)
        .set(bearer(hamm.viewerKey))
        .expect(200);
      expect(idsOf(repeated)).toEqual([ids.conference, ids.session]);
    });

    it('should filter by partnership, tag, status, parent and top level', async () => {
      const scope = { organisationId: hamm.id };
      // Parts belong to the partnership of the event they are part of.
      expect(idsOf(await list(hamm.viewerKey, { ...scope, partnershipId }).expect(200))).toEqual([
        ids.conference,
        ids.session,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, tag: 'KLIMA' }).expect(200))).toEqual([
        ids.conference,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, status: 'draft' }).expect(200))).toEqual([
        ids.draft,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, parentId: ids.conference }).expect(200))).toEqual([
        ids.session,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, topLevel: true }).expect(200))).toEqual([
        ids.conference,
        ids.visit,
        ids.draft,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, topLevel: false }).expect(200))).toHaveLength(4);
    });

    it('should search title and description case-insensitively, taking LIKE wildcards literally', async () => {
      const scope = { organisationId: hamm.id };
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: 'maximilian' }).expect(200))).toEqual([
        ids.visit,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: 'ENGAGEMENT global' }).expect(200))).toEqual([
        ids.session,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: '100%' }).expect(200))).toEqual([
        ids.conference,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: '%' }).expect(200))).toEqual([ids.conference]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: 'Podium_' }).expect(200))).toEqual([
        ids.session,
      ]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: '_' }).expect(200))).toEqual([ids.session]);
      expect(idsOf(await list(hamm.viewerKey, { ...scope, q: '\\' }).expect(200))).toEqual([]);
    });

    it('should answer an unchanged list with the same ETag, 304 to If-None-Match, and a new one after a change', async () => {
      const query = { organisationId: hamm.id, kind: 'site_visit' };
      // Three answers: the page is made twice before the API keeps its bytes.
      const answers = [];
      for (let request = 0; request < 3; request++)
        answers.push(await list(hamm.viewerKey, query).expect(200));
      const etag = answers[0].headers.etag;
      expect(etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
      expect(answers.map((answer) => answer.headers.etag)).toEqual([etag, etag, etag]);
      expect(answers.map((answer) => answer.text)).toEqual([
        answers[0].text,
        answers[0].text,
        answers[0].text,
      ]);
      expect(answers[2].headers['content-type']).toBe('application/json; charset=utf-8');
      const notModified = await list(hamm.viewerKey, query).set('If-None-Match', etag).expect(304);
      expect(notModified.text).toBe('');

      await patch(hamm.organiserKey, ids.visit, { title: 'Besuch im Maximilianpark, verlegt' }).expect(200);
      await api.changesSeen();
      const changed = await list(hamm.viewerKey, query).set('If-None-Match', etag).expect(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body.items[0].title).toBe('Besuch im Maximilianpark, verlegt');
    });

    it('should show each end with instant and wall time in the list too', async () => {
      const response = await list(hamm.viewerKey, { organisationId: hamm.id, kind: 'site_visit' }).expect(
        200,
      );
      expect(response.body.items[0]).toMatchObject({
        start: { local: '2023-09-21T15:00:00', instant: '2023-09-21T13:00:00.000Z', zone: 'Europe/Berlin' },
        coHostOrganisationIds: [morogoro.id],
      });
      expect(response.body.items[0]).not.toHaveProperty('children');
    });

    it.each([
      ['an unknown kind', { kind: 'workshop,party' }, 'kind'],
      ['an empty kind', { kind: '' }, 'kind'],
      ['a from that is no date', { from: 'gestern' }, 'from'],
      ['a to that is no date', { to: '2023-13-45' }, 'to'],
      ['topLevel that is no boolean', { topLevel: 'maybe' }, 'topLevel'],
      ['an organisation that is no UUID', { organisationId: 'HAMM' }, 'organisationId'],
      ['an unknown status', { status: 'planned' }, 'status'],
      ['a search that is too long', { q: 'q'.repeat(201) }, 'q'],
      ['a malformed cursor', { cursor: 'bm9wZQ' }, 'cursor'],
      ['a limit of 0', { limit: 0 }, 'limit'],
      ['an unknown parameter', { sort: 'title' }, 'sort'],
    ])('should refuse %s with 400 naming the parameter', async (_, query, field) => {
      const response = await list(hamm.viewerKey, query).expect(400);
      expect(response.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('should list what another API process changed as soon as it hears of it, though it listed the same page before', async () => {
      const other = await startAnotherApi();
      try {
        expect(other.listening()).toBe(true);
        const visit = await createEvent(api, morogoro.organiserKey, {
          kind: 'delegation_visit',
          title: 'Delegation visit Arnsberg',
          startsAt: '2031-09-23T09:00',
          endsAt: '2031-09-27T18:00',
        });
        const query = { organisationId: morogoro.id, from: '2031-09-01T00:00:00Z' };
        const titles = async (from: Pick<ApiHarness, 'http'>) =>
          (
            await from.http().get('/api/v1/events').query(query).set(bearer(morogoro.viewerKey)).expect(200)
          ).body.items.map((event: EventView) => event.title) as string[];
        const titlesElsewhere = (writeMs: number, expected: string[]) =>
          seenElsewhere(writeMs, async () => {
            const listed = await titles(other);
            return listed.join('|') === expected.join('|') ? listed : undefined;
          });
        await titlesElsewhere(0, ['Delegation visit Arnsberg']);
        expect(await titles(other)).toEqual(['Delegation visit Arnsberg']);

        const patch = await timed(() =>
          api
            .http()
            .patch(`/api/v1/events/${visit.id}`)
            .set(bearer(morogoro.organiserKey))
            .send({ title: 'Delegation visit Arnsberg and Sundern' })
            .expect(200),
        );
        expect(await titles(api)).toEqual(['Delegation visit Arnsberg and Sundern']);
        await titlesElsewhere(patch.ms, ['Delegation visit Arnsberg and Sundern']);

        const create = await timed(() =>
          createEvent(api, morogoro.organiserKey, {
            kind: 'virtual_meeting',
            title: 'Follow-up call',
            startsAt: '2031-09-20T10:00',
            endsAt: '2031-09-20T11:00',
          }),
        );
        expect(await titles(api)).toEqual(['Follow-up call', 'Delegation visit Arnsberg and Sundern']);
        await titlesElsewhere(create.ms, ['Follow-up call', 'Delegation visit Arnsberg and Sundern']);
      } finally {
        await other.close();
      }
    });

    it('should page stably with limit=2 while events are added, without duplicates or skips', async () => {
      const trip = await organisationWithKeys(api, { name: 'Stadt Arnsberg Reisegruppe' });
      const add = (day: number, hour: number, title: string) =>
        createEvent(api, trip.organiserKey, {
          kind: 'site_visit',
          title,
          startsAt: `2024-02-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`,
          endsAt: `2024-02-${String(day).padStart(2, '0')}T${String(hour + 1).padStart(2, '0')}:00`,
          startZone: 'Africa/Dar_es_Salaam',
        });
      const original: string[] = [];
      // Two pairs share a start, so the id decides their order.
      for (const [day, hour] of [
        [10, 9],
        [11, 9],
        [11, 9],
        [12, 14],
        [13, 9],
        [13, 9],
        [15, 10],
      ] as const) {
        original.push((await add(day, hour, `Besuch ${day}.02. ${hour} Uhr`)).id);
      }

      const seen: string[] = [];
      const starts: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await list(trip.viewerKey, {
          organisationId: trip.id,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        }).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...idsOf(page));
        starts.push(...page.body.items.map((item: EventView) => `${item.start.instant} ${item.id}`));
        cursor = page.body.nextCursor ?? undefined;
        pages += 1;
        if (pages === 2) {
          // Rows added behind and ahead of the cursor while the client pages.
          await add(10, 8, 'Nachgetragen davor');
          original.push((await add(16, 9, 'Nachgetragen danach')).id);
        }
      } while (cursor && pages < 20);

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(original));
      expect(seen).toHaveLength(original.length);
      expect([...starts].sort()).toEqual(starts);
    });
  });
});
