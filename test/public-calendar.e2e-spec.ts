import { ApiHarness, startApi } from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';

const BASE_URL = 'https://treffpunkt.example.org';

describe('Public calendar page', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let workshopId: string;
  let internalId: string;

  beforeAll(async () => {
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: BASE_URL }) });
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, {
      name: 'Morogoro <Municipal> Council',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    const cityDay = await createEvent(api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag <script>alert("x")</script>',
      description: 'Gemeinsam nachhaltig erfolgreich.\n\nMit "Workshops" & Austausch.',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T17:00',
      status: 'published',
      venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
    });
    workshopId = cityDay.id;
    await createEvent(api, arnsberg.organiserKey, {
      title: 'Workshop Klima',
      startsAt: '2027-09-20T10:00',
      endsAt: '2027-09-20T12:00',
      status: 'published',
      parentId: cityDay.id,
    });
    internalId = (
      await createEvent(api, arnsberg.organiserKey, {
        title: 'Interne Runde',
        startsAt: '2027-09-21T10:00',
        endsAt: '2027-09-21T12:00',
        status: 'published',
        visibility: 'internal',
      })
    ).id;
    await createEvent(api, morogoro.organiserKey, {
      kind: 'site_visit',
      title: 'Besuch der Kläranlage',
      startsAt: '2027-10-06T09:00',
      endsAt: '2027-10-06T11:00',
      status: 'cancelled',
    });
    await createEvent(api, arnsberg.organiserKey, {
      title: 'Vergangener Termin',
      startsAt: '2020-01-10T09:00',
      endsAt: '2020-01-10T10:00',
      status: 'published',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  /** The page's text with runs of whitespace as single spaces: layout whitespace is not content. */
  const visit = async (path: string) => ({ text: collapse((await api.http().get(path).expect(200)).text) });

  it('should list upcoming public top-level events as accessible, escaped HTML', async () => {
    const response = await api.http().get('/calendar').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    const page = collapse(response.text);
    expect(page).toMatch(/^<!doctype html><html lang="de">/);
    expect(page).toContain('<h1>Veranstaltungskalender</h1>');
    expect(page).toContain('<label for="q">Suche</label>');
    expect(page).toContain('<label for="kind">Art</label>');
    expect(page).toContain('<label for="organisation">Veranstalter</label>');
    expect(page).toContain('Städtetag &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Morogoro &lt;Municipal&gt; Council');
    expect(page).not.toContain('Workshop Klima');
    expect(page).toContain('Abgesagt');
    expect(page).not.toContain('Interne Runde');
    expect(page).not.toContain('Vergangener Termin');
    expect(page).toContain('<time datetime="2027-09-20T09:00:00.000+02:00">');
    expect(page).toContain('href="webcal://treffpunkt.example.org/feeds/public.ics"');
  });

  it('should filter by kind, organisation and text, and keep the filter in the subscribe links', async () => {
    const byKind = await visit('/calendar?kind=site_visit');
    expect(byKind.text).toContain('Besuch der Kläranlage');
    expect(byKind.text).not.toContain('Workshop Klima');
    expect(byKind.text).toContain('<option value="site_visit" selected>');
    expect(byKind.text).toContain('href="webcal://treffpunkt.example.org/feeds/public.ics?kind=site_visit"');

    const byOrganisation = await visit(`/calendar?organisation=${morogoro.code.toLowerCase()}`);
    expect(byOrganisation.text).toContain('Besuch der Kläranlage');
    expect(byOrganisation.text).not.toContain('Workshop Klima');

    const byText = await visit('/calendar?q=klima&lang=en&utm_source=newsletter');
    expect(byText.text).toContain('<html lang="en">');
    expect(byText.text).toContain('Workshop Klima');
    expect(byText.text).not.toContain('Kläranlage');
    expect(byText.text).toContain('value="klima"');
    const nothing = await visit('/calendar?q=%22%3E%3Cscript%3E');
    expect(nothing.text).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(nothing.text).toContain('Keine Veranstaltung passt zu Ihrer Suche.');
  });

  it('should offer the page in Swahili, keeping the filter in the links to the other languages', async () => {
    const swahili = await visit('/calendar?kind=site_visit&lang=sw');
    expect(swahili.text).toContain('<html lang="sw">');
    expect(swahili.text).toContain('<h1>Kalenda ya matukio</h1>');
    expect(swahili.text).toContain('<label for="q">Tafuta</label>');
    expect(swahili.text).toContain('Ziara ya kutembelea eneo');
    expect(swahili.text).toMatch(
      /href="\/calendar\?lang=de&amp;kind=site_visit" hreflang="de" lang="de" ?>Deutsch</,
    );
    expect(swahili.text).toMatch(
      /href="\/calendar\?lang=en&amp;kind=site_visit" hreflang="en" lang="en" ?>English</,
    );
    expect(swahili.text).not.toContain('>Kiswahili<');

    const german = await visit(`/calendar/events/${workshopId}`);
    expect(german.text).toMatch(
      new RegExp(`href="/calendar/events/${workshopId}\\?lang=sw" hreflang="sw" lang="sw" ?>Kiswahili<`),
    );
  });

  it('should show an event with its parts and buttons to subscribe, add to Google and download', async () => {
    const response = await api.http().get(`/calendar/events/${workshopId}`).expect(200);
    const page = collapse(response.text);
    expect(page).toContain('<h1>Städtetag &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(page).toContain('<p>Mit &quot;Workshops&quot; &amp; Austausch.</p>');
    expect(page).toContain('Rathaus Arnsberg, Rathausplatz 2, 59759 Arnsberg');
    expect(page).toContain('<h2 id="programme">Programm</h2>');
    expect(page).toContain('Workshop Klima');
    const webcal = `webcal://treffpunkt.example.org/feeds/events/${workshopId}.ics`;
    expect(page).toContain(`href="${webcal}"`);
    expect(page).toContain(
      `href="https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}"`,
    );
    expect(page).toContain(`href="${BASE_URL}/feeds/events/${workshopId}.ics" download`);

    const hidden = await api.http().get(`/calendar/events/${internalId}`).expect(404);
    expect(collapse(hidden.text)).toContain('<h1>Termin nicht gefunden</h1>');
    expect(hidden.text).not.toContain('Interne Runde');
    await api.http().get('/calendar/events/%3Cscript%3E').expect(404);
  });
});

function collapse(html: string): string {
  return html.replace(/\s+/g, ' ').replace(/>\s+/g, '>').replace(/\s+</g, '<').trim();
}
