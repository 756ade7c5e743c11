import { ApiHarness, bearer, startApi } from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';

interface PageJson {
  events: Array<{ id: string; title: string }>;
  links: { next: string | null };
}

/** More than the search ranks (RANKED_CANDIDATES of migration PublicEventSearchSpeed). */
const COMMON_WORD_EVENTS = 300;
const RANKED_CANDIDATES = 200;

describe('Public programme search index: filters kept by triggers, ranking bounded', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;

  const search = async (query: string): Promise<PageJson> =>
    (await api.http().get(`/public/events.json?${query}`).expect(200)).body as PageJson;
  const titles = async (query: string): Promise<string[]> =>
    (await search(query)).events.map((event) => event.title);

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, { name: 'Morogoro Municipal Council' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('should hide the parts of an event that becomes internal or a draft, and show them again', async () => {
    const cityDay = await createEvent(api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag Brilon',
      startsAt: '2027-05-04T09:00',
      endsAt: '2027-05-04T17:00',
      status: 'published',
    });
    await createEvent(api, arnsberg.organiserKey, {
      title: 'Workshop Quellschutz',
      startsAt: '2027-05-04T10:00',
      endsAt: '2027-05-04T12:00',
      status: 'published',
      parentId: cityDay.id,
    });
    const change = (body: Record<string, unknown>) =>
      api
        .http()
        .patch(`/api/v1/events/${cityDay.id}`)
        .set(bearer(arnsberg.organiserKey))
        .send(body)
        .expect(200);

    await expect(titles('q=Quellschutz')).resolves.toEqual(['Workshop Quellschutz']);
    await change({ visibility: 'internal' });
    await expect(titles('q=Quellschutz')).resolves.toEqual([]);
    await expect(titles('q=Brilon')).resolves.toEqual([]);
    await change({ visibility: 'public' });
    await expect(titles('q=Quellschutz')).resolves.toEqual(['Workshop Quellschutz']);
    await change({ status: 'draft' });
    await expect(titles('q=Quellschutz')).resolves.toEqual([]);
    await change({ status: 'published' });
    await expect(titles('q=Quellschutz Workshop')).resolves.toEqual(['Workshop Quellschutz']);
  });

  it('should filter a search by co-host, kind and dates as they are now', async () => {
    const visit = await createEvent(api, arnsberg.organiserKey, {
      kind: 'site_visit',
      title: 'Besuch des Wasserwerks Möhnetal',
      startsAt: '2027-06-10T09:00',
      endsAt: '2027-06-10T11:00',
      status: 'published',
    });
    const byMorogoro = `q=Wasserwerk&organisation=${morogoro.code}`;
    await expect(titles(byMorogoro)).resolves.toEqual([]);
    await api
      .http()
      .patch(`/api/v1/events/${visit.id}`)
      .set(bearer(arnsberg.organiserKey))
      .send({
        coHostOrganisationIds: [morogoro.id],
        startsAt: '2027-07-10T09:00',
        endsAt: '2027-07-10T11:00',
      })
      .expect(200);
    await expect(titles(byMorogoro)).resolves.toEqual(['Besuch des Wasserwerks Möhnetal']);
    await expect(titles(`${byMorogoro}&kind=site_visit&from=2027-07-10&to=2027-07-10`)).resolves.toEqual([
      'Besuch des Wasserwerks Möhnetal',
    ]);
    await expect(titles(`${byMorogoro}&kind=workshop`)).resolves.toEqual([]);
    await expect(titles(`${byMorogoro}&from=2027-06-01&to=2027-06-30`)).resolves.toEqual([]);
  });

  it('should find an event by the beginning of a word, whether few or many words begin so, and nothing by a word no event has', async () => {
    const consonants = [...'bdfgkpz'];
    // More words beginning with "quell" than a search spells out (MAX_COMPLETIONS): it stays a prefix.
    const manyQuellWords = consonants.flatMap((a) => consonants.map((b) => `Quell${a}${b}`)).join(' ');
    await createEvent(api, arnsberg.organiserKey, {
      title: 'Führung durch das Quellgebiet der Ruhr',
      description: manyQuellWords,
      startsAt: '2027-08-12T14:00',
      endsAt: '2027-08-12T16:00',
      status: 'published',
    });
    await expect(titles('q=Quellgeb')).resolves.toEqual(['Führung durch das Quellgebiet der Ruhr']);
    await expect(titles('q=Quell')).resolves.toContain('Führung durch das Quellgebiet der Ruhr');
    await expect(titles('q=Quellgebiet Zyklotron')).resolves.toEqual([]);
  });

  it('should rank the newest candidates of a very common word and list every match once', async () => {
    // Written straight to the table, as a bulk import would: the index follows by its triggers.
    await api.dataSource.query(
      `INSERT INTO events (kind, title, description, starts_at, start_zone, ends_at, end_zone,
         host_organisation_id, status, visibility)
       SELECT 'session', 'Sitzung ' || g, 'Es geht um den Radverkehr.',
         timestamptz '2030-01-01 10:00+01' - g * interval '1 day', 'Europe/Berlin',
         timestamptz '2030-01-01 11:00+01' - g * interval '1 day', 'Europe/Berlin', $1, 'published', 'public'
       FROM generate_series(1, $2::int) AS g`,
      [arnsberg.id, COMMON_WORD_EVENTS],
    );
    await api.changesSeen();
    const titled = (title: string, startsAt: string) =>
      createEvent(api, arnsberg.organiserKey, {
        kind: 'session',
        title,
        startsAt,
        endsAt: startsAt.replace('T10', 'T11'),
        status: 'published',
      });
    // among the newest ranked matches, and older than all of them.
    await titled('Radverkehr in der Innenstadt', '2029-12-20T10:00');
    await titled('Radverkehr am Ruhrufer', '2025-01-01T10:00');

    const seen: string[] = [];
    let next: string | null = '/public/events.json?q=Radverkehr&pageSize=100';
    while (next) {
      const page: PageJson = await search(next.slice(next.indexOf('?') + 1));
      seen.push(...page.events.map((event) => event.title));
      next = page.links.next;
    }
    expect(seen).toHaveLength(COMMON_WORD_EVENTS + 2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBe('Radverkehr in der Innenstadt');
    // Past the ranked candidates the rest follow newest first: the old title match among them.
    expect(seen.indexOf('Radverkehr am Ruhrufer')).toBeGreaterThanOrEqual(RANKED_CANDIDATES);
    expect(seen.slice(RANKED_CANDIDATES)).toEqual(
      [...seen.slice(RANKED_CANDIDATES)].sort((a, b) => sessionAge(a) - sessionAge(b)),
    );
  });
});

/** Generated sessions are numbered by days back from 2030; the old title match is older than all. */
function sessionAge(title: string): number {
  const number = /^Sitzung (\d+)$/.exec(title);
  return number ? Number(number[1]) : Number.MAX_SAFE_INTEGER;
}
