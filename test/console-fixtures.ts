import { createServer } from 'node:net';
import { BrowserContext, Page } from 'playwright-core';
import { AccountsService, MemberSeed, SessionsService } from '@app/accounts';
import { lookAtPage } from '@app/testing';
import { ApiHarness } from './api-harness';

/** A port nobody listens on, for an API the browser reaches over real HTTP. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts listening on a free port and returns the base URL the browser uses. */
export async function listenForBrowser(api: ApiHarness): Promise<string> {
  const port = await freePort();
  await api.app.listen(port, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

/** Screenshots at both widths, nothing scrolling sideways, and axe without findings. */
export async function expectWellShown(page: Page, name: string, shows: string[]): Promise<void> {
  for (const look of await lookAtPage(page, name)) {
    expect(look.scrollWidth).toBeLessThanOrEqual(look.width);
    for (const text of shows) expect(look.visibleText).toContain(text);
    expect(look.accessibilityViolations).toEqual([]);
  }
}

/** The session's CSRF token, as every form of the page carries it. */
export async function csrfTokenOf(page: Page): Promise<string> {
  return page.locator('input[name="_csrf"]').first().inputValue();
}

/**
 * Signs a member in without the email round trip, which test/console.e2e-spec.ts covers: the
 * browser gets the cookie a sign-in would set. For suites that test a screen, not the sign-in.
 */
export async function signInMember(
  api: ApiHarness,
  browser: BrowserContext,
  baseUrl: string,
  member: MemberSeed,
): Promise<void> {
  const account = await api.app.get(AccountsService).ensureMember(member);
  const { token } = await api.app.get(SessionsService).start(account.id, member.organisationId);
  await browser.addCookies([{ name: 'treffpunkt_session', value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}
