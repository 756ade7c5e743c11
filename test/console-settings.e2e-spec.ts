import { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { csrfTokenOf, expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { HttpsReceiver, startHttpsReceiver } from './https-receiver';
import { createOrganisation } from './planning-fixtures';

/** Each step loads a page, and each look takes two screenshots and two axe runs, on 2 shared cores. */
jest.setTimeout(180_000);

describe('the console settings in a browser', () => {
  let api: ApiHarness;
  let receiver: HttpsReceiver;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let organisation: { id: string; code: string };

  beforeAll(async () => {
    receiver = await startHttpsReceiver();
    api = await startApi({ env: () => ({ WEBHOOK_ALLOWED_HOSTS: 'localhost' }) });
    baseUrl = await listenForBrowser(api);
    organisation = await createOrganisation(api, { name: 'Stadt Sundern' });
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(api, browser, baseUrl, {
      email: 'ana.admin@sundern.example',
      name: 'Ana Admin',
      language: 'de',
      timeZone: 'Europe/Berlin',
      organisationId: organisation.id,
      role: 'admin',
    });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
    await receiver?.close();
  });

  /** The message tied to a field by aria-describedby after a wrong entry. */
  async function messageOf(label: string): Promise<string> {
    const described = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
    const id = described.split(' ').find((part) => part.endsWith('-error'));
    return id ? ((await page.locator(`#${id}`).textContent()) ?? '') : '';
  }

  it('should show my organisation, take it back with a message per wrong field, and save a right one', async () => {
    await page.goto(`${baseUrl}/console/settings`);
    await expectWellShown(page, 'console-settings-organisation', ['Meine Organisation', 'Kürzel', 'Team']);
    await page.getByLabel('Name', { exact: true }).fill(' ');
    await page.getByLabel('Land', { exact: true }).fill('ZZ');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Speichern' }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await expect(messageOf('Name')).resolves.toBe('Bitte geben Sie einen Namen ein.');
    await expect(messageOf('Land')).resolves.toContain('Länderkürzel aus zwei Buchstaben');
    await expect(page.getByLabel('Land', { exact: true }).inputValue()).resolves.toBe('ZZ');

    await page.getByLabel('Name', { exact: true }).fill('Stadt Sundern (Sauerland)');
    await page.getByLabel('Land', { exact: true }).fill('de');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Gespeichert.');
    const stored = await api.http().get(`/api/v1/organisations/${organisation.id}`).set(bearer(api.adminKey)).expect(200);
    expect(stored.body).toMatchObject({ name: 'Stadt Sundern (Sauerland)', country: 'DE' });
  });

  it('should issue an API key shown once that works, and revoke it so that it no longer does', async () => {
    await page.goto(`${baseUrl}/console/settings/api-keys`);
    await page.getByRole('button', { name: 'Schlüssel ausstellen' }).click();
    await expect(messageOf('Name')).resolves.toBe('Bitte geben Sie einen Namen ein.');

    await page.getByLabel('Name', { exact: true }).fill('Kalender-Export');
    await page.getByLabel('Rolle').selectOption('viewer');
    await page.getByRole('button', { name: 'Schlüssel ausstellen' }).click();
    const key = await page.getByLabel('Schlüssel', { exact: true }).inputValue();
    await expectWellShown(page, 'console-settings-api-keys', ['Kalender-Export', 'Lesend', 'nie']);
    await api.http().get('/api/v1/events').set(bearer(key)).expect(200);

    await page.getByRole('link', { name: /^Widerrufen\s*: Kalender-Export$/ }).click();
    await page.getByRole('button', { name: 'Widerrufen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('wurde widerrufen');
    await api.http().get('/api/v1/events').set(bearer(key)).expect(401);
  });

  it('should add a webhook endpoint, refusing a wrong address at its field, and show its secret once', async () => {
    await page.goto(`${baseUrl}/console/settings/webhooks`);
    await page.getByLabel('Adresse (https)').fill('http://hooks.example.org/treffpunkt');
    await page.getByRole('checkbox', { name: 'event.created' }).check();
    await page.getByRole('button', { name: 'Endpunkt hinzufügen' }).click();
    await expect(messageOf('Adresse (https)')).resolves.toContain('https-Adresse');

    const url = receiver.url('/treffpunkt', 'localhost');
    await page.getByLabel('Adresse (https)').fill(url);
    await page.getByLabel('Beschreibung').fill('CRM der Stadt');
    await page.getByRole('button', { name: 'Endpunkt hinzufügen' }).click();
    const secret = await page.getByLabel(`Signaturschlüssel: ${url}`).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectWellShown(page, 'console-settings-webhooks', [url, 'CRM der Stadt', 'event.created', 'noch keine']);
  });

  it('should set the origins that may embed, refusing a wrong one, and show the snippets to copy', async () => {
    await page.goto(`${baseUrl}/console/settings/embedding`);
    const origins = page.getByLabel('Websites, die den Kalender einbetten dürfen');
    await origins.fill('https://www.sundern.example/kalender');
    await page.getByRole('button', { name: 'Websites speichern' }).click();
    await expect(messageOf('Websites, die den Kalender einbetten dürfen')).resolves.toContain('ohne Pfad');

    await origins.fill('https://www.sundern.example\nhttps://rathaus.sundern.example');
    await page.getByRole('button', { name: 'Websites speichern' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Gespeichert.');
    const script = await page.getByLabel('Skript-Widget (empfohlen)').inputValue();
    expect(script).toContain(`data-organisation="${organisation.code}"`);
    expect(await page.getByLabel('iframe', { exact: true }).inputValue()).toContain('<iframe');
    await expect(origins.inputValue()).resolves.toBe('https://rathaus.sundern.example\nhttps://www.sundern.example');
    await expectWellShown(page, 'console-settings-embedding', ['Skript-Widget (empfohlen)', 'Gespeichert.']);
  });

  it("should show in the audit trail what was done, under the organiser's name, filterable by action", async () => {
    await page.goto(`${baseUrl}/console/settings/audit`);
    await expectWellShown(page, 'console-settings-audit', ['Protokoll', 'Ana Admin']);
    const trail = (await page.locator('tbody').textContent()) ?? '';
    for (const action of [
      'API-Schlüssel ausgegeben',
      'API-Schlüssel widerrufen',
      'Webhook angelegt',
      'Organisation geändert',
      'Websites mit eingebettetem Kalender geändert',
    ]) {
      expect(trail).toContain(action);
    }
    expect(trail).not.toMatch(/[a-z_]+\.[a-z_]+/);
    // The fields each change touched, in the organiser's words rather than the code's.
    expect(trail).toContain('Geändert: Adresse, Beschreibung, Zu sendende Nachrichten, Eingeschaltet');
    expect(trail).toContain('Geändert: Websites mit eingebettetem Kalender');
    expect(trail).toContain('Geändert: Name, Organisation, Rolle');
    expect(trail).not.toMatch(/[a-z][A-Z]|_/);
    await page.getByLabel('Aktion').selectOption({ label: 'API-Schlüssel widerrufen' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Ana Admin');
  });

  it('should show a viewer the settings read-only and refuse their changes with 403', async () => {
    await browser.clearCookies();
    await signInMember(api, browser, baseUrl, {
      email: 'vera.viewer@sundern.example',
      name: 'Vera Viewer',
      language: 'de',
      timeZone: 'Europe/Berlin',
      organisationId: organisation.id,
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/settings/api-keys`);
    await expect(page.getByRole('button', { name: 'Schlüssel ausstellen' }).count()).resolves.toBe(0);
    const csrf = await csrfTokenOf(page);
    const posts: Array<[string, Record<string, string>]> = [
      ['/console/settings/api-keys', { name: 'Hintertür', role: 'admin' }],
      ['/console/settings/embedding', { origins: 'https://evil.example' }],
      ['/console/settings/organisation', { name: 'X', code: 'XX', country: 'DE', timeZone: 'Europe/Berlin' }],
    ];
    for (const [path, form] of posts) {
      const refused = await page.request.post(`${baseUrl}${path}`, { form: { ...form, _csrf: csrf } });
      expect(refused.status()).toBe(403);
    }
    const audit = await page.goto(`${baseUrl}/console/settings/audit`);
    expect(audit?.status()).toBe(403);
  });
});
