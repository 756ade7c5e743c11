import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, readCalendar } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { csrfTokenOf, expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { addPerson, Person } from './invitation-fixtures';
import { createEvent, createOrganisation, issueKey } from './planning-fixtures';

/** Each step loads a page, and each look takes two screenshots and two axe runs, on 2 shared cores. */
jest.setTimeout(180_000);

describe('the console feeds screen in a browser', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let organisationId: string;
  let person: Person;

  /** A feed as a calendar app fetches it, by the path of the address the page shows. */
  function fetchFeed(url: string) {
    const { pathname, search } = new URL(url);
    return api
      .http()
      .get(pathname + search)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser);
  }

  beforeAll(async () => {
    api = await startApi();
    baseUrl = await listenForBrowser(api);
    const organisation = await createOrganisation(api, { name: 'Stadt Sundern' });
    organisationId = organisation.id;
    const key = await issueKey(api, organisationId, 'organiser');
    await createEvent(api, key, {
      kind: 'city_day',
      title: 'Sunderner Städtetag 2031',
      startsAt: '2031-06-14T10:00',
      endsAt: '2031-06-14T17:00',
      startZone: 'Europe/Berlin',
      status: 'published',
    });
    person = await addPerson(api, key, { organisationId, name: 'Jonas Beispiel' });
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(api, browser, baseUrl, {
      email: 'olga.organiser@sundern.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('should list every feed with an address that serves a calendar, and subscribe buttons', async () => {
    await page.goto(`${baseUrl}/console/feeds`);
    await expectWellShown(page, 'console-feeds', [
      'All public events of Stadt Sundern',
      'The whole public calendar',
      'Sunderner Städtetag 2031',
      'Google Calendar',
      'Outlook',
      'Jonas Beispiel',
    ]);
    const organisationFeed = await page.getByLabel(/^Address of the feed\s*: All public events of Stadt Sundern$/).inputValue();
    const eventFeed = await page.getByLabel(/^Address of the feed\s*: Sunderner Städtetag 2031$/).inputValue();
    for (const url of [organisationFeed, eventFeed]) {
      const response = await fetchFeed(url).expect(200);
      expect(readCalendar(response.body as string).events.map((event) => event.summary)).toContain(
        'Sunderner Städtetag 2031',
      );
    }
    const subscribe = page.getByRole('list', { name: 'Subscribe: Sunderner Städtetag 2031' });
    const webcal = eventFeed.replace(/^https?:/, 'webcal:');
    await expect(subscribe.getByRole('link', { name: 'Calendar app' }).getAttribute('href')).resolves.toBe(webcal);
    await expect(subscribe.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')).resolves.toBe(
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    );
    await expect(subscribe.getByRole('link', { name: 'Outlook' }).getAttribute('href')).resolves.toBe(
      `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(eventFeed)}`,
    );
  });

  it('should issue, rotate and revoke a personal link, the old one stopping each time', async () => {
    await page.goto(`${baseUrl}/console/feeds`);
    await page.getByRole('button', { name: /^Issue link\s*: Jonas Beispiel$/ }).click();
    const issued = await page.getByLabel('Personal link of Jonas Beispiel').inputValue();
    await expectWellShown(page, 'console-feeds-issued', ['It is shown only now']);
    const calendar = readCalendar((await fetchFeed(issued).expect(200)).body as string);
    expect(calendar.name).toBe('Treffpunkt – Jonas Beispiel');

    await page.getByRole('link', { name: /^Rotate link\s*: Jonas Beispiel$/ }).click();
    await expectWellShown(page, 'console-feeds-confirm', ['Rotate the personal link of Jonas Beispiel?']);
    await page.getByRole('button', { name: 'Rotate link' }).click();
    const rotated = await page.getByLabel('Personal link of Jonas Beispiel').inputValue();
    expect(rotated).not.toBe(issued);
    await fetchFeed(issued).expect(404);
    await fetchFeed(rotated).expect(200);

    await page.getByRole('link', { name: /^Revoke link\s*: Jonas Beispiel$/ }).click();
    await page.getByRole('button', { name: 'Revoke link' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'The personal link of Jonas Beispiel was revoked.',
    );
    await fetchFeed(rotated).expect(404);
  });

  it("should show a viewer the feeds but refuse their changes on the server", async () => {
    await browser.clearCookies();
    await signInMember(api, browser, baseUrl, {
      email: 'vera.viewer@sundern.example',
      name: 'Vera Viewer',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/feeds`);
    await expect(page.getByText('only organisers and admins manage personal links').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Issue link/ }).count()).resolves.toBe(0);
    const refused = await page.request.post(`${baseUrl}/console/feeds/people/${person.id}/issue`, {
      form: { _csrf: await csrfTokenOf(page) },
    });
    expect(refused.status()).toBe(403);
    const status = await api
      .http()
      .get(`/api/v1/people/${person.id}/feed-token`)
      .set(bearer(api.adminKey))
      .expect(200);
    expect(status.body.active).toBe(false);
  });
});
