import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { source as axeSource } from 'axe-core';
import { BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium: the test machines can install it, but not download a browser of their own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '..', '.run', 'screenshots');
export const SCREENSHOT_WIDTHS = [390, 1280] as const;

export interface PageLook {
  width: number;
  /** Wider than `width` means the reader scrolls sideways. */
  scrollWidth: number;
  /** What a reader sees, as text. */
  visibleText: string;
  file: string;
  /** axe-core's findings, as "rule: element" lines (checked at the phone's width only). */
  accessibilityViolations: string[];
}

/**
 * A page stands alone; an email is shown inside the mail client's own page, whose landmarks
 * (main, regions) surround it, so axe's landmark rules do not apply to it.
 */
export type Shown = 'page' | 'email';
const RULES_OUTSIDE_EMAILS = ['landmark-one-main', 'region'];

export interface Screenshots {
  /**
   * Shows HTML (an email's body, a page) at a phone's and a desktop's width, saves full-page
   * screenshots to .run/screenshots/<name>-<width>.png for people to look at, checks it with
   * axe-core, and reports what a test can assert on.
   */
  look(html: string, name: string, shown?: Shown): Promise<PageLook[]>;
  close(): Promise<void>;
}

export interface Chromium {
  browser: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, which close() removes again; `locale` sets the browser's
 * language, which date inputs follow whatever the page's language is.
 */
export async function launchChromium(options: { locale?: string } = {}): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'treffpunkt-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    locale: options.locale,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where a test saves a screenshot for people to look at: .run/screenshots/<name>-<width>.png. */
export function screenshotFile(name: string, width: number): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}-${width}.png`);
}

/** One headless Chromium for many looks: starting it costs about a second. */
export async function openScreenshots(): Promise<Screenshots> {
  const chromium = await launchChromium();
  return {
    look: (html, name, shown = 'page') => look(chromium.browser, html, name, shown),
    close: () => chromium.close(),
  };
}

export async function screenshotHtml(html: string, name: string): Promise<PageLook[]> {
  const screenshots = await openScreenshots();
  try {
    return await screenshots.look(html, name);
  } finally {
    await screenshots.close();
  }
}

async function look(browser: BrowserContext, html: string, name: string, shown: Shown): Promise<PageLook[]> {
  const looks: PageLook[] = [];
  for (const width of SCREENSHOT_WIDTHS) {
    const page = await browser.newPage();
    try {
      await page.setViewportSize({ width, height: 800 });
      await page.setContent(html, { waitUntil: 'load' });
      looks.push(await capture(page, name, width, shown));
    } finally {
      await page.close();
    }
  }
  return looks;
}

/**
 * A page a browser test navigated to, as it is now, at a phone's and a desktop's width: the same
 * screenshots and checks as `look`, on the page the server sent (with its cookies and headers).
 */
export async function lookAtPage(page: Page, name: string): Promise<PageLook[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const looks: PageLook[] = [];
  for (const width of SCREENSHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    looks.push(await capture(page, name, width, 'page'));
  }
  return looks;
}

async function capture(page: Page, name: string, width: number, shown: Shown): Promise<PageLook> {
  const file = screenshotFile(name, width);
  await page.screenshot({ path: file, fullPage: true });
  const { scrollWidth, visibleText } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    visibleText: document.body.innerText,
  }));
  const accessibilityViolations =
    width === SCREENSHOT_WIDTHS[0]
      ? await axeViolations(page, shown === 'email' ? RULES_OUTSIDE_EMAILS : [])
      : [];
  return { width, scrollWidth, visibleText, file, accessibilityViolations };
}

interface AxeWindow {
  axe: {
    run(options: {
      rules: Record<string, { enabled: boolean }>;
      iframes: boolean;
    }): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }>;
  };
}

/**
 * axe-core's findings on the page, shadow roots included, as "rule: element" lines. Frames are
 * left out: a frame from another origin must be checked as a page of its own.
 */
export async function axeViolations(page: Page, rulesOff: string[] = []): Promise<string[]> {
  // Evaluated rather than added as a script tag: the console's CSP (script-src 'self') refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (off) => {
    const rules = Object.fromEntries(off.map((rule) => [rule, { enabled: false }]));
    const { violations } = await (window as unknown as AxeWindow).axe.run({ rules, iframes: false });
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  }, rulesOff);
}

export interface OnScreen {
  name: string;
  html: string;
  /** Texts a reader must see. */
  shows: string[];
}

/**
 * One test per page or email: whole on a phone and a desktop (nothing scrolls sideways), its key
 * texts visible, and no accessibility violations; one browser for the lot.
 */
export function describeOnScreen(title: string, shown: Shown, cases: OnScreen[]): void {
  describe(title, () => {
    let screenshots: Screenshots;
    beforeAll(async () => {
      screenshots = await openScreenshots();
    });
    afterAll(async () => {
      await screenshots.close();
    });

    it.each(cases)(
      'should show $name whole on a phone and a desktop, accessibly',
      async ({ name, html, shows }) => {
        for (const look of await screenshots.look(html, name, shown)) {
          expect(look.scrollWidth).toBeLessThanOrEqual(look.width);
          for (const text of shows) expect(look.visibleText).toContain(text);
          expect(look.accessibilityViolations).toEqual([]);
        }
      },
    );
  });
}
