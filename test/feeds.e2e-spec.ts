import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { FeedRenderPool } from '@app/feeds';
import { readCalendar, readWithNodeIcal } from '@app/testing';
import {
  ApiHarness,
  bearer,
  seenElsewhere,
  startAnotherApi,
  startApi,
  textParser,
  timed,
} from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';

const BASE_URL = 'https://treffpunkt.example.org';

describe('Calendar feeds', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let partnershipId: string;

  const feed = (path: string) =>
    api.http().get(path).set('Accept-Encoding', 'identity').buffer(true).parse(textParser);

  /** An organisation with 30 published day-long events, one on each day of `month` (yyyy-mm). */
  async function thirtyDays(name: string, title: string, month: string) {
    const organisation = await organisationWithKeys(api, { name, timeZone: 'Europe/Berlin' });
    const events: Array<{ id: string }> = [];
    for (let day = 1; day <= 30; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      events.push(
        await createEvent(api, organisation.organiserKey, {
          title: `${title} ${day}`,
          startsAt: `${date}T09:00`,
          endsAt: `${date}T17:00`,
          status: 'published',
        }),
      );
    }
    return { organisation, events };
  }

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg', timeZone: 'Europe/Berlin' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      country: 'TZ',
      timeZone: 'Africa/Dar_es_Salaam',
      defaultLocale: 'en',
    });
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({
        name: 'Nachhaltigkeitspartnerschaft Arnsberg–Morogoro',
        memberOrganisationIds: [arnsberg.id, morogoro.id],
      })
      .expect(201);
    partnershipId = partnership.body.id;
  });

  afterAll(async () => {
    await api.close();
  });

  it("should show an organisation's public events with correct zones and nothing internal or drafted", async () => {
    const key = arnsberg.organiserKey;
    const cityDay = await createEvent(api, key, {
      kind: 'city_day',
      title: 'Städtetag Arnsberg & Sundern',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T17:00',
      status: 'published',
      tags: ['klima'],
    });
    await createEvent(api, key, {
      kind: 'workshop',
      title: 'Workshop Klima; Wärme, Wasser',
      startsAt: '2027-09-20T10:00',
      endsAt: '2027-09-20T12:00',
      status: 'published',
      parentId: cityDay.id,
    });
    await createEvent(api, key, {
      kind: 'session',
      title: 'Vorbesprechung der Verwaltungsspitzen',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T09:30',
      status: 'published',
      visibility: 'internal',
      parentId: cityDay.id,
    });
    await createEvent(api, key, {
      title: 'Interne Klausur',
      startsAt: '2027-09-21T09:00',
      endsAt: '2027-09-21T12:00',
      status: 'published',
      visibility: 'internal',
    });
    await createEvent(api, key, {
      title: 'Entwurf',
      startsAt: '2027-09-22T09:00',
      endsAt: '2027-09-22T10:00',
    });
    await createEvent(api, key, {
      kind: 'conference',
      title: 'Nachtkonferenz über die Zeitumstellung',
      startsAt: '2027-10-31T01:30',
      endsAt: '2027-10-31T04:00',
      status: 'published',
    });

    const response = await feed(`/feeds/organisations/${arnsberg.code.toLowerCase()}.ics`).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${arnsberg.code.toLowerCase()}.ics"`,
    );
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers['last-modified']).toBeDefined();

    const calendar = readCalendar(response.body);
    expect(calendar.name).toBe('Stadt Arnsberg');
    expect(calendar.timeZone).toBe('Europe/Berlin');
    expect(calendar.method).toBeNull();
    const titles = calendar.events.map((event) => event.summary);
    expect(titles).toEqual([
      'Städtetag Arnsberg & Sundern',
      'Workshop Klima; Wärme, Wasser',
      'Nachtkonferenz über die Zeitumstellung',
    ]);
    const [day, workshop, night] = calendar.events;
    expect(day).toMatchObject({
      uid: `event-${cityDay.id}@treffpunkt`,
      status: 'CONFIRMED',
      sequence: 0,
      categories: ['klima'],
      url: `${BASE_URL}/calendar/events/${cityDay.id}`,
      organizer: { name: 'Stadt Arnsberg', address: expect.stringMatching(/^mailto:/) },
    });
    expect(day.start).toMatchObject({
      zone: 'Europe/Berlin',
      local: '2027-09-20T09:00:00',
      instant: '2027-09-20T07:00:00.000Z',
    });
    expect(workshop.start.instant).toBe('2027-09-20T08:00:00.000Z');
    expect(night.start).toMatchObject({ local: '2027-10-31T01:30:00', instant: '2027-10-30T23:30:00.000Z' });
    expect(night.end).toMatchObject({ local: '2027-10-31T04:00:00', instant: '2027-10-31T03:00:00.000Z' });
    expect(calendar.events.every((event) => event.attendees.length === 0)).toBe(true);
  });

  it('should give ical.js and node-ical the stored instants: repeated hours, changed zone rules, 2099', async () => {
    const sundern = await organisationWithKeys(api, { name: 'Stadt Sundern', timeZone: 'Europe/Berlin' });
    const times: Array<{ title: string; startsAt: string; startZone: string; repeated: boolean }> = [
      // The first and the second 02:30 of the night the clocks go back.
      { title: 'Erste 02:30', startsAt: '2027-10-31T02:30', startZone: 'Europe/Berlin', repeated: true },
      {
        title: 'Zweite 02:30',
        startsAt: '2027-10-31T02:30:00+01:00',
        startZone: 'Europe/Berlin',
        repeated: true,
      },
      { title: 'Mexiko', startsAt: '2027-05-10T10:00', startZone: 'America/Mexico_City', repeated: false },
      { title: 'Casablanca', startsAt: '2027-02-15T10:00', startZone: 'Africa/Casablanca', repeated: false },
      { title: 'São Paulo', startsAt: '2099-01-15T10:00', startZone: 'America/Sao_Paulo', repeated: false },
      { title: 'Apia', startsAt: '2027-01-15T10:00', startZone: 'Pacific/Apia', repeated: false },
      { title: 'Berlin 2099', startsAt: '2099-07-01T12:00', startZone: 'Europe/Berlin', repeated: false },
    ];
    const created = [];
    for (const time of times) {
      created.push(
        await createEvent(api, sundern.organiserKey, {
          title: time.title,
          startsAt: time.startsAt,
          endsAt: `${time.startsAt.slice(0, 10)}T23:00`,
          startZone: time.startZone,
          status: 'published',
        }),
      );
    }
    expect(created[1].start.instant).toBe('2027-10-31T01:30:00.000Z');
    expect(created[0].start.instant).toBe('2027-10-31T00:30:00.000Z');

    const response = await feed(`/feeds/organisations/${sundern.code.toLowerCase()}.ics`).expect(200);
    expect(response.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const calendar = readCalendar(response.body);
    const byUid = new Map(calendar.events.map((entry) => [entry.uid, entry]));
    const nodeIcal = new Map(readWithNodeIcal(response.body).map((entry) => [entry.uid, entry]));
    const expected = created.map((event, index) => ({
      title: times[index].title,
      start: event.start.instant,
      end: event.end.instant,
      zone: times[index].repeated ? null : times[index].startZone,
    }));
    const readByIcalJs = created.map((event, index) => {
      const entry = byUid.get(`event-${event.id}@treffpunkt`)!;
      return {
        title: times[index].title,
        start: entry.start.instant,
        end: entry.end?.instant,
        zone: entry.start.zone,
      };
    });
    const readByNodeIcal = created.map((event, index) => {
      const entry = nodeIcal.get(`event-${event.id}@treffpunkt`)!;
      return {
        title: times[index].title,
        start: entry.start,
        end: entry.end,
        zone: entry.startZone === 'Etc/UTC' ? null : entry.startZone,
      };
    });
    expect(readByIcalJs).toEqual(expected);
    expect(readByNodeIcal).toEqual(expected);
    expect([...calendar.timezones].sort()).toEqual([
      'Africa/Casablanca',
      'America/Mexico_City',
      'America/Sao_Paulo',
      'Europe/Berlin',
      'Pacific/Apia',
    ]);
  });

  it('should show one event with its public parts, and nothing for an internal or unknown one', async () => {
    const key = arnsberg.organiserKey;
    const trip = await createEvent(api, key, {
      kind: 'exchange_trip',
      title: 'Delegationsreise nach Morogoro',
      startsAt: '2027-09-20',
      endsAt: '2027-09-27',
      allDay: true,
      status: 'published',
      partnershipId,
    });
    await createEvent(api, key, {
      kind: 'travel_leg',
      title: 'Flug FRA → DAR',
      startsAt: '2027-09-20T22:00',
      endsAt: '2027-09-21T08:30',
      startZone: 'Europe/Berlin',
      endZone: 'Africa/Dar_es_Salaam',
      status: 'published',
      parentId: trip.id,
    });
    await createEvent(api, key, {
      kind: 'accommodation',
      title: 'Hotel Morogoro',
      startsAt: '2027-09-21',
      endsAt: '2027-09-26',
      allDay: true,
      startZone: 'Africa/Dar_es_Salaam',
      status: 'published',
      parentId: trip.id,
    });
    const internal = await createEvent(api, key, {
      kind: 'site_visit',
      title: 'Vertrauliches Gespräch',
      startsAt: '2027-09-22T10:00',
      endsAt: '2027-09-22T11:00',
      startZone: 'Africa/Dar_es_Salaam',
      status: 'published',
      visibility: 'internal',
      parentId: trip.id,
    });

    const calendar = readCalendar((await feed(`/feeds/events/${trip.id}.ics`).expect(200)).body);
    expect(calendar.events.map((event) => event.summary)).toEqual([
      'Delegationsreise nach Morogoro',
      'Flug FRA → DAR',
      'Hotel Morogoro',
    ]);
    const [tripEntry, flight, hotel] = calendar.events;
    expect(tripEntry.start).toMatchObject({ isDate: true, local: '2027-09-20' });
    expect(tripEntry.end).toMatchObject({ isDate: true, local: '2027-09-28' });
    expect(flight.start).toMatchObject({
      zone: 'Europe/Berlin',
      local: '2027-09-20T22:00:00',
      instant: '2027-09-20T20:00:00.000Z',
    });
    expect(flight.end).toMatchObject({
      zone: 'Africa/Dar_es_Salaam',
      local: '2027-09-21T08:30:00',
      instant: '2027-09-21T05:30:00.000Z',
    });
    expect(hotel).toMatchObject({
      transparency: 'TRANSPARENT',
      start: { isDate: true, local: '2027-09-21' },
    });
    expect([...calendar.timezones].sort()).toEqual(['Africa/Dar_es_Salaam', 'Europe/Berlin']);

    const partnershipFeed = readCalendar(
      (await feed(`/feeds/partnerships/${partnershipId}.ics`).expect(200)).body,
    );
    expect(partnershipFeed.name).toBe('Nachhaltigkeitspartnerschaft Arnsberg–Morogoro');
    expect(partnershipFeed.events.map((event) => event.summary)).toEqual([
      'Delegationsreise nach Morogoro',
      'Flug FRA → DAR',
      'Hotel Morogoro',
    ]);

    const notFound = await api.http().get(`/feeds/events/${internal.id}.ics`).expect(404);
    expect(notFound.body).toEqual(
      expect.objectContaining({ code: 'feed_not_found', message: 'There is no such calendar feed.' }),
    );
    const unknown = await api
      .http()
      .get('/feeds/events/00000000-0000-4000-8000-000000000000.ics')
      .expect(404);
    expect(unknown.body.message).toBe(notFound.body.message);
    await api.http().get('/feeds/events/not-a-uuid.ics').expect(404);
    await api.http().get('/feeds/organisations/NOSUCH.ics').expect(404);
  });

  it('should filter the public calendar by kind, tag, organisation and text', async () => {
    await createEvent(api, morogoro.organiserKey, {
      kind: 'virtual_meeting',
      title: 'Climate Smart Municipalities call',
      startsAt: '2027-03-16T09:00',
      endsAt: '2027-03-16T10:00',
      startZone: 'America/Chicago',
      status: 'published',
      tags: ['Klima'],
      coHostOrganisationIds: [arnsberg.id],
    });
    const summaries = async (query: string) =>
      readCalendar((await feed(`/feeds/public.ics${query}`).expect(200)).body).events.map(
        (event) => event.summary,
      );

    const all = await summaries('');
    expect(all).toContain('Climate Smart Municipalities call');
    expect(all).not.toContain('Interne Klausur');
    expect(all).not.toContain('Entwurf');
    expect(all).not.toContain('Vertrauliches Gespräch');
    expect(await summaries('?kind=virtual_meeting,accommodation')).toEqual([
      'Climate Smart Municipalities call',
      'Hotel Morogoro',
    ]);
    expect(await summaries('?tag=KLIMA')).toEqual([
      'Climate Smart Municipalities call',
      'Städtetag Arnsberg & Sundern',
    ]);
    expect(await summaries(`?organisation=${morogoro.code.toLowerCase()}`)).toEqual([
      'Climate Smart Municipalities call',
    ]);
    expect(await summaries(`?organisation=${arnsberg.code}&q=zeitumstellung`)).toEqual([
      'Nachtkonferenz über die Zeitumstellung',
    ]);
    const chicago = readCalendar((await feed('/feeds/public.ics?q=Climate').expect(200)).body);
    expect(chicago.events[0].start).toMatchObject({
      zone: 'America/Chicago',
      local: '2027-03-16T09:00:00',
      instant: '2027-03-16T14:00:00.000Z',
    });
    const invalid = await api.http().get('/feeds/public.ics?kind=party').expect(400);
    expect(invalid.body.problems).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('should answer 304 to If-None-Match and If-Modified-Since, support HEAD and gzip', async () => {
    const path = `/feeds/organisations/${arnsberg.code}.ics`;
    const first = await feed(path).expect(200);
    const etag = first.headers.etag;

    const revalidated = await feed(path).set('If-None-Match', `"other", ${etag}`).expect(304);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.text ?? '').toBe('');
    await feed(path).set('If-None-Match', `W/${etag}`).expect(304);
    await feed(path).set('If-None-Match', '"stale"').expect(200);
    await feed(path).set('If-Modified-Since', first.headers['last-modified']).expect(304);
    await feed(path).set('If-Modified-Since', 'Thu, 01 Jan 2015 00:00:00 GMT').expect(200);

    const head = await api.http().head(path).set('Accept-Encoding', 'identity').expect(200);
    expect(head.headers.etag).toBe(etag);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(first.body));

    const zipped = await api
      .http()
      .get(path)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(textParser)
      .expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(first.body));
    expect(zipped.headers.etag).not.toBe(etag);
    expect(zipped.body).toBe(first.body);
    await api
      .http()
      .get(path)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', zipped.headers.etag)
      .expect(304);
  });

  it('should serve the same bytes again until an event changes, then the change at once', async () => {
    const key = arnsberg.organiserKey;
    const workshop = await createEvent(api, key, {
      title: 'Workshop Digitalisierung',
      startsAt: '2027-11-08T09:30',
      endsAt: '2027-11-08T12:00',
      status: 'published',
    });
    const path = `/feeds/organisations/${arnsberg.code}.ics`;
    const before = await feed(path).expect(200);
    const again = await feed(path).expect(200);
    expect(again.body).toBe(before.body);
    expect(again.headers.etag).toBe(before.headers.etag);

    await api
      .http()
      .patch(`/api/v1/events/${workshop.id}`)
      .set(bearer(key))
      .send({ startsAt: '2027-11-08T13:30', endsAt: '2027-11-08T16:00' })
      .expect(200);
    const moved = await api
      .http()
      .get(path)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', before.headers.etag)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    const movedEntry = readCalendar(moved.body).events.find(
      (event) => event.summary === 'Workshop Digitalisierung',
    )!;
    expect(movedEntry).toMatchObject({
      uid: `event-${workshop.id}@treffpunkt`,
      sequence: 1,
      status: 'CONFIRMED',
    });
    expect(movedEntry.start).toMatchObject({
      local: '2027-11-08T13:30:00',
      instant: '2027-11-08T12:30:00.000Z',
    });

    await api
      .http()
      .patch(`/api/v1/events/${workshop.id}`)
      .set(bearer(key))
      .send({ status: 'cancelled' })
      .expect(200);
    const cancelled = readCalendar((await feed(path).expect(200)).body).events.find(
      (event) => event.uid === `event-${workshop.id}@treffpunkt`,
    )!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2 });

    await api.dataSource.query(`UPDATE events SET updated_at = now() - interval '31 days' WHERE id = $1`, [
      workshop.id,
    ]);
    await api.changesSeen();
    const later = readCalendar((await feed(path).expect(200)).body);
    expect(later.events.map((event) => event.uid)).not.toContain(`event-${workshop.id}@treffpunkt`);
  });

  it('should serve a change at once through the process that made it, and through another as soon as it hears of it', async () => {
    const other = await startAnotherApi();
    try {
      expect(other.listening()).toBe(true);
      const key = arnsberg.organiserKey;
      const session = await createEvent(api, key, {
        kind: 'session',
        title: 'Plenum',
        startsAt: '2027-12-01T10:00',
        endsAt: '2027-12-01T11:00',
        status: 'published',
      });
      const path = `/feeds/events/${session.id}.ics`;
      const fromOther = await other
        .http()
        .get(path)
        .set('Accept-Encoding', 'identity')
        .buffer(true)
        .parse(textParser)
        .expect(200);
      const fromFirst = await feed(path).expect(200);
      expect(fromFirst.headers.etag).toBe(fromOther.headers.etag);

      const patch = await timed(() =>
        api
          .http()
          .patch(`/api/v1/events/${session.id}`)
          .set(bearer(key))
          .send({ title: 'Plenum (Saal 2)' })
          .expect(200),
      );
      const fromWriter = await feed(path).set('If-None-Match', fromFirst.headers.etag).expect(200);
      expect(readCalendar(fromWriter.body).events[0]).toMatchObject({
        summary: 'Plenum (Saal 2)',
        sequence: 1,
      });

      const afterChange = await seenElsewhere(patch.ms, async () => {
        const response = await other
          .http()
          .get(path)
          .set('Accept-Encoding', 'identity')
          .set('If-None-Match', fromOther.headers.etag)
          .buffer(true)
          .parse(textParser);
        // 304: the notification has not arrived yet, the other process still counts the old version.
        return response.status === 304 ? undefined : response;
      });
      expect(afterChange.status).toBe(200);
      expect(afterChange.headers.etag).toBe(fromWriter.headers.etag);
      expect(afterChange.body).toBe(fromWriter.body);
    } finally {
      await other.close();
    }
  });

  /**
   * Serves an organisation's feed from this process and waits until it is shared, then makes
   * `change` and asks a process started since: its first feed that differs, and the renders its
   * thread did for it.
   */
  async function changedInNewProcess(code: string, change: () => Promise<unknown>) {
    const path = `/feeds/organisations/${code}.ics`;
    const first = await timed(() => feed(path).expect(200));
    await sharedAsLatest(`organisation:${code}`, first.ms);
    const other = await startAnotherApi();
    try {
      const renders = jest.spyOn(other.get(FeedRenderPool), 'render');
      const changed = await timed(change);
      const response = await seenElsewhere(changed.ms, async () => {
        const answer = await other
          .http()
          .get(path)
          .set('Accept-Encoding', 'identity')
          .buffer(true)
          .parse(textParser)
          .expect(200);
        return answer.headers.etag === first.result.headers.etag ? undefined : answer;
      });
      return { response, renders: renders.mock, rendered: await renders.mock.results[0]?.value };
    } finally {
      await other.close();
    }
  }

  it('should render only the changed event in a process that did not render the feed before', async () => {
    const { organisation: hamm, events } = await thirtyDays('Stadt Hamm', 'Konferenztag', '2027-06');
    const fromOther = await changedInNewProcess(hamm.code, () =>
      api
        .http()
        .patch(`/api/v1/events/${events[11].id}`)
        .set(bearer(hamm.organiserKey))
        .send({ title: 'Konferenztag 12 (Saal 2)' })
        .expect(200),
    );

    expect(fromOther.renders.calls).toHaveLength(1);
    expect(fromOther.rendered).toMatchObject({ events: 30, rendered: 1 });
    const fromWriter = await feed(`/feeds/organisations/${hamm.code}.ics`).expect(200);
    expect(fromOther.response.headers.etag).toBe(fromWriter.headers.etag);
    expect(fromOther.response.body).toBe(fromWriter.body);
    expect(readCalendar(fromOther.response.body as string).events.map((event) => event.summary)).toContain(
      'Konferenztag 12 (Saal 2)',
    );
  });

  it('should not read the shared rendering in a new process when a change touched every event', async () => {
    const { organisation: lippstadt } = await thirtyDays('Stadt Lippstadt', 'Fachtag', '2027-08');
    // Every VEVENT names its host as ORGANIZER: the last rendering holds no entry still shown.
    const fromOther = await changedInNewProcess(lippstadt.code, () =>
      api
        .http()
        .patch(`/api/v1/organisations/${lippstadt.id}`)
        .set(bearer(lippstadt.organiserKey))
        .send({ name: 'Stadt Lippstadt (Kreis Soest)' })
        .expect(200),
    );

    expect(fromOther.renders.calls).toHaveLength(1);
    expect(fromOther.renders.calls[0][0].seed).toBeUndefined();
    expect(fromOther.rendered).toMatchObject({ events: 30, rendered: 30 });
    const organizers = readCalendar(fromOther.response.body as string).events.map((event) => event.organizer?.name);
    expect(organizers).toEqual(Array(30).fill('Stadt Lippstadt (Kreis Soest)'));
  });

  it('should render only what changed since in a process that rendered an earlier version, without the shared rendering', async () => {
    const { organisation: soest, events } = await thirtyDays('Stadt Soest', 'Partnerschaftstag', '2027-07');
    const path = `/feeds/organisations/${soest.code}.ics`;
    const rename = (event: { id: string }, title: string) =>
      timed(() =>
        api
          .http()
          .patch(`/api/v1/events/${event.id}`)
          .set(bearer(soest.organiserKey))
          .send({ title })
          .expect(200),
      );
    const first = await timed(() => feed(path).expect(200));
    await sharedAsLatest(`organisation:${soest.code}`, first.ms);

    const other = await startAnotherApi();
    try {
      // The other process renders the second version: the latest rendering is now not this one's.
      const firstChange = await rename(events[3], 'Partnerschaftstag 4 (verschoben)');
      await seenElsewhere(firstChange.ms, async () => {
        const response = await other.http().get(path).set('Accept-Encoding', 'identity').expect(200);
        return response.headers.etag === first.result.headers.etag ? undefined : response;
      });

      const renders = jest.spyOn(api.app.get(FeedRenderPool), 'render');
      const secondChange = await rename(events[20], 'Partnerschaftstag 21 (Rathaus)');
      const third = await feed(path).expect(200);

      expect(renders).toHaveBeenCalledTimes(1);
      expect(renders.mock.calls[0][0].seed).toBeUndefined();
      await expect(renders.mock.results[0].value).resolves.toMatchObject({ events: 30, rendered: 2 });
      expect(readCalendar(third.body as string).events.map((event) => event.summary)).toEqual(
        expect.arrayContaining(['Partnerschaftstag 4 (verschoben)', 'Partnerschaftstag 21 (Rathaus)']),
      );
      const fromOther = await seenElsewhere(secondChange.ms, async () => {
        const response = await other.http().get(path).set('Accept-Encoding', 'identity').expect(200);
        return response.headers.etag === third.headers.etag ? response : undefined;
      });
      expect(fromOther.headers.etag).toBe(third.headers.etag);
      renders.mockRestore();
    } finally {
      await other.close();
    }
  });

  it('should seed from the latest rendering in a process whose own earlier version shares little with the feed now', async () => {
    const { organisation: werl, events } = await thirtyDays('Stadt Werl', 'Ratstag', '2027-09');
    const path = `/feeds/organisations/${werl.code}.ics`;
    const first = await timed(() => feed(path).expect(200));
    await sharedAsLatest(`organisation:${werl.code}`, first.ms);
    const renderedHere = await latestRendering(`organisation:${werl.code}`);

    const other = await startAnotherApi();
    try {
      // Renaming the host changes every entry; the other process renders that version.
      const rename = await timed(() =>
        api
          .http()
          .patch(`/api/v1/organisations/${werl.id}`)
          .set(bearer(werl.organiserKey))
          .send({ name: 'Hansestadt Werl' })
          .expect(200),
      );
      const renamed = await seenElsewhere(rename.ms, async () => {
        const response = await other.http().get(path).set('Accept-Encoding', 'identity').expect(200);
        return response.headers.etag === first.result.headers.etag ? undefined : response;
      });
      await sharedAsLatest(`organisation:${werl.code}`, rename.ms, renderedHere);

      const renders = jest.spyOn(api.app.get(FeedRenderPool), 'render');
      await api
        .http()
        .patch(`/api/v1/events/${events[5].id}`)
        .set(bearer(werl.organiserKey))
        .send({ title: 'Ratstag 6 (Bürgersaal)' })
        .expect(200);
      const changed = await feed(path).expect(200);

      expect(renders).toHaveBeenCalledTimes(1);
      expect(renders.mock.calls[0][0].seed).toBeDefined();
      await expect(renders.mock.results[0].value).resolves.toMatchObject({ events: 30, rendered: 1 });
      expect(changed.headers.etag).not.toBe(renamed.headers.etag);
      const shown = readCalendar(changed.body as string).events;
      expect(shown.map((event) => event.organizer?.name)).toEqual(Array(30).fill('Hansestadt Werl'));
      expect(shown.map((event) => event.summary)).toContain('Ratstag 6 (Bürgersaal)');
      renders.mockRestore();
    } finally {
      await other.close();
    }
  });

  it('should offer feed URLs built from PUBLIC_BASE_URL, as https and webcal', async () => {
    const event = await createEvent(api, arnsberg.organiserKey, {
      title: 'Bürgerforum',
      startsAt: '2027-12-05T18:00',
      endsAt: '2027-12-05T20:00',
    });
    const links = await api
      .http()
      .get(`/api/v1/events/${event.id}/feed`)
      .set(bearer(arnsberg.organiserKey))
      .set('Host', 'evil.example')
      .expect(200);
    expect(links.body).toEqual({
      eventId: event.id,
      listed: false,
      url: `${BASE_URL}/feeds/events/${event.id}.ics`,
      webcal: `webcal://treffpunkt.example.org/feeds/events/${event.id}.ics`,
      googleCalendar: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(
        `webcal://treffpunkt.example.org/feeds/events/${event.id}.ics`,
      )}`,
      page: `${BASE_URL}/calendar/events/${event.id}`,
    });
    await api.http().get(`/api/v1/events/${event.id}/feed`).set(bearer(morogoro.organiserKey)).expect(404);

    const organisation = await api
      .http()
      .get(`/api/v1/organisations/${arnsberg.id}/feed`)
      .set(bearer(morogoro.viewerKey))
      .expect(200);
    expect(organisation.body.url).toBe(`${BASE_URL}/feeds/organisations/${arnsberg.code.toLowerCase()}.ics`);
    const partnership = await api
      .http()
      .get(`/api/v1/partnerships/${partnershipId}/feed`)
      .set(bearer(arnsberg.viewerKey))
      .expect(200);
    expect(partnership.body.webcal).toBe(
      `webcal://treffpunkt.example.org/feeds/partnerships/${partnershipId}.ics`,
    );
    const publicFeed = await api
      .http()
      .get('/api/v1/feeds/public?kind=workshop&tag=klima')
      .set(bearer(arnsberg.viewerKey))
      .expect(200);
    expect(publicFeed.body.url).toBe(`${BASE_URL}/feeds/public.ics?kind=workshop&tag=klima`);
    await api.http().get(`/api/v1/events/${event.id}/feed`).expect(401);
  });
});

/**
 * Waits until a rendering of the feed other than `before` is shared in Redis as its latest
 * (FeedCache.seedFor), which happens right after the response that rendered it: storing the
 * bytes is less work than rendering them, so ten times the request that rendered them (at least
 * a second) is generous.
 */
async function sharedAsLatest(feed: string, renderMs: number, before?: string | null): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const bound = Math.max(10 * renderMs, 1000);
  try {
    const deadline = performance.now() + bound;
    for (;;) {
      const latest = await redis.get(latestKeyOf(feed));
      if (latest !== null && latest !== before) return;
      if (performance.now() > deadline) throw new Error(`${feed} was not shared within ${bound} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    redis.disconnect();
  }
}

/** The cache key of the feed's rendering shared last (FeedCache.seedFor), if any. */
async function latestRendering(feed: string): Promise<string | null> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    return await redis.get(latestKeyOf(feed));
  } finally {
    redis.disconnect();
  }
}

function latestKeyOf(feed: string): string {
  const digest = createHash('sha256').update(feed).digest('base64url');
  return `${process.env.QUEUE_PREFIX}:feeds:feed-latest:${digest}`;
}
