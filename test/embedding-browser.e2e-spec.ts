import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Page } from 'playwright-core';
import { axeViolations, Chromium, launchChromium, SCREENSHOT_WIDTHS, screenshotFile } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { freePort } from './console-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys, uniqueCode } from './planning-fixtures';

/**
 * A city's website on another origin embeds the calendar twice, as a web editor would paste it:
 * the script widget and the iframe. Origins differ by port (localhost vs. Treffpunkt on
 * 127.0.0.1), as they would by host in production.
 */
describe('The calendar embedded in another site, in Chromium', () => {
  let api: ApiHarness;
  let apiUrl: string;
  let arnsberg: OrganisationKeys;
  let chromium: Chromium;
  let allowedSite: Server;
  let otherSite: Server;

  beforeAll(async () => {
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: apiUrl }) });
    await api.app.listen(port, '127.0.0.1');
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    await createEvent(api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag Arnsberg–Sundern',
      startsAt: '2027-09-20T09:00',
      endsAt: '2027-09-20T17:00',
      status: 'published',
      venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
    });
    await createEvent(api, arnsberg.organiserKey, {
      kind: 'delegation_visit',
      title: 'Delegationsbesuch aus Morogoro',
      startsAt: '2027-10-04',
      endsAt: '2027-10-08',
      allDay: true,
      status: 'published',
    });
    allowedSite = await hostSite('en', arnsberg.code, apiUrl);
    otherSite = await hostSite('de', arnsberg.code, apiUrl);
    await api
      .http()
      .put(`/api/v1/organisations/${arnsberg.id}/embedding/origins`)
      .set(bearer(api.adminKey))
      .send({ origins: [siteUrl(allowedSite)] })
      .expect(200);
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    allowedSite?.close();
    otherSite?.close();
    await api?.close();
  });

  it('should show the list in the widget and the iframe on a configured site, accessibly and in its language', async () => {
    for (const width of SCREENSHOT_WIDTHS) {
      const page = await chromium.browser.newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(siteUrl(allowedSite));
        const widget = page.locator('.treffpunkt-calendar');
        await widget.getByRole('heading', { name: 'Upcoming events' }).waitFor();
        await widget.getByRole('link', { name: 'Städtetag Arnsberg–Sundern' }).waitFor();
        const frame = page.frameLocator('iframe');
        await frame.getByRole('link', { name: 'Delegationsbesuch aus Morogoro' }).waitFor();
        expect(await frameText(page)).toContain('Delegationsbesuch aus Morogoro');

        // The host's own styles (a serif font, red headings) stop at the widget; its theme variable gets in.
        const heading = await widgetStyle(page, 'h2');
        expect(heading.color).not.toBe('rgb(255, 0, 0)');
        expect(heading.fontFamily).not.toContain('Georgia');
        expect((await widgetStyle(page, 'a')).color).toBe('rgb(122, 31, 0)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        await page.screenshot({ path: screenshotFile('embedded-calendar', width), fullPage: true });
        if (width === SCREENSHOT_WIDTHS[0]) expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('should keep the iframe view accessible as a page of its own', async () => {
    const page = await chromium.browser.newPage();
    try {
      // The view's policy allows no scripts; the test lets axe in past it, as browser tools do.
      const session = await page.context().newCDPSession(page);
      await session.send('Page.setBypassCSP', { enabled: true });
      await page.setViewportSize({ width: SCREENSHOT_WIDTHS[0], height: 800 });
      await page.goto(`${apiUrl}/embed/organisations/${arnsberg.code.toLowerCase()}?lang=de`);
      await page.getByRole('heading', { name: 'Kommende Termine' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("should keep showing the list in the widget and the iframe pasted before the organisation's code changed", async () => {
    const sundern = await organisationWithKeys(api, { name: 'Stadt Sundern' });
    await createEvent(api, sundern.organiserKey, {
      title: 'Bürgerwerkstatt Sorpesee',
      startsAt: '2027-06-05T10:00',
      endsAt: '2027-06-05T13:00',
      status: 'published',
    });
    const site = await hostSite('en', sundern.code, apiUrl);
    const page = await chromium.browser.newPage();
    try {
      await api
        .http()
        .put(`/api/v1/organisations/${sundern.id}/embedding/origins`)
        .set(bearer(api.adminKey))
        .send({ origins: [siteUrl(site)] })
        .expect(200);
      await api
        .http()
        .patch(`/api/v1/organisations/${sundern.id}`)
        .set(bearer(sundern.organiserKey))
        .send({ code: uniqueCode('SUN') })
        .expect(200);
      await page.goto(siteUrl(site));
      await page
        .locator('.treffpunkt-calendar')
        .getByRole('link', { name: 'Bürgerwerkstatt Sorpesee' })
        .waitFor();
      await page.frameLocator('iframe').getByRole('link', { name: 'Bürgerwerkstatt Sorpesee' }).waitFor();
    } finally {
      await page.close();
      site.close();
    }
  });

  it('should refuse a site the organisation did not allow: no list in the widget, a blocked frame', async () => {
    const page = await chromium.browser.newPage();
    try {
      const listRequested = page.waitForRequest((request) => request.url().includes('/events?lang=de'));
      await page.goto(siteUrl(otherSite));
      await listRequested;
      // The browser refuses the answer (no CORS header for this site) and the widget takes itself away.
      await page.locator('.treffpunkt-calendar').waitFor({ state: 'detached' });
      expect(await frameText(page)).not.toContain('Städtetag');
      expect(await page.locator('body').innerText()).not.toContain('Städtetag');
      await page.screenshot({
        path: screenshotFile('embedded-calendar-refused', SCREENSHOT_WIDTHS[1]),
        fullPage: true,
      });
    } finally {
      await page.close();
    }
  });
});

/** What the embedded frame shows; a frame the browser refused shows its own error page or nothing. */
async function frameText(page: Page): Promise<string> {
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  try {
    return (await frame?.evaluate(() => document.body?.innerText ?? '')) ?? '';
  } catch {
    return '';
  }
}

async function widgetStyle(page: Page, selector: string): Promise<{ color: string; fontFamily: string }> {
  return page.evaluate((inside) => {
    const root = document.querySelector('.treffpunkt-calendar')?.shadowRoot;
    const element = root?.querySelector(inside);
    if (!element) throw new Error(`no ${inside} in the widget`);
    const style = getComputedStyle(element);
    return { color: style.color, fontFamily: style.fontFamily };
  }, selector);
}

function hostSite(language: 'de' | 'en', code: string, apiUrl: string): Promise<Server> {
  const html = `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Stadt Arnsberg</title>
    <style>
      body { margin: 0; font-family: Georgia, serif; color: #222; background: #f3efe6; }
      header, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
      h2 { color: red; }
      .treffpunkt-calendar { --treffpunkt-link: #7a1f00; --treffpunkt-background: #fffdf8; }
      iframe { display: block; width: 100%; height: 420px; border: 1px solid #999; }
    </style>
  </head>
  <body>
    <header><p>Stadt Arnsberg</p></header>
    <main>
      <h1>${language === 'en' ? 'Events in Arnsberg' : 'Veranstaltungen in Arnsberg'}</h1>
      <script src="${apiUrl}/embed.js" data-organisation="${code}" defer></script>
      <h2>${language === 'en' ? 'The calendar in a frame' : 'Der Kalender im Rahmen'}</h2>
      <iframe src="${apiUrl}/embed/organisations/${code.toLowerCase()}?lang=${language}" title="Termine von Stadt Arnsberg"></iframe>
    </main>
  </body>
</html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve(server)));
}

function siteUrl(server: Server): string {
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}
