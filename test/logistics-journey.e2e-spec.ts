import { TestingModule, Test } from '@nestjs/testing';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DELEGATION_VISIT_2027, demoId, DemoModule, DemoProgrammeService, STAEDTETAG_2027 } from '@app/demo';
import { launchChromium } from '@app/testing';
import { expectWellShown, freePort, signInMember } from './console-fixtures';
import { answerPath } from './invitation-fixtures';
import { mailNumber, MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** An email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 30_000;
const CONFIRM_LINK = /(https?:\/\/\S+\/sign-up\/[A-Za-z0-9_-]{43})/;

const CITY_DAY_ID = demoId('event', STAEDTETAG_2027.key);
const VISIT_ID = demoId('event', DELEGATION_VISIT_2027.key);
const WORKSHOP = {
  digitalisierung: 'Workshop Digitalisierung: Gemeinsame Fachverfahren und Online-Dienste',
  klimaschutz: 'Workshop Klimaschutz: Kommunale Wärmeplanung gemeinsam umsetzen',
  bauen: 'Workshop Bauen und Mobilität: Radverbindung Arnsberg–Sundern',
};

/** The text of a PDF as poppler's pdftotext reads it. */
function pdfText(pdf: Buffer): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'logistics-journey-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Issue 11's "Done means", walked on the demo programme in one browser session, the way a
 * participant and an organiser meet it: an open sign-up to the Städtetag 2027 from the public
 * calendar with the confirmation through the real SMTP sink, one workshop per round, the Morogoro
 * delegation's hosts and rooming list, delegates' itineraries in English and Swahili, and the
 * organiser's participant exports and attendance list.
 */
describe('logistics journey on the demo programme', () => {
  let stack: MailingStack;
  let seed: TestingModule;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const paula = { name: 'Paula Pfeiffer', email: 'paula.pfeiffer@heimatverein-sundern.example' };

  /** The workshops Paula holds a seat in, by title, with the seat's status. */
  async function paulasSeats(): Promise<Record<string, string>> {
    const rows: Array<{ title: string; status: string }> = await stack.api.dataSource.query(
      `SELECT e.title, c.status FROM workshop_choices c
         JOIN invitations i ON i.id = c.invitation_id
         JOIN people p ON p.id = i.person_id
         JOIN events e ON e.id = c.event_id
        WHERE i.event_id = $1 AND p.email = $2 AND c.status <> 'withdrawn'`,
      [CITY_DAY_ID, paula.email],
    );
    return Object.fromEntries(rows.map((row) => [row.title, row.status]));
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    // The same modules as the seed:demo command, on the stack's throwaway database.
    seed = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, DemoModule],
    }).compile();
    await seed.init();
    await seed.get(DemoProgrammeService).load();
    await stack.api.changesSeen();
    await stack.api.app.listen(port, '127.0.0.1');
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await seed?.close();
    await stack?.close();
    await removeQueueKeys();
  });

  it('should take an open sign-up to the Städtetag 2027 from the public calendar, confirmed through the emailed link', async () => {
    await page.goto(`${baseUrl}/calendar/events/${CITY_DAY_ID}?lang=en`);
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: `Sign up: ${STAEDTETAG_2027.title}` }).waitFor();
    await expectWellShown(page, 'logistics-journey-sign-up', ['Your name', 'Email address', 'seats left']);
    await page.getByLabel('Your name').fill(paula.name);
    await page.getByLabel('Email address').fill(paula.email);
    await page.getByLabel('Language of our emails').selectOption('en');
    await page.getByLabel('Organisation (optional)').fill('Heimatverein Sundern');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    const confirmation = await mailNumber(stack.sink, paula.email, 1, MAIL_WAIT_MS);
    expect(confirmation.parsed?.subject).toBe(`Please confirm your sign-up: ${STAEDTETAG_2027.title}`);
    const link = CONFIRM_LINK.exec(confirmation.parsed?.text ?? '')?.[1];
    expect(link?.startsWith(`${baseUrl}/sign-up/`)).toBe(true);
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirm sign-up' }).click();
    await page.getByText('You have accepted.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/answer\/[A-Za-z0-9_-]{43}$/);
  });

  it('should let the signed-up person pick one workshop per round, and say which seat a second one replaces', async () => {
    const firstRound = page.getByRole('group', { name: /10:00 – 12:00/ });
    await firstRound.getByLabel(WORKSHOP.klimaschutz).check();
    await page
      .getByRole('group', { name: /13:00 – 15:00/ })
      .getByLabel(WORKSHOP.bauen)
      .check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(paulasSeats()).resolves.toEqual({
      [WORKSHOP.klimaschutz]: 'confirmed',
      [WORKSHOP.bauen]: 'confirmed',
    });
    await expectWellShown(page, 'logistics-journey-rounds', [
      '10:00 – 12:00',
      '13:00 – 15:00',
      `You hold a seat in “${WORKSHOP.klimaschutz}”. Choosing another workshop of this round gives that seat up`,
    ]);

    await firstRound.getByLabel(WORKSHOP.digitalisierung).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(paulasSeats()).resolves.toEqual({
      [WORKSHOP.digitalisierung]: 'confirmed',
      [WORKSHOP.bauen]: 'confirmed',
    });
  });

  it('should show the Morogoro delegation visit’s hosts and rooming list in the console', async () => {
    await signInMember(stack.api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: demoId('organisation', 'ARN'),
      role: 'organiser',
    });
    await page.goto(`${baseUrl}/console/hosting/${VISIT_ID}`);
    await expectWellShown(page, 'logistics-journey-hosting', [
      'Host families by night',
      'Ute Wiese',
      'Neema Mwakyusa',
      'Rooming list',
    ]);
    await page.getByRole('link', { name: 'Printable rooming list' }).click();
    await expectWellShown(page, 'logistics-journey-rooming-list', [
      `Rooming list: ${DELEGATION_VISIT_2027.title}`,
      'Neema Mwakyusa',
      'Juma Mfinanga',
    ]);
  });

  it('should print a delegate’s itinerary in English and one in Swahili, each time local at its place', async () => {
    const neema = demoId('person', 'neema.mwakyusa@morogoro-mc.example');
    const rehema = demoId('person', 'rehema.kibwana@morogoro-mc.example');
    const english = await answerPath(stack.api, VISIT_ID, neema);
    await page.goto(`${baseUrl}${english}/itinerary`);
    await expectWellShown(page, 'logistics-journey-itinerary-en', ['Your itinerary', 'Day 1']);
    const englishPdf = pdfText(await (await page.request.get(`${baseUrl}${english}/itinerary/pdf`)).body());
    expect(englishPdf).toMatch(/Your itinerary: Second delegation visit from Morogoro\s+to\s+Arnsberg/);
    expect(englishPdf).toContain('Day 1: Wednesday, 27 October 2027');
    // Departure in Dar es Salaam time (EAT, +03:00), arrival in Frankfurt on Berlin time (CEST, +02:00).
    expect(englishPdf).toMatch(/16:40 Dar es Salaam \(EAT\) – Thu 28 Oct, 06:15 Berlin \(CEST\)/);

    const swahili = await answerPath(stack.api, VISIT_ID, rehema);
    await page.goto(`${baseUrl}${swahili}/itinerary`);
    await expectWellShown(page, 'logistics-journey-itinerary-sw', ['Ratiba yako ya safari', 'Siku ya 1']);
    const swahiliPdf = pdfText(await (await page.request.get(`${baseUrl}${swahili}/itinerary/pdf`)).body());
    // The visit's Swahili title, not the German original (pdftotext wraps the long heading).
    expect(swahiliPdf).toMatch(
      /Ratiba yako ya safari: Ziara ya pili ya ujumbe kutoka Morogoro mjini\s+Arnsberg/,
    );
    expect(swahiliPdf).toContain('Siku ya 1');
    expect(swahiliPdf).toMatch(/16:40 Dar es Salaam \(EAT\)/);
    expect(swahiliPdf).toMatch(/06:15 Berlin \(CEST\)/);
  });

  it('should export the Städtetag’s participants as CSV and Excel and print its attendance list from the console', async () => {
    await page.goto(`${baseUrl}/console/answers/${CITY_DAY_ID}`);
    await expectWellShown(page, 'logistics-journey-exports', [
      'Export participants (CSV)',
      'Export participants (Excel)',
      paula.name,
    ]);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export participants (CSV)' }).click(),
    ]);
    const rows: string[][] = parse(readFileSync(await csv.path()), { bom: true });
    expect(rows[0][0]).toBe('Name');
    const paulasRow = rows.find((row) => row[0] === paula.name);
    expect(paulasRow?.join(' ')).toContain(WORKSHOP.digitalisierung);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export participants (Excel)' }).click(),
    ]);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const names: unknown[] = [];
    workbook.worksheets[0].getColumn(1).eachCell((cell) => names.push(cell.value));
    expect(names).toEqual(rows.map((row) => row[0]));

    await page.goto(`${baseUrl}/console/check-in/${CITY_DAY_ID}`);
    await expectWellShown(page, 'logistics-journey-check-in', [paula.name]);
    const attendance = await page.request.get(`${baseUrl}/console/check-in/${CITY_DAY_ID}/attendance.pdf`);
    expect(attendance.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await attendance.body());
    expect(text).toContain('Attendance list');
    expect(text).toMatch(/Name\s+Organisation\s+Signature/);
    expect(text).toContain(paula.name);
  });
});
