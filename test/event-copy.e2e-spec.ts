import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer, startApi } from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

/** POST /api/v1/events/:id/copy: a new draft with the event's parts, kept or moved to another day. */
describe('Copying an event with its parts', () => {
  let api: ApiHarness;
  let host: OrganisationKeys;
  let cityDay: EventView;

  const copy = (id: string, body: object, key = host.organiserKey) =>
    api.http().post(`/api/v1/events/${id}/copy`).set(bearer(key)).send(body);

  beforeAll(async () => {
    api = await startApi();
    host = await organisationWithKeys(api);
    cityDay = await createEvent(api, host.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag',
      startsAt: '2031-10-20T09:00',
      endsAt: '2031-10-20T17:00',
      startZone: 'Europe/Berlin',
      status: 'published',
      venue: { name: 'Rathaus' },
    });
    const round = await createEvent(api, host.organiserKey, {
      kind: 'session',
      title: 'Runde 1',
      parentId: cityDay.id,
      startsAt: '2031-10-20T10:00',
      endsAt: '2031-10-20T12:00',
      status: 'published',
    });
    await createEvent(api, host.organiserKey, {
      kind: 'workshop',
      title: 'Klima',
      parentId: round.id,
      startsAt: '2031-10-20T10:00',
      endsAt: '2031-10-20T11:00',
      capacity: 12,
      status: 'published',
    });
    await createEvent(api, host.organiserKey, {
      kind: 'workshop',
      title: 'Abgesagt',
      parentId: round.id,
      startsAt: '2031-10-20T11:00',
      endsAt: '2031-10-20T12:00',
      status: 'cancelled',
    });
  });

  afterAll(() => api?.close());

  it('should copy the event and its parts as drafts with the same times', async () => {
    const response = await copy(cityDay.id, {}).expect(201);
    const copied = response.body as EventView;
    expect(copied.id).not.toBe(cityDay.id);
    expect([copied.title, copied.status, copied.start.local, copied.venue?.name]).toEqual([
      'Städtetag',
      'draft',
      '2031-10-20T09:00:00',
      'Rathaus',
    ]);
    const [round] = copied.children!;
    expect([round.title, round.status, round.parentId]).toEqual(['Runde 1', 'draft', copied.id]);
    expect(round.children!.map((part) => [part.title, part.capacity, part.start.local])).toEqual([
      ['Klima', 12, '2031-10-20T10:00:00'],
    ]);
  });

  it('should move every part to the new day at the same wall-clock time, across summer time', async () => {
    const copied = (await copy(cityDay.id, { startDate: '2031-11-03' }).expect(201)).body as EventView;
    expect([copied.start.local, copied.start.offset]).toEqual(['2031-11-03T09:00:00', '+01:00']);
    const workshop = copied.children![0].children![0];
    expect([workshop.start.local, workshop.end.local]).toEqual(['2031-11-03T10:00:00', '2031-11-03T11:00:00']);
    const original = await api.http().get(`/api/v1/events/${cityDay.id}`).set(bearer(host.organiserKey));
    expect(original.body.start.local).toBe('2031-10-20T09:00:00');
  });

  it('should refuse viewers, strangers, unknown events and dates that are not dates', async () => {
    const before = await api.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM events',
    );
    await copy(cityDay.id, {}, host.viewerKey).expect(403);
    const stranger = await organisationWithKeys(api);
    expect((await copy(cityDay.id, {}, stranger.organiserKey).expect(403)).body.code).toBe('forbidden');
    await copy(UNKNOWN_ID, {}).expect(404);
    const invalid = await copy(cityDay.id, { startDate: '3.11.2031' }).expect(400);
    expect(invalid.body.code).toBe('invalid_input');
    expect((await copy(cityDay.id, { startDate: '2031-02-30' }).expect(400)).body.problems[0].field).toBe(
      'startDate',
    );
    const after = await api.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM events',
    );
    expect(after).toEqual(before);
  });
});
