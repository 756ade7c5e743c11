import { BrowserContext, Page } from 'playwright-core';
import { AccountsService } from '@app/accounts';
import { launchChromium } from '@app/testing';
import { ApiHarness, startApi } from './api-harness';
import { csrfTokenOf, expectWellShown, freePort } from './console-fixtures';
import { OidcTestProvider, startOidcTestProvider } from './oidc-test-provider';
import { createOrganisation } from './planning-fixtures';

const ANA = 'ana.admin@arnsberg.example';

describe('single sign-on to the console through an OpenID Connect provider', () => {
  let api: ApiHarness;
  let provider: OidcTestProvider;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcTestProvider(`${baseUrl}/console/sso/callback`, {
      ana: { email: 'Ana.Admin@arnsberg.example', emailVerified: true, name: 'Ana A.' },
      mo: { email: 'mo.unknown@arnsberg.example', emailVerified: true, name: 'Mo Unknown' },
      una: { email: 'una.unverified@arnsberg.example', emailVerified: false, name: 'Una' },
    });
    api = await startApi({
      env: () => ({
        PUBLIC_BASE_URL: baseUrl,
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_DISPLAY_NAME: 'Keycloak',
      }),
    });
    await api.app.listen(port, '127.0.0.1');
    const organisation = await createOrganisation(api, { name: 'Stadt Arnsberg' });
    for (const [email, name] of [
      [ANA, 'Ana Admin'],
      ['una.unverified@arnsberg.example', 'Una Unverified'],
    ]) {
      await api.app.get(AccountsService).ensureMember({
        email,
        name,
        language: 'de',
        timeZone: 'Europe/Berlin',
        organisationId: organisation.id,
        role: 'admin',
      });
    }
    ({ browser, close: closeBrowser } = await launchChromium());
    // The provider's development pages load a web font; nothing leaves this machine.
    await browser.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await provider?.close();
    await api?.close();
  });

  /** From the sign-in page through the provider's login and consent pages, back to Treffpunkt. */
  async function signInAtProvider(login: string): Promise<void> {
    await browser.clearCookies();
    await page.goto(`${baseUrl}/console/sign-in?lang=de`);
    await page.getByRole('link', { name: 'Mit Keycloak anmelden' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === baseUrl);
  }

  async function sessionsOf(email: string): Promise<Array<{ sign_in_method: string }>> {
    return api.dataSource.query(
      `SELECT s.sign_in_method FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email = $1`,
      [email],
    );
  }

  it('should sign an invited organiser in through the provider, and name them in the audit trail', async () => {
    await page.goto(`${baseUrl}/console/sign-in?lang=de`);
    await expectWellShown(page, 'console-sso-sign-in', ['Mit Keycloak anmelden', 'E-Mail-Adresse']);
    await signInAtProvider('ana');
    expect(new URL(page.url()).pathname).toBe('/console');
    await expectWellShown(page, 'console-sso-overview', ['Übersicht', 'Angemeldet als Ana Admin']);
    expect(await sessionsOf(ANA)).toEqual([{ sign_in_method: 'single_sign_on' }]);
    const cookies = await browser.cookies(baseUrl);
    expect(cookies.find((cookie) => cookie.name === 'treffpunkt_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookies.find((cookie) => cookie.name === 'treffpunkt_sso')).toBeUndefined();

    const invited = await page.request.post(`${baseUrl}/console/settings/team/invitations`, {
      form: { _csrf: await csrfTokenOf(page), email: 'carl@arnsberg.example', name: 'Carl', role: 'viewer' },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });
    expect(invited.status()).toBeLessThan(400);
    const entries = await api.dataSource.query(
      `SELECT actor_kind, actor_label FROM audit_entries WHERE action = 'membership.invited'`,
    );
    expect(entries).toEqual([{ actor_kind: 'account', actor_label: 'Ana Admin' }]);
  });

  it('should refuse an address without an account with a page that says to ask for an invitation', async () => {
    await signInAtProvider('mo');
    // Signed out, the page speaks the browser's language (English here), as the email sign-in's do.
    await expectWellShown(page, 'console-sso-unknown', [
      'No account for this address yet',
      'mo.unknown@arnsberg.example',
    ]);
    const response = await page.request.get(page.url());
    // The flow was used up by the first visit: a reload is a spent flow, not a second try.
    expect(response.status()).toBe(400);
    expect(await browser.cookies(baseUrl)).not.toContainEqual(
      expect.objectContaining({ name: 'treffpunkt_session' }),
    );
    expect(
      await api.dataSource.query(`SELECT 1 FROM accounts WHERE email = 'mo.unknown@arnsberg.example'`),
    ).toHaveLength(0);
  });

  it('should refuse an address the provider has not verified', async () => {
    await signInAtProvider('una');
    expect(await page.locator('h1').textContent()).toBe('Email address not verified');
    expect(await sessionsOf('una.unverified@arnsberg.example')).toEqual([]);
  });

  it('should refuse a callback whose state was tampered with, and sign nobody in', async () => {
    await browser.clearCookies();
    // The browser holds this flow's cookie, but reaches the provider with another state.
    const leaving = await page.request.get(`${baseUrl}/console/sso`, { maxRedirects: 0 });
    const authorization = new URL(leaving.headers().location);
    authorization.searchParams.set('state', 'forged-by-an-attacker');
    await page.goto(authorization.href);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === baseUrl);
    expect(await page.locator('h1').textContent()).toBe('Sign-in could not be completed');
    expect(await sessionsOf(ANA)).toHaveLength(1);
  });

  it('should show a refusal at the provider as such (403), and a provider that is down as 502', async () => {
    await browser.clearCookies();
    const leaving = await page.request.get(`${baseUrl}/console/sso`, { maxRedirects: 0 });
    expect(leaving.status()).toBe(303);
    const authorization = new URL(leaving.headers().location);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    const state = authorization.searchParams.get('state')!;
    const denied = await page.request.get(
      `${baseUrl}/console/sso/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(denied.status()).toBe(403);
    expect(await denied.text()).toContain('Sign-in was not allowed');

    const again = new URL(
      (await page.request.get(`${baseUrl}/console/sso`, { maxRedirects: 0 })).headers().location,
    );
    await provider.close();
    const down = await page.request.get(
      `${baseUrl}/console/sso/callback?code=a-code&state=${again.searchParams.get('state')}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(down.status()).toBe(502);
    const page502 = await down.text();
    expect(page502).toContain('Identity provider not reachable');
    expect(page502).not.toMatch(/at \w+ \(|Error:/);
  });
});
