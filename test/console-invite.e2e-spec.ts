import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, ReceivedMail } from '@app/testing';
import { ApiHarness, bearer } from './api-harness';
import { csrfTokenOf, expectWellShown, freePort, signInMember } from './console-fixtures';
import { countRows, createEvent, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';
import { MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** An invitation email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 20_000;

async function createPerson(api: ApiHarness, key: string, body: Record<string, unknown>): Promise<string> {
  const response = await api.http().post('/api/v1/people').set(bearer(key)).send(body).expect(201);
  return response.body.id as string;
}

/** Every email to these addresses, waiting until each has one. */
async function mailsTo(stack: MailingStack, addresses: string[]): Promise<Map<string, ReceivedMail>> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const found = new Map(
      addresses.flatMap((address) => {
        const mail = stack.sink.received.find((received) => received.recipients.includes(address));
        return mail ? [[address, mail] as const] : [];
      }),
    );
    if (found.size === addresses.length) return found;
    if (Date.now() > deadline) throw new Error(`Emails to ${addresses.join(', ')} did not all arrive`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the console: inviting people, organisations and partnerships', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let cityDayId: string;
  let pastEventId: string;
  let cancelledEventId: string;
  let arnsberg: { id: string; organiserKey: string };
  const petra = 'petra.schulz@arnsberg.example';
  const amani = 'amani.mwangi@morogoro.example';
  const john = 'john.okello@morogoro.example';

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    arnsberg = await organisationWithKeys(stack.api, { name: 'Stadt Arnsberg' });
    const morogoro = await organisationWithKeys(stack.api, {
      name: 'Morogoro Municipal Council',
      country: 'TZ',
      timeZone: 'Africa/Dar_es_Salaam',
      defaultLocale: 'sw',
    });
    await createPerson(stack.api, arnsberg.organiserKey, { name: 'Petra Schulz', email: petra, locale: 'de' });
    await stack.api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(stack.api.adminKey))
      .send({ name: 'Partnerschaft Arnsberg–Morogoro', memberOrganisationIds: [arnsberg.id, morogoro.id] })
      .expect(201);
    await createPerson(stack.api, morogoro.organiserKey, { name: 'Amani Mwangi', email: amani, locale: 'sw' });
    await createPerson(stack.api, morogoro.organiserKey, {
      name: 'John Okello',
      email: john,
      locale: 'en',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    const cityDay = await createEvent(stack.api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtepartnerschaftstag 2031',
      startsAt: '2031-09-20T09:00',
      endsAt: '2031-09-20T17:00',
      startZone: 'Europe/Berlin',
      status: 'published',
    });
    cityDayId = cityDay.id;
    await createEvent(stack.api, arnsberg.organiserKey, {
      kind: 'workshop',
      title: 'Klimaschutz vor Ort',
      parentId: cityDay.id,
      startsAt: '2031-09-20T10:00',
      endsAt: '2031-09-20T12:00',
      startZone: 'Europe/Berlin',
      capacity: 20,
      status: 'published',
    });
    pastEventId = (
      await createEvent(stack.api, arnsberg.organiserKey, {
        kind: 'conference',
        title: 'Konferenz 2023',
        startsAt: '2023-09-20T09:00',
        endsAt: '2023-09-20T17:00',
        startZone: 'Europe/Berlin',
        status: 'published',
      })
    ).id;
    cancelledEventId = (
      await createEvent(stack.api, arnsberg.organiserKey, {
        kind: 'conference',
        title: 'Klimakonferenz 2031',
        startsAt: '2031-10-02T09:00',
        endsAt: '2031-10-02T16:00',
        startZone: 'Europe/Berlin',
        status: 'cancelled',
      })
    ).id;
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(stack.api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: arnsberg.id,
      role: 'organiser',
    });
    page = await browser.newPage();
    // Each step is one page load on a loaded machine; a missing element should fail in seconds, not 30.
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
  });

  /** A form post as the page would send it, with the session's token. */
  async function post(path: string, form: Record<string, string>) {
    return page.request.post(`${baseUrl}${path}`, {
      form: { _csrf: await csrfTokenOf(page), ...form },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
  }

  it('should offer the upcoming events, not past ones, and the choice of people, organisations and workshops', async () => {
    await page.goto(`${baseUrl}/console/invitations`);
    await expectWellShown(page, 'console-invite-events', ['Invitations', 'Städtepartnerschaftstag 2031']);
    expect(await page.getByText('Konferenz 2023').count()).toBe(0);
    expect(await page.getByText('Klimakonferenz 2031').count()).toBe(0);
    await page.getByRole('link', { name: 'Städtepartnerschaftstag 2031' }).click();
    await expectWellShown(page, 'console-invite-form', [
      'Invite to Städtepartnerschaftstag 2031',
      'Petra Schulz',
      'Morogoro Municipal Council',
      'Klimaschutz vor Ort',
      '20 seats left',
      'Nobody is invited yet.',
    ]);
  });

  it('should preview the email in each recipient language without storing or sending anything', async () => {
    await page.getByLabel('Petra Schulz').check();
    await page.getByRole('checkbox', { name: /^Morogoro Municipal Council/ }).check();
    await page.getByLabel('Klimaschutz vor Ort').check();
    await page.getByRole('button', { name: 'Show preview' }).click();
    expect(new URL(page.url()).hash).toBe('#preview');
    // Chromium paints a frame of another origin only once it was on screen.
    await page.locator('.preview iframe').first().scrollIntoViewIfNeeded();
    await expectWellShown(page, 'console-invite-preview', [
      'Your choice names 3 people.',
      '3 get an invitation now.',
      'German: 1 person',
      'English: 1 person',
      'Swahili: 1 person',
      'Einladung: Städtepartnerschaftstag 2031',
    ]);
    const frames = page.locator('.preview iframe');
    expect(await frames.count()).toBe(3);
    const documents = await frames.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('srcdoc') ?? ''),
    );
    expect(documents[0]).toContain('Sie sind herzlich zu Städtepartnerschaftstag 2031 eingeladen.');
    expect(documents[1]).toContain('you are invited to Städtepartnerschaftstag 2031.');
    expect(documents[2]).toContain('umealikwa kwenye Städtepartnerschaftstag 2031.');
    const german = page.frameLocator('iframe[title="The invitation email in German"]');
    await expect(german.getByText('Guten Tag Petra Schulz,').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Petra Schulz').isChecked()).toBe(true);
    expect(await countRows(stack.api, 'invitations')).toBe(0);
    expect(await countRows(stack.api, 'emails')).toBe(0);
  });

  it('should send the invitations with the workshop seat, each email in its recipient language as previewed', async () => {
    const subjects = await page.locator('.preview [lang]').allTextContents();
    await page.getByRole('button', { name: 'Send 3 invitations' }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/invitations/${cityDayId}`);
    await expectWellShown(page, 'console-invite-sent', [
      '3 invitations sent',
      'See the answers',
      '3 people are invited.',
      'Stadt Arnsberg · invited already (no answer yet)',
    ]);
    const mails = await mailsTo(stack, [petra, john, amani]);
    expect(mails.get(petra)?.parsed?.subject).toBe(subjects[0]);
    expect(mails.get(john)?.parsed?.subject).toBe(subjects[1]);
    expect(mails.get(amani)?.parsed?.subject).toBe(subjects[2]);
    expect(subjects[0]).toMatch(/^Einladung: Städtepartnerschaftstag 2031/);
    expect(mails.get(amani)?.parsed?.text).toContain('umealikwa kwenye Städtepartnerschaftstag 2031.');
    expect(mails.get(john)?.parsed?.html).toContain('Hello John Okello,');
    const seats = await stack.api.dataSource.query(
      `SELECT c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id WHERE i.event_id = $1`,
      [cityDayId],
    );
    expect(seats).toEqual([{ status: 'confirmed' }, { status: 'confirmed' }, { status: 'confirmed' }]);
  });

  it('should not invite anyone twice, whole partnerships included', async () => {
    await page.getByLabel('Partnerschaft Arnsberg–Morogoro').check();
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText('3 are invited already and get nothing.').waitFor();
    expect(await page.getByText('Everyone you chose is invited already').count()).toBe(1);
    await page.getByRole('button', { name: 'Send 0 invitations' }).click();
    await page.getByText('0 invitations sent. 3 were already invited.').waitFor();
    expect(await countRows(stack.api, 'invitations')).toBe(3);
    expect(await countRows(stack.api, 'emails')).toBe(3);
  });

  it('should show the form again with a message for a choice that cannot be sent, and store nothing', async () => {
    await page.getByRole('button', { name: 'Send invitations' }).click();
    const nobody = page.locator('#recipients-problem');
    await expect(nobody.innerText()).resolves.toBe('Choose at least one person, organisation or partnership.');
    await expectWellShown(page, 'console-invite-problem', ['Please check your choice.']);
    const described = await page.locator('fieldset').first().getAttribute('aria-describedby');
    expect(described).toContain('recipients-problem');

    const unknown = await post(`/console/invitations/${cityDayId}/send`, { organisationIds: UNKNOWN_ID });
    expect(unknown.status()).toBe(422);
    expect(await unknown.text()).toContain('Some of the chosen organisations do not exist.');
    const forged = await post(`/console/invitations/${cityDayId}/send`, { personIds: 'not-an-id' });
    expect(forged.status()).toBe(422);
    expect(await forged.text()).toContain('Some of the chosen people are unknown');
    const past = await post(`/console/invitations/${pastEventId}/send`, { organisationIds: arnsberg.id });
    expect(past.status()).toBe(409);
    expect(await past.text()).toContain('The event is over');
    const cancelled = await post(`/console/invitations/${cancelledEventId}`, {
      step: 'preview',
      organisationIds: arnsberg.id,
    });
    expect([cancelled.status(), (await cancelled.text()).includes('The event is cancelled')]).toEqual([409, true]);
    expect(await countRows(stack.api, 'invitations')).toBe(3);
  });

  it('should show a viewer who is invited, in German, and refuse their posts', async () => {
    await signInMember(stack.api, browser, baseUrl, {
      email: 'vera.viewer@arnsberg.example',
      name: 'Vera Viewer',
      language: 'de',
      timeZone: 'Europe/Berlin',
      organisationId: arnsberg.id,
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/invitations/${cityDayId}`);
    await expectWellShown(page, 'console-invite-viewer', [
      'Zu Städtepartnerschaftstag 2031 einladen',
      'einladen können nur Organisator:innen und Admins',
      'Petra Schulz – noch keine Antwort',
    ]);
    expect(await page.locator('form[action^="/console/invitations/"]').count()).toBe(0);
    for (const path of [`/console/invitations/${pastEventId}/send`, `/console/invitations/${pastEventId}`]) {
      const refused = await post(path, { step: 'preview', organisationIds: arnsberg.id });
      expect(refused.status()).toBe(403);
    }
    expect(await countRows(stack.api, 'invitations')).toBe(3);
  });
});
