import { BrowserContext, Page } from 'playwright-core';
import { AccountsService, SignInService } from '@app/accounts';
import { CheckInCodes } from '@app/attendance';
import { launchChromium, ReceivedMail } from '@app/testing';
import { bearer } from './api-harness';
import { csrfTokenOf, expectWellShown, freePort } from './console-fixtures';
import { addPerson, answerPath, invitationOf, invite, postAnswer } from './invitation-fixtures';
import { createEvent, createOrganisation } from './planning-fixtures';
import { MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

const LINK = /https?:\/\/[^\s"<>]+\/console\/sign-in\/[A-Za-z0-9_-]{43}/;
const CODE = /\b(\d{4}) (\d{4})\b/;
/** A sign-in email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 20_000;

/** The newest email to this address, waiting for it to arrive. */
async function mailTo(stack: MailingStack, address: string, count: number): Promise<ReceivedMail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const mails = stack.sink.received.filter((mail) => mail.recipients.includes(address));
    if (mails.length >= count) return mails[mails.length - 1];
    if (Date.now() > deadline) throw new Error(`No email number ${count} to ${address} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function linkIn(mail: ReceivedMail): string {
  const link = LINK.exec(mail.parsed?.text ?? '')?.[0];
  if (!link) throw new Error(`No sign-in link in: ${mail.parsed?.text}`);
  return link;
}

function codeIn(mail: ReceivedMail): string {
  const match = CODE.exec(mail.parsed?.text ?? '');
  if (!match) throw new Error(`No code in: ${mail.parsed?.text}`);
  return `${match[1]}${match[2]}`;
}

describe('the organiser console in a browser', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let organisationId: string;
  let organiserKey: string;
  const admin = 'ana.admin@arnsberg.example';
  const colleague = 'carl.colleague@arnsberg.example';

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    const organisation = await createOrganisation(stack.api, { name: 'Stadt Arnsberg' });
    organisationId = organisation.id;
    const key = (organiserKey = (
      await stack.api
        .http()
        .post('/api/v1/api-keys')
        .set(bearer(stack.api.adminKey))
        .send({ name: 'organiser', organisationId, role: 'organiser' })
        .expect(201)
    ).body.key as string);
    await createEvent(stack.api, key, {
      kind: 'city_day',
      title: 'Städtepartnerschaftstag 2031',
      startsAt: '2031-09-20T09:00',
      endsAt: '2031-09-20T17:00',
      startZone: 'Europe/Berlin',
      status: 'published',
    });
    await createEvent(stack.api, key, {
      kind: 'conference',
      title: 'Klimakonferenz (Entwurf)',
      startsAt: '2031-10-02T09:00',
      endsAt: '2031-10-02T16:00',
      startZone: 'Europe/Berlin',
    });
    await stack.api.app.get(AccountsService).ensureMember({
      email: admin,
      name: 'Ana Admin',
      language: 'de',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'admin',
    });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    // Each step is one page load on a loaded machine; a missing element should fail in seconds, not 30.
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
  });

  it('should send an organiser from the console to sign in, and mail a link and code to their address', async () => {
    await page.goto(`${baseUrl}/console?lang=de`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expectWellShown(page, 'console-sign-in', ['Anmelden', 'E-Mail-Adresse']);
    await page.getByLabel('E-Mail-Adresse').first().fill(admin);
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await expectWellShown(page, 'console-link-sent', ['Sehen Sie in Ihr Postfach', admin]);
    const mail = await mailTo(stack, admin, 1);
    expect(mail.parsed?.subject).toBe('Ihr Anmeldelink für Treffpunkt');
    expect(linkIn(mail).startsWith(`${baseUrl}/console/sign-in/`)).toBe(true);
    expect(codeIn(mail)).toMatch(/^\d{8}$/);
  });

  it('should answer an address without an account exactly as one with', async () => {
    const response = await page.request.post(`${baseUrl}/console/sign-in`, {
      form: { email: 'nobody@nowhere.example', lang: 'de' },
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('Wenn zu nobody@nowhere.example ein Konto gehört');
    const rows = await stack.api.dataSource.query(`SELECT 1 FROM sign_in_requests WHERE email = $1`, [
      'nobody@nowhere.example',
    ]);
    expect(rows).toHaveLength(0);
  });

  it('should sign in through the emailed link after a confirmation, and show the overview', async () => {
    const link = linkIn(await mailTo(stack, admin, 1));
    await page.goto(link);
    await expectWellShown(page, 'console-confirm', ['Bei Treffpunkt anmelden']);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    expect(new URL(page.url()).pathname).toBe('/console');
    await expectWellShown(page, 'console-overview', [
      'Übersicht',
      'Städtepartnerschaftstag 2031',
      'Klimakonferenz (Entwurf)',
      'Zugesagt',
      'Angemeldet als Ana Admin',
    ]);
    const cookies = await browser.cookies(baseUrl);
    const session = cookies.find((cookie) => cookie.name === 'treffpunkt_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('should refuse the same link a second time with a friendly page', async () => {
    const link = linkIn(await mailTo(stack, admin, 1));
    const second = await browser.newPage();
    try {
      const response = await second.goto(link);
      expect(response?.status()).toBe(400);
      // Signed out, the page speaks the browser's language (English here).
      await expectWellShown(second, 'console-invalid-link', [
        'This link does not work (any more)',
        'Ask for a new link',
      ]);
    } finally {
      await second.close();
    }
  });

  it('should refuse a cross-site POST and one without the session token, and change nothing', async () => {
    const token = await csrfTokenOf(page);
    const crossSite = await page.request.post(`${baseUrl}/console/settings/team/invitations`, {
      form: { _csrf: token, email: 'mallory@evil.example', name: 'Mallory', role: 'admin' },
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    const withoutToken = await page.request.post(`${baseUrl}/console/settings/team/invitations`, {
      form: { email: 'mallory@evil.example', name: 'Mallory', role: 'admin' },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(withoutToken.status()).toBe(403);
    const invited = await stack.api.dataSource.query(`SELECT 1 FROM sign_in_requests WHERE email = $1`, [
      'mallory@evil.example',
    ]);
    expect(invited).toHaveLength(0);
  });

  it('should let the admin invite a colleague as viewer, recorded in the audit trail under their name', async () => {
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Carl Colleague');
    await page.getByLabel('E-Mail', { exact: true }).fill(colleague);
    await page.getByLabel('Rolle', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expectWellShown(page, 'console-team-admin', [
      'Einladung an carl.colleague@arnsberg.example gesendet.',
      'Offene Einladungen',
    ]);
    const mail = await mailTo(stack, colleague, 1);
    expect(mail.parsed?.subject).toBe('Ana Admin lädt Sie zu Treffpunkt ein');
    const [entry] = await stack.api.dataSource.query(
      `SELECT actor_kind, actor_label FROM audit_entries WHERE action = 'membership.invited'`,
    );
    expect(entry).toEqual({ actor_kind: 'account', actor_label: 'Ana Admin' });
  });

  it('should keep the last admin: demoting oneself is refused', async () => {
    const accountId = (
      await stack.api.dataSource.query(`SELECT id FROM accounts WHERE email = $1`, [admin])
    )[0].id as string;
    const response = await page.request.post(`${baseUrl}/console/settings/team/members/${accountId}/role`, {
      form: { _csrf: await csrfTokenOf(page), role: 'viewer' },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain('only admin');
  });

  it('should end the session on sign-out: the old cookie opens nothing', async () => {
    const [cookie] = (await browser.cookies(baseUrl)).filter((c) => c.name === 'treffpunkt_session');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    const replayed = await stack.api
      .http()
      .get('/console')
      .set('Cookie', `treffpunkt_session=${cookie.value}`)
      .expect(303);
    expect(replayed.headers.location).toBe('/console/sign-in');
  });

  it('should let the invited colleague sign in with the code and see the team, but change nothing', async () => {
    const mail = await mailTo(stack, colleague, 1);
    await page.goto(`${baseUrl}/console/sign-in?lang=de`);
    await page.locator('#code-email').fill(colleague);
    await page.getByLabel('Code').fill(codeIn(mail));
    await page.getByRole('button', { name: 'Mit Code anmelden' }).click();
    expect(new URL(page.url()).pathname).toBe('/console');
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await expectWellShown(page, 'console-team-viewer', ['Carl Colleague', 'ändern können es nur Admins']);
    expect(await page.getByRole('button', { name: 'Einladung senden' }).count()).toBe(0);
    const forged = await page.request.post(`${baseUrl}/console/settings/team/invitations`, {
      form: {
        _csrf: await csrfTokenOf(page),
        email: 'friend@arnsberg.example',
        name: 'Friend',
        role: 'admin',
      },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const role = await stack.api.dataSource.query(
      `SELECT m.role FROM account_memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = $1`,
      [colleague],
    );
    expect(role).toEqual([{ role: 'viewer' }]);
  });

  it('should refuse an expired link with a friendly page', async () => {
    const link = await stack.api.app.get(SignInService).linkFor(admin);
    await stack.api.dataSource.query(
      `UPDATE sign_in_requests SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`,
    );
    const response = await page.goto(link);
    expect(response?.status()).toBe(400);
    const confirmed = await page.request.post(link, { headers: { Origin: baseUrl }, maxRedirects: 0 });
    expect(confirmed.status()).toBe(400);
  });

  it('should bring an organiser who scans a check-in code signed out back to it after signing in, by link or code', async () => {
    const olga = 'olga.organiser@arnsberg.example';
    await stack.api.app.get(AccountsService).ensureMember({
      email: olga,
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    });
    const event = await createEvent(stack.api, organiserKey, {
      kind: 'city_day',
      title: 'Stadtfest 2031',
      startsAt: '2031-06-20T09:00',
      endsAt: '2031-06-20T17:00',
      startZone: 'Europe/Berlin',
      status: 'published',
    });
    const amani = await addPerson(stack.api, organiserKey, { organisationId, name: 'Amani Mushi' });
    expect((await invite(stack.api, organiserKey, event.id, { personIds: [amani.id] })).status).toBe(201);
    await postAnswer(stack.api, await answerPath(stack.api, event.id, amani.id), 'accept', []).expect(303);
    const invitation = await invitationOf(stack.api, event.id, amani.id);
    const scanned = stack.api.app.get(CheckInCodes).url(event.id, invitation.id);
    const scannedPath = new URL(scanned).pathname;

    // By the emailed link, on a phone signed in to nothing.
    await browser.clearCookies();
    await page.goto(scanned);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(scannedPath);
    await page.getByLabel('Email address').first().fill(olga);
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await page.goto(linkIn(await mailTo(stack, olga, 1)));
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(page.url()).toBe(scanned);
    await expectWellShown(page, 'console-check-in-scan-after-sign-in', ['Amani Mushi', 'Stadtfest 2031']);

    // By the code, typed on the page that said the link was sent.
    await browser.clearCookies();
    await page.goto(scanned);
    await page.getByLabel('Email address').first().fill(olga);
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await page.getByLabel('Code').fill(codeIn(await mailTo(stack, olga, 2)));
    await page.getByRole('button', { name: 'Sign in with code' }).click();
    expect(page.url()).toBe(scanned);
  });

  it('should refuse a return address on another site, and not carry it through the sign-in', async () => {
    for (const next of [
      'https://evil.example/console',
      '//evil.example/console',
      '/\\evil.example',
      '/api/v1/events',
    ]) {
      const shown = await page.request.get(`${baseUrl}/console/sign-in?next=${encodeURIComponent(next)}`);
      expect(shown.status()).toBe(400);
      expect(await shown.text()).toContain('must be a path on this site under /console');
    }
    const code = await page.request.post(`${baseUrl}/console/sign-in/code`, {
      form: { email: admin, code: '12345678', next: 'https://evil.example/' },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(code.status()).toBe(400);
  });
});
