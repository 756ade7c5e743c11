import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { ApiHarness, bearer, startApi } from './api-harness';
import {
  createEvent,
  OrganisationKeys,
  organisationWithKeys,
  uniqueCode,
  UNKNOWN_ID,
} from './planning-fixtures';

const BASE_URL = 'https://treffpunkt.example.org';
const CITY_SITE = 'https://www.arnsberg.de';

describe('Embedding the public calendar', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let cityDayId: string;
  let onlineId: string;
  let cancelledId: string;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro Municipal Council',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    cityDayId = (
      await createEvent(api, arnsberg.organiserKey, {
        kind: 'city_day',
        title: 'Städtetag </script><script>alert(1)</script>',
        description: 'Gemeinsam nachhaltig erfolgreich.',
        startsAt: '2027-09-20T09:00',
        endsAt: '2027-09-20T17:00',
        status: 'published',
        tags: ['klima'],
        venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
      })
    ).id;
    onlineId = (
      await createEvent(api, morogoro.organiserKey, {
        kind: 'virtual_meeting',
        title: 'Online-Runde Morogoro',
        startsAt: '2027-10-01T10:00',
        endsAt: '2027-10-01T11:00',
        status: 'published',
        onlineUrl: 'https://meet.example.org/runde',
      })
    ).id;
    cancelledId = (
      await createEvent(api, arnsberg.organiserKey, {
        title: 'Abgesagter Workshop',
        startsAt: '2027-11-03T10:00',
        endsAt: '2027-11-03T12:00',
        status: 'cancelled',
      })
    ).id;
  });

  afterAll(async () => {
    await api.close();
  });

  const setOrigins = (key: string, organisationId: string, origins: unknown) =>
    api
      .http()
      .put(`/api/v1/organisations/${organisationId}/embedding/origins`)
      .set(bearer(key))
      .send({ origins });

  describe('origins an admin configures', () => {
    it('should let an admin set the origins, normalised, and show the snippets to paste', async () => {
      const response = await setOrigins(api.adminKey, arnsberg.id, [
        `${CITY_SITE}/`,
        'http://LOCALHOST:8080',
      ]).expect(200);
      expect(response.body.origins).toEqual(['http://localhost:8080', CITY_SITE]);
      expect(response.body.snippets.script).toBe(
        `<script src="${BASE_URL}/embed.js" data-organisation="${arnsberg.code}" defer></script>`,
      );
      expect(response.body.snippets.iframe).toContain(
        `src="${BASE_URL}/embed/organisations/${arnsberg.code.toLowerCase()}?lang=de"`,
      );
      expect(response.body.snippets.iframe).toContain('title="Termine von Stadt Arnsberg"');
      expect(response.body.urls.rss).toBe(
        `${BASE_URL}/feeds/public.rss?lang=de&organisation=${arnsberg.code.toLowerCase()}`,
      );

      const read = await api
        .http()
        .get(`/api/v1/organisations/${arnsberg.id}/embedding`)
        .set(bearer(arnsberg.viewerKey))
        .expect(200);
      expect(read.body.origins).toEqual(['http://localhost:8080', CITY_SITE]);
    });

    it('should record who changed the origins, with before and after', async () => {
      await setOrigins(api.adminKey, arnsberg.id, [CITY_SITE]).expect(200);
      const entries = await api
        .http()
        .get('/api/v1/audit')
        .query({
          recordType: 'organisation',
          recordId: arnsberg.id,
          action: 'organisation.embedding_origins_changed',
        })
        .set(bearer(api.adminKey))
        .expect(200);
      expect(entries.body.items[0].changes).toEqual([
        { field: 'embeddingOrigins', before: ['http://localhost:8080', CITY_SITE], after: [CITY_SITE] },
      ]);
    });

    it('should refuse origins that are not origins, as problem+json naming the field, and keep the list', async () => {
      const response = await setOrigins(api.adminKey, arnsberg.id, [CITY_SITE, 'https://*.arnsberg.de'])
        .expect(400)
        .expect('Content-Type', /application\/problem\+json/);
      expect(response.body.code).toBe('invalid_input');
      expect(response.body.problems).toEqual([
        { field: 'origins[1]', message: expect.stringContaining('wildcards') },
      ]);
      await setOrigins(api.adminKey, arnsberg.id, 'https://www.arnsberg.de').expect(400);
      await setOrigins(api.adminKey, arnsberg.id, [42]).expect(400);
      await setOrigins(api.adminKey, UNKNOWN_ID, [CITY_SITE]).expect(404);
      const read = await api
        .http()
        .get(`/api/v1/organisations/${arnsberg.id}/embedding`)
        .set(bearer(api.adminKey));
      expect(read.body.origins).toEqual([CITY_SITE]);
    });

    it("should let only admins change the origins, and no organisation read another's", async () => {
      const refused = await setOrigins(arnsberg.organiserKey, arnsberg.id, ['https://evil.example']).expect(
        403,
      );
      expect(refused.body.code).toBe('forbidden');
      await api
        .http()
        .get(`/api/v1/organisations/${arnsberg.id}/embedding`)
        .set(bearer(morogoro.viewerKey))
        .expect(403);
    });
  });

  describe('framing and the widget', () => {
    it("should let the configured origins frame the organisation's calendar and its events, and nobody else", async () => {
      const filtered = await api
        .http()
        .get(`/calendar?organisation=${arnsberg.code.toLowerCase()}`)
        .expect(200);
      expect(filtered.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${CITY_SITE}`);
      expect(filtered.headers['x-frame-options']).toBeUndefined();

      const event = await api.http().get(`/calendar/events/${cityDayId}`).expect(200);
      expect(event.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${CITY_SITE}`);

      const frame = await api.http().get(`/embed/organisations/${arnsberg.code.toLowerCase()}`).expect(200);
      expect(frame.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${CITY_SITE}`);
      expect(frame.text).toContain('Städtetag');

      for (const path of [
        '/calendar',
        `/calendar/events/${onlineId}`,
        `/embed/organisations/${morogoro.code}`,
      ]) {
        const other = await api.http().get(path).expect(200);
        expect(other.headers['content-security-policy']).toMatch(/frame-ancestors 'self'$/);
        expect(other.headers['x-frame-options']).toBe('DENY');
      }
    });

    it('should serve the widget list to the configured origin only, and the script to everyone', async () => {
      const allowed = await api
        .http()
        .get(`/embed/organisations/${arnsberg.code.toLowerCase()}/events?lang=en`)
        .set('Origin', CITY_SITE)
        .expect(200);
      expect(allowed.headers['access-control-allow-origin']).toBe(CITY_SITE);
      expect(allowed.headers.vary).toContain('Origin');
      expect(allowed.text).toContain('Upcoming events');
      expect(allowed.text).toContain(`href="${BASE_URL}/calendar/events/${cityDayId}?lang=en"`);
      expect(allowed.text).not.toContain('<script>');

      const refused = await api
        .http()
        .get(`/embed/organisations/${arnsberg.code.toLowerCase()}/events`)
        .set('Origin', 'https://elsewhere.example')
        .expect(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.body.code).toBe('forbidden');

      await api.http().get('/embed/organisations/%3Cscript%3E/events').expect(400);
      await api.http().get(`/embed/organisations/${arnsberg.code}/events?lang=fr`).expect(400);

      const script = await api.http().get('/embed.js').expect(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    });
  });

  describe('an organisation whose code changed', () => {
    it('should keep the widget and the iframe of a snippet pasted under the former code working', async () => {
      const sundern = await organisationWithKeys(api, { name: 'Stadt Sundern' });
      await createEvent(api, sundern.organiserKey, {
        title: 'Bürgerwerkstatt Sorpesee',
        startsAt: '2027-06-05T10:00',
        endsAt: '2027-06-05T13:00',
        status: 'published',
      });
      await setOrigins(api.adminKey, sundern.id, [CITY_SITE]).expect(200);
      const former = sundern.code.toLowerCase();
      const current = uniqueCode('SUN');
      await api
        .http()
        .patch(`/api/v1/organisations/${sundern.id}`)
        .set(bearer(sundern.organiserKey))
        .send({ code: current })
        .expect(200);

      const list = await api
        .http()
        .get(`/embed/organisations/${former}/events?lang=en`)
        .set('Origin', CITY_SITE)
        .expect(200);
      expect(list.headers['access-control-allow-origin']).toBe(CITY_SITE);
      expect(list.text).toContain('Bürgerwerkstatt Sorpesee');
      await api
        .http()
        .get(`/embed/organisations/${former}/events`)
        .set('Origin', 'https://elsewhere.example')
        .expect(403);

      const moved = await api.http().get(`/embed/organisations/${former}?lang=en`).expect(301);
      expect(moved.headers.location).toBe(`${BASE_URL}/embed/organisations/${current.toLowerCase()}?lang=en`);
      const frame = await api.http().get(`/embed/organisations/${current.toLowerCase()}?lang=en`).expect(200);
      expect(frame.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${CITY_SITE}`);
      expect(frame.text).toContain('Bürgerwerkstatt Sorpesee');
    });
  });

  describe('structured data on event pages', () => {
    const structuredData = async (id: string) => {
      const page = (await api.http().get(`/calendar/events/${id}`).expect(200)).text;
      return { page, data: structuredDataOf(page) };
    };

    it('should describe the event as schema.org Event, with a title that cannot close the script', async () => {
      const { page, data } = await structuredData(cityDayId);
      expect(page).not.toContain('<script>alert(1)');
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Städtetag </script><script>alert(1)</script>',
        description: 'Gemeinsam nachhaltig erfolgreich.',
        startDate: '2027-09-20T09:00:00.000+02:00',
        endDate: '2027-09-20T17:00:00.000+02:00',
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: [{ '@type': 'Place', name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' }],
        organizer: { '@type': 'Organization', name: 'Stadt Arnsberg' },
        url: `${BASE_URL}/calendar/events/${cityDayId}`,
      });
    });

    it('should say when an event is online or cancelled', async () => {
      const online = (await structuredData(onlineId)).data;
      expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
      expect(online.location).toEqual([
        { '@type': 'VirtualLocation', url: 'https://meet.example.org/runde' },
      ]);
      expect(online.startDate).toBe('2027-10-01T10:00:00.000+03:00');
      expect((await structuredData(cancelledId)).data.eventStatus).toBe('https://schema.org/EventCancelled');
    });
  });

  describe('an event moved after it was published', () => {
    it('should say in its JSON-LD and on its page that it was rescheduled, and from when', async () => {
      const meschede = await organisationWithKeys(api, { name: 'Stadt Meschede' });
      const planned = await createEvent(api, meschede.organiserKey, {
        kind: 'workshop',
        title: 'Workshop Starkregenvorsorge',
        startsAt: '2027-05-10T14:00',
        endsAt: '2027-05-10T16:00',
        status: 'draft',
      });
      const move = (body: Record<string, unknown>) =>
        api
          .http()
          .patch(`/api/v1/events/${planned.id}`)
          .set(bearer(meschede.organiserKey))
          .send(body)
          .expect(200);
      // Moved while a draft: nobody saw the earlier date.
      await move({ startsAt: '2027-05-11T14:00', endsAt: '2027-05-11T16:00' });
      await move({ status: 'published' });
      const before = await api.http().get(`/calendar/events/${planned.id}`).expect(200);
      expect(structuredDataOf(before.text).eventStatus).toBe('https://schema.org/EventScheduled');

      await move({ startsAt: '2027-05-18T10:00', endsAt: '2027-05-18T12:00' });
      const page = await api.http().get(`/calendar/events/${planned.id}?lang=en`).expect(200);
      const data = structuredDataOf(page.text);
      expect(data).toMatchObject({
        eventStatus: 'https://schema.org/EventRescheduled',
        startDate: '2027-05-18T10:00:00.000+02:00',
        previousStartDate: '2027-05-11T14:00:00.000+02:00',
      });
      expect(page.text).toContain('Moved from Tuesday, 11 May 2027, 14:00 Berlin (CEST).');
    });
  });

  describe('RSS, Atom and the sitemap', () => {
    const parser = new Parser();

    it("should offer an organisation's upcoming events as RSS 2.0 that a feed parser reads, linked from the page", async () => {
      const code = arnsberg.code.toLowerCase();
      const page = (await api.http().get(`/calendar?organisation=${code}`).expect(200)).text.replace(
        /\s+/g,
        ' ',
      );
      const rssUrl = `${BASE_URL}/feeds/public.rss?lang=de&amp;organisation=${code}`;
      expect(page).toContain(
        `<link rel="alternate" type="application/rss+xml" title="RSS-Feed dieser Termine" href="${rssUrl}"`,
      );

      const response = await api
        .http()
        .get(`/feeds/public.rss?organisation=${code}`)
        .buffer(true)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const feed = await parser.parseString(response.text);
      expect(feed.title).toBe('Kommende Termine – Treffpunkt');
      expect(feed.items.map((item) => item.title)).toEqual([
        'Städtetag </script><script>alert(1)</script>',
        'Abgesagt: Abgesagter Workshop',
      ]);
      expect(feed.items[0].link).toBe(`${BASE_URL}/calendar/events/${cityDayId}?lang=de`);
      expect(feed.items[0].contentSnippet).toContain('Rathaus Arnsberg');

      const again = await api
        .http()
        .get(`/feeds/public.rss?organisation=${code}`)
        .set('If-None-Match', response.headers.etag)
        .expect(304);
      expect(again.text).toBeFalsy();
    });

    it('should offer the same filters as Atom, in English on request', async () => {
      const response = await api
        .http()
        .get('/feeds/public.atom?kind=virtual_meeting&lang=en')
        .buffer(true)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = await parser.parseString(response.text);
      expect(feed.title).toBe('Upcoming events – Treffpunkt');
      expect(feed.items.map((item) => item.title)).toEqual(['Online-Runde Morogoro']);
      expect(feed.items[0].link).toBe(`${BASE_URL}/calendar/events/${onlineId}?lang=en`);

      const bad = await api.http().get('/feeds/public.atom?kind=party').expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    });

    it('should list the calendar and every public event page in the sitemap, with when they changed', async () => {
      const response = await api.http().get('/sitemap.xml').buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(response.text) as {
        urlset: { url: Array<{ loc: string; lastmod?: string }> };
      };
      const byLocation = new Map(parsed.urlset.url.map((url) => [url.loc, url.lastmod]));
      expect(byLocation.has(`${BASE_URL}/calendar`)).toBe(true);
      expect(byLocation.has(`${BASE_URL}/calendar?organisation=${arnsberg.code.toLowerCase()}`)).toBe(true);
      for (const id of [cityDayId, onlineId, cancelledId]) {
        const lastmod = byLocation.get(`${BASE_URL}/calendar/events/${id}`);
        expect(Number.isNaN(Date.parse(lastmod ?? ''))).toBe(false);
      }
    });
  });
});

/** The page's one JSON-LD block, parsed. */
function structuredDataOf(page: string): Record<string, unknown> {
  const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0][1]) as Record<string, unknown>;
}
