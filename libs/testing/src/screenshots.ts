import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

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
}

/**
 * Shows HTML (an email's body, a page) in headless Chromium at a phone's and a desktop's width,
 * saves full-page screenshots to .run/screenshots/<name>-<width>.png for people to look at, and
 * reports what a test can assert on.
 */
export async function screenshotHtml(html: string, name: string): Promise<PageLook[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'treffpunkt-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
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
  try {
    const looks: PageLook[] = [];
    for (const width of SCREENSHOT_WIDTHS) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.setContent(html, { waitUntil: 'load' });
      const file = join(SCREENSHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const { scrollWidth, visibleText } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        visibleText: document.body.innerText,
      }));
      looks.push({ width, scrollWidth, visibleText, file });
      await page.close();
    }
    return looks;
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
