import { Test, TestingModule } from '@nestjs/testing';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DemoModule, DemoProgrammeService } from '@app/demo';
import { ApiHarness, startApi } from './api-harness';

const BASE_URL = 'https://treffpunkt.example.org';

interface EventJson {
  id: string;
  kind: string;
  title: string;
  parentId: string | null;
  startsAt: string;
  url: string;
  host: { code: string };
}

interface PageJson {
  events: EventJson[];
  page: number;
  links: { self: string; next: string | null };
}

/** The intended demo event for what people type: the search quality bar of issue 12. */
const QUALITY_BAR: Array<{ typed: string; first: RegExp }> = [
  { typed: 'Staedtetag', first: /^(Zweiter )?Städtetag Arnsberg–Sundern 20(22|27)/ },
  { typed: 'städtetag 2022', first: /^Städtetag Arnsberg–Sundern 2022/ },
  { typed: 'Rathaus Sundern', first: /^Zweiter Städtetag Arnsberg–Sundern 2027/ },
  { typed: 'Delegation Morogoro', first: /^(Zweiter )?Delegationsbesuch aus Morogoro in Arnsberg$/ },
  { typed: 'Klimaschutz Workshop', first: /^Workshop Klimaschutz: / },
  {
    typed: 'Hamm Konferenz',
    first: /^Auftaktkonferenz Kommunale Nachhaltigkeitspartnerschaften 2023 in Hamm$/,
  },
  { typed: 'Morogor', first: /Morogoro/ },
  { typed: 'Delegatoinsbesuch Morogoro', first: /^(Zweiter )?Delegationsbesuch aus Morogoro in Arnsberg$/ },
  { typed: 'STAEDTETAG sundern', first: /Städtetag Arnsberg–Sundern/ },
];

describe('Public programme: search, archive and events.json on the demo programme', () => {
  let api: ApiHarness;
  let seed: TestingModule;
  let validatePage: ValidateFunction;
  let validateSuggestions: ValidateFunction;

  const json = async (path: string): Promise<PageJson> =>
    (await api.http().get(path).expect(200)).body as PageJson;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
    seed = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, DemoModule],
    }).compile();
    await seed.init();
    await seed.get(DemoProgrammeService).load();
    const document = (await api.http().get('/docs-json').expect(200)).body as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'openapi');
    validatePage = ajv.getSchema('openapi#/components/schemas/PublicEventsPageView')!;
    validateSuggestions = ajv.getSchema('openapi#/components/schemas/SuggestionsView')!;
  });

  afterAll(async () => {
    await seed?.close();
    await api?.close();
  });

  it.each(QUALITY_BAR)('should find the intended event first for "$typed"', async ({ typed, first }) => {
    const page = await json(`/public/events.json?q=${encodeURIComponent(typed)}`);
    expect(page.events[0]?.title).toMatch(first);
  });

  it('should need every word, in any order', async () => {
    const both = await json(`/public/events.json?q=${encodeURIComponent('Sundern Rathaus')}`);
    expect(both.events[0]?.title).toMatch(/^Zweiter Städtetag Arnsberg–Sundern 2027/);
    const none = await json(`/public/events.json?q=${encodeURIComponent('Morogoro Zahnarzt')}`);
    expect(none.events).toEqual([]);
  });

  it('should find organisations by code and name, and events by their tags', async () => {
    const byCode = await json('/public/events.json?q=MORO&from=2000-01-01');
    expect(byCode.events.length).toBeGreaterThan(0);
    const byTag = await json(`/public/events.json?q=${encodeURIComponent('wärmeplanung')}`);
    expect(byTag.events[0]?.title).toMatch(/Wärmeplanung/);
  });

  it('should list top-level events only by default, their parts on the event page', async () => {
    const upcoming = await json('/public/events.json?pageSize=100');
    expect(upcoming.events.length).toBeGreaterThan(0);
    expect(upcoming.events.every((event) => event.parentId === null)).toBe(true);
    expect(upcoming.events.every((event) => Date.parse(event.startsAt) > Date.parse('2026-01-01'))).toBe(
      true,
    );
    const workshops = await json('/public/events.json?kind=workshop&from=2022-01-01&to=2022-12-31');
    expect(workshops.events.length).toBeGreaterThan(0);
    expect(workshops.events.every((event) => event.kind === 'workshop' && event.parentId !== null)).toBe(
      true,
    );
  });

  it('should keep past events in the archive, by month, with their pages', async () => {
    const archive = await api.http().get('/calendar/archive?lang=en').expect(200);
    expect(archive.text).toContain('href="/calendar/archive/2022/');
    expect(archive.text).toContain('<h2 id="year-2023">2023</h2>');
    const [, month] = /href="\/calendar\/archive\/2022\/(\d\d)\?lang=en"/.exec(archive.text)!;
    const monthPage = await api.http().get(`/calendar/archive/2022/${month}?lang=en`).expect(200);
    expect(monthPage.text).toContain('Städtetag Arnsberg–Sundern 2022');
    expect(monthPage.text).not.toContain('Workshop Klimaschutz');
    const [, eventPath] =
      /href="(\/calendar\/events\/[0-9a-f-]{36})\?lang=en">Städtetag Arnsberg–Sundern 2022/.exec(
        monthPage.text,
      )!;
    const eventPage = await api.http().get(`${eventPath}?lang=en`).expect(200);
    expect(eventPage.text).toContain('This event has taken place.');
    expect(eventPage.text).toContain('Workshop Klimaschutz');
    await api.http().get('/calendar/archive/2022/13').expect(404);
    await api.http().get('/calendar/archive/%3Cx%3E/01').expect(404);
  });

  it('should answer events.json with a page that matches its OpenAPI schema, and follow next links', async () => {
    const first = await api.http().get('/public/events.json?from=2020-01-01&pageSize=3').expect(200);
    validatePage(first.body);
    expect(validatePage.errors ?? []).toEqual([]);
    const page = first.body as PageJson;
    expect(page.events).toHaveLength(3);
    expect(page.events[0].url).toBe(`${BASE_URL}/calendar/events/${page.events[0].id}`);
    expect(page.links.next).toBe(`${BASE_URL}/public/events.json?from=2020-01-01&pageSize=3&page=2`);
    const second = await json(page.links.next!.slice(BASE_URL.length));
    expect(validatePage(second)).toBe(true);
    expect(second.page).toBe(2);
    const seen = new Set([...page.events, ...second.events].map((event) => event.id));
    expect(seen.size).toBe(6);
    const searched = await api
      .http()
      .get(`/public/events.json?q=${encodeURIComponent('Klimaschutz Workshop')}`);
    expect(validatePage(searched.body)).toBe(true);
    const suggestions = await api.http().get('/public/events/suggestions.json?q=Staedt').expect(200);
    expect(validateSuggestions(suggestions.body)).toBe(true);
    expect((suggestions.body as { suggestions: string[] }).suggestions[0]).toMatch(/Städtetag/);
    const punctuation = await api.http().get('/public/events/suggestions.json?q=%20--%20').expect(200);
    expect(punctuation.body).toEqual({ suggestions: [] });
  });

  it('should filter by organisation, kind, tag and date range as the page does', async () => {
    const sundern = await json('/public/events.json?organisation=sun&from=2020-01-01&pageSize=100');
    expect(sundern.events.length).toBeGreaterThan(0);
    expect(sundern.events.map((event) => event.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Zweiter Städtetag Arnsberg–Sundern 2027/)]),
    );
    expect(sundern.events.map((event) => event.title)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Hamm/)]),
    );
    const tagged = await json('/public/events.json?tag=klima&from=2020-01-01');
    expect(tagged.events.map((event) => event.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Städtetag Arnsberg–Sundern 2022/)]),
    );
    const in2023 = await json('/public/events.json?from=2023-01-01&to=2023-12-31&pageSize=100');
    expect(in2023.events.length).toBeGreaterThan(0);
    expect(in2023.events.every((event) => event.startsAt.startsWith('2023'))).toBe(true);
  });

  it('should allow any origin, and answer 304 to a repeated request with its ETag', async () => {
    const response = await api
      .http()
      .get('/public/events.json?q=Morogoro')
      .set('Origin', 'https://www.arnsberg.de')
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const etag = response.headers.etag;
    expect(etag).toBeTruthy();
    const again = await api
      .http()
      .get('/public/events.json?q=Morogoro')
      .set('If-None-Match', etag)
      .expect(304);
    expect(again.text ?? '').toBe('');
    await api.http().get('/public/events.json?q=Arnsberg').set('If-None-Match', etag).expect(200);
  });

  it.each([
    ['from=2022-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['kind=party', 'kind'],
    ['partnership=42', 'partnership'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['colour=blue', 'colour'],
  ])('should refuse %s with a problem naming %s', async (query, field) => {
    const response = await api.http().get(`/public/events.json?${query}`).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('should refuse a date range that ends before it starts', async () => {
    const response = await api.http().get('/public/events.json?from=2023-05-01&to=2023-04-01').expect(400);
    expect(response.body).toMatchObject({ code: 'date_range_reversed', status: 400 });
  });

  it('should keep the calendar page, with a full page of results and its script, under 100 KB', async () => {
    const page = await api.http().get(`/calendar?q=Arnsberg&lang=en`).expect(200);
    expect(page.text).toContain('<h2 id="listing">Search results</h2>');
    expect(page.text).toContain('href="/calendar?lang=en&amp;q=Arnsberg&amp;page=2"');
    const script = await api.http().get('/calendar/suggestions.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(Buffer.byteLength(page.text) + Buffer.byteLength(script.text)).toBeLessThan(100 * 1024);
  });
});
