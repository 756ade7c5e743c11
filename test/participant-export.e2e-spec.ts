import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { DateTime } from 'luxon';
import { BrowserContext, Page } from 'playwright-core';
import { Test } from 'supertest';
import { seedPeople } from '@app/planning';
import { launchChromium, pdfText } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import {
  addPerson,
  answerPath,
  invitationOf,
  invite,
  Person,
  postAnswer,
  wallTime,
} from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

/** Keeps a body as the bytes sent: a file is checked as a file, byte order mark and all. */
function bytes(response: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The size of list the exports are built for. */
const LARGE_LIST = 5_000;

describe('participant lists and printed programmes', () => {
  let api: ApiHarness;
  let host: OrganisationKeys;
  let eventId: string;
  let tripId: string;
  let start: DateTime;
  let jurgen: Person;
  let mallory: Person;
  let answeredAt: Date;

  const download = (url: string, key = host.organiserKey): Test =>
    api.http().get(url).set(bearer(key)).buffer(true).parse(bytes);
  const participants = (format: string, query = '', key?: string) =>
    download(`/api/v1/events/${eventId}/participants.${format}${query}`, key);

  beforeAll(async () => {
    api = await startApi();
    host = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    start = DateTime.fromISO('2031-05-15T09:00', { zone: 'Europe/Berlin' });
    const event = await createEvent(api, host.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag Arnsberg 2031',
      startsAt: wallTime(start),
      endsAt: wallTime(start.plus({ hours: 8 })),
      startZone: 'Europe/Berlin',
      venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
      status: 'published',
    });
    eventId = event.id;
    const workshop = (title: string, from: number, to: number) =>
      createEvent(api, host.organiserKey, {
        kind: 'workshop',
        title,
        parentId: eventId,
        startsAt: wallTime(start.set({ hour: from })),
        endsAt: wallTime(start.set({ hour: to })),
        startZone: 'Europe/Berlin',
        status: 'published',
        capacity: 1,
      });
    const klima = await workshop('Klimaschutz', 10, 12);
    await workshop('Digitalisierung', 10, 12);
    const wasser = await workshop('Wasser', 13, 14);
    jurgen = await addPerson(api, host.organiserKey, {
      name: 'Jürgen Müller-Lüdenscheid',
      department: 'Straßenbau',
      locale: 'de',
    });
    mallory = await addPerson(api, host.organiserKey, {
      name: 'Mallory Meier',
      department: '=HYPERLINK("https://evil.example","Klick")',
      locale: 'sw',
    });
    // One after the other: seats go in invitation order, so Jürgen holds them and Mallory waits.
    for (const person of [jurgen, mallory]) {
      const invited = await invite(api, host.organiserKey, eventId, {
        personIds: [person.id],
        workshopIds: [klima.id, wasser.id],
      });
      expect(invited.status).toBe(201);
    }
    expect(
      (await postAnswer(api, await answerPath(api, eventId, jurgen.id), 'accept', [klima.id, wasser.id]))
        .status,
    ).toBeLessThan(400);
    answeredAt = (await invitationOf(api, eventId, jurgen.id)).responded_at!;

    const trip = await createEvent(api, host.organiserKey, {
      kind: 'exchange_trip',
      title: 'Delegationsreise Morogoro 2031',
      startsAt: '2031-09-20T18:00',
      endsAt: '2031-09-27T12:00',
      startZone: 'Europe/Berlin',
      endZone: 'Africa/Dar_es_Salaam',
      status: 'published',
    });
    tripId = trip.id;
    await createEvent(api, host.organiserKey, {
      kind: 'travel_leg',
      title: 'Flug FRA–DAR',
      parentId: tripId,
      startsAt: '2031-09-20T20:00',
      startZone: 'Europe/Berlin',
      endsAt: '2031-09-21T06:30',
      endZone: 'Africa/Dar_es_Salaam',
      status: 'published',
    });
    await createEvent(api, host.organiserKey, {
      kind: 'site_visit',
      title: 'Besuch der Wasserwerke',
      parentId: tripId,
      startsAt: '2031-09-22T09:30',
      endsAt: '2031-09-22T12:00',
      startZone: 'Africa/Dar_es_Salaam',
      status: 'published',
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('should export CSV with a byte order mark, umlauts intact, a seat column per round and formulas defused', async () => {
    const response = await participants('csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('participants-stadtetag-arnsberg-2031.csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body as Buffer;
    expect(body.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows]: string[][] = parse(body, { bom: true, delimiter: ',' });
    expect(header).toEqual([
      'Name',
      'Email',
      'Organisation',
      'Department',
      'Language',
      'Answer',
      'Invited (Europe/Berlin)',
      'Answered (Europe/Berlin)',
      'Round 1: Thu 15 May, 10:00–12:00',
      'Round 2: Thu 15 May, 13:00–14:00',
    ]);
    const byName = new Map(rows.map((row) => [row[0], row]));
    const answered = DateTime.fromJSDate(answeredAt, { zone: 'Europe/Berlin' }).toFormat('yyyy-MM-dd HH:mm');
    expect(byName.get('Jürgen Müller-Lüdenscheid')).toEqual([
      'Jürgen Müller-Lüdenscheid',
      jurgen.email,
      'Stadt Arnsberg',
      'Straßenbau',
      'Deutsch',
      'Accepted',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/),
      answered,
      'Klimaschutz',
      'Wasser',
    ]);
    const malloryRow = byName.get('Mallory Meier')!;
    expect(malloryRow[3]).toBe(`'=HYPERLINK("https://evil.example","Klick")`);
    expect(malloryRow.slice(4, 6)).toEqual(['Kiswahili', 'No answer yet']);
    expect(malloryRow.slice(7)).toEqual(['', 'Klimaschutz (waiting list)', 'Wasser (waiting list)']);
  });

  it('should separate German CSV by semicolons, with German headers', async () => {
    const response = await participants('csv', '?lang=de').expect(200);
    const [header, ...rows]: string[][] = parse(response.body as Buffer, { bom: true, delimiter: ';' });
    expect(header.slice(0, 6)).toEqual(['Name', 'E-Mail', 'Organisation', 'Abteilung', 'Sprache', 'Antwort']);
    expect(header[8]).toBe('Runde 1: Do., 15. Mai, 10:00–12:00');
    expect(rows.find((row) => row[0] === 'Mallory Meier')?.[8]).toBe('Klimaschutz (Warteliste)');
  });

  it('should export an Excel workbook with a frozen, filtered header and real dates in the event’s zone', async () => {
    const response = await participants('xlsx').expect(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new Workbook();
    // exceljs types load()'s argument as an ArrayBuffer, which a Node Buffer no longer passes for.
    await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Participants');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Name', 'Email', 'Organisation']);
    const rows = [2, 3].map((number) => sheet.getRow(number));
    const jurgenRow = rows.find((row) => row.getCell(1).value === 'Jürgen Müller-Lüdenscheid')!;
    const answered = jurgenRow.getCell(8);
    expect(answered.value).toBeInstanceOf(Date);
    const local = DateTime.fromJSDate(answeredAt, { zone: 'Europe/Berlin' });
    expect(DateTime.fromJSDate(answered.value as Date, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      local.toFormat('yyyy-MM-dd HH:mm'),
    );
    expect(answered.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(jurgenRow.getCell(9).value).toBe('Klimaschutz');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual('Jürgen Müller-Lüdenscheid'.length);
  });

  it('should let a viewer export without sensitive answers, refuse them with, and record both exports', async () => {
    await participants('csv', '', host.viewerKey).expect(200);
    const refused = await api
      .http()
      .get(`/api/v1/events/${eventId}/participants.xlsx?includeSensitive=true`)
      .set(bearer(host.viewerKey))
      .expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('forbidden');
    await participants('csv', '?includeSensitive=true').expect(200);
    const trail = await api
      .http()
      .get(`/api/v1/audit?action=event.participants_exported&recordType=event&recordId=${eventId}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    const details = (trail.body.items as Array<{ details: Record<string, unknown> }>).map(
      (item) => item.details,
    );
    expect(details).toContainEqual({ format: 'csv', includeSensitive: true, rows: 2 });
    expect(details).toContainEqual({ format: 'csv', includeSensitive: false, rows: 2 });
  });

  it('should answer bad requests with a clear 4xx, never a file or a 500', async () => {
    const problem = async (request: Test, status: number, field?: string) => {
      const response = await request;
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(response.body.problems)).toContain(field);
    };
    const get = (url: string, key = host.organiserKey) => api.http().get(url).set(bearer(key));
    await problem(get(`/api/v1/events/${eventId}/participants.csv?lang=fr`), 400, 'lang');
    await problem(
      get(`/api/v1/events/${eventId}/participants.csv?includeSensitive=perhaps`),
      400,
      'includeSensitive',
    );
    await problem(get(`/api/v1/events/${eventId}/participants.xlsx?format=pdf`), 400);
    await problem(get(`/api/v1/events/not-an-id/participants.csv`), 400, 'id');
    await problem(get(`/api/v1/events/${UNKNOWN_ID}/participants.csv`), 404);
    await problem(get(`/api/v1/events/${eventId}/programme.pdf?lang=xx`), 400, 'lang');
    await problem(get(`/api/v1/events/${UNKNOWN_ID}/programme.pdf`), 404);
    const stranger = await organisationWithKeys(api, { name: 'Stadt Sundern' });
    await problem(get(`/api/v1/events/${eventId}/participants.csv`, stranger.organiserKey), 403);
    await problem(api.http().get(`/api/v1/events/${eventId}/participants.csv`), 401);
  });

  it('should print the programme in Swahili, parallel workshops together, in local time', async () => {
    const response = await download(`/api/v1/events/${eventId}/programme.pdf?lang=sw`).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('Städtetag Arnsberg 2031');
    expect(text).toContain('Ratiba');
    expect(text).toContain('Lini');
    expect(text).toContain('Rathaus Arnsberg, Rathausplatz 2, 59759 Arnsberg');
    expect(text).toContain('Kwa wakati mmoja: kimoja kati ya 2');
    expect(text).toMatch(/10:00–12:00\s+Digitalisierung/);
    expect(text).toMatch(/10:00–12:00\s+Klimaschutz/);
    expect(text).toMatch(/13:00–14:00\s+Wasser/);
    expect(text).toContain('Ukurasa 1 kati ya 1');
  });

  it('should print a flight with each end in its own zone, in German', async () => {
    const response = await download(`/api/v1/events/${tripId}/programme.pdf?lang=de`).expect(200);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('Programm');
    expect(text).toMatch(/20:00 Berlin \(MESZ\/CEST\)\s+Flug FRA–DAR\s+– 06:30 Dar es Salaam \(EAT\)/);
    expect(text).toContain('Flug FRA–DAR');
    expect(text).toMatch(/Samstag, 20\. September 2031/);
    expect(text).toMatch(/09:30–12:00\s+Besuch der Wasserwerke/);
  });

  it(
    'should export 5,000 invitations to both formats in one request each',
    async () => {
      const guests = await organisationWithKeys(api, { name: 'Morogoro Municipal Council', country: 'TZ' });
      await api.dataSource.transaction((manager) =>
        seedPeople(
          manager,
          Array.from({ length: LARGE_LIST }, (_, index) => ({
            id: randomUUID(),
            name: `Gast ${String(index).padStart(4, '0')} Müßig`,
            email: `gast-${index}-${randomUUID()}@morogoro.example`,
            organisationId: guests.id,
            department: null,
            locale: 'sw' as const,
            timeZone: 'Africa/Dar_es_Salaam',
          })),
        ),
      );
      const large = await createEvent(api, host.organiserKey, {
        kind: 'conference',
        title: 'Partnerschaftskonferenz 2031',
        startsAt: wallTime(start.plus({ days: 10 })),
        endsAt: wallTime(start.plus({ days: 10, hours: 8 })),
        startZone: 'Europe/Berlin',
        status: 'published',
      });
      expect((await invite(api, host.organiserKey, large.id, { organisationIds: [guests.id] })).status).toBe(
        201,
      );

      const csv = await download(`/api/v1/events/${large.id}/participants.csv`).expect(200);
      const rows: string[][] = parse(csv.body as Buffer, { bom: true });
      expect(rows).toHaveLength(LARGE_LIST + 1);
      expect(rows[1][0]).toBe('Gast 0000 Müßig');
      const xlsx = await download(`/api/v1/events/${large.id}/participants.xlsx`).expect(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
      expect(workbook.worksheets[0].rowCount).toBe(LARGE_LIST + 1);
      expect((csv.body as Buffer).length).toBeLessThan(2_000_000);
    },
    // Inviting 5,000 people and two exports of 25 pages each: seconds when quiet, more under load.
    180_000,
  );

  describe('from the console', () => {
    let baseUrl: string;
    let browser: BrowserContext;
    let closeBrowser: () => Promise<void>;
    let page: Page;

    beforeAll(async () => {
      baseUrl = await listenForBrowser(api);
      ({ browser, close: closeBrowser } = await launchChromium());
      page = await browser.newPage();
      page.setDefaultTimeout(15_000);
    });

    afterAll(async () => {
      await closeBrowser?.();
    });

    async function signIn(role: 'organiser' | 'viewer'): Promise<void> {
      await browser.clearCookies();
      await signInMember(api, browser, baseUrl, {
        email: `${role}.exports@arnsberg.example`,
        name: role === 'organiser' ? 'Olga Organiser' : 'Vera Viewer',
        language: 'en',
        timeZone: 'Europe/Berlin',
        organisationId: host.id,
        role,
      });
    }

    it('should download the participant list as CSV and Excel from the answers screen', async () => {
      await signIn('organiser');
      await page.goto(`${baseUrl}/console/answers/${eventId}`);
      await expectWellShown(page, 'console-exports-answers', [
        'Export participants (CSV)',
        'Export participants (Excel)',
        'Include sensitive answers',
        'Print programme',
      ]);
      await page.getByLabel('Include sensitive answers').check();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export participants (CSV)' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe('participants-stadtetag-arnsberg-2031.csv');
      const rows: string[][] = parse(readFileSync(await csv.path()), { bom: true });
      expect(rows.map((row) => row[0])).toEqual(['Name', 'Jürgen Müller-Lüdenscheid', 'Mallory Meier']);
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export participants (Excel)' }).click(),
      ]);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(await xlsx.path());
      expect(workbook.worksheets[0].getCell('A2').value).toBe('Jürgen Müller-Lüdenscheid');
      const trail = await api.dataSource.query(
        `SELECT actor_label AS label, details FROM audit_entries
          WHERE action = 'event.participants_exported' AND actor_kind = 'account' ORDER BY id`,
      );
      expect(trail).toEqual([
        { label: 'Olga Organiser', details: { format: 'csv', includeSensitive: true, rows: 2 } },
        { label: 'Olga Organiser', details: { format: 'xlsx', includeSensitive: true, rows: 2 } },
      ]);
    });

    it('should print the programme in the chosen language from the event’s page in the programme', async () => {
      await page.goto(`${baseUrl}/console/programme/events/${eventId}`);
      await page.getByLabel('Language of the programme').selectOption('sw');
      await expectWellShown(page, 'console-exports-programme', [
        'Print programme',
        'Export participants (CSV)',
      ]);
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Print programme' }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe('programme-sw-stadtetag-arnsberg-2031.pdf');
      expect(pdfText(readFileSync(await pdf.path()))).toContain('Ratiba');
    });

    it('should not offer sensitive answers to a viewer, and refuse them when asked anyway', async () => {
      await signIn('viewer');
      await page.goto(`${baseUrl}/console/answers/${eventId}`);
      await page.getByRole('button', { name: 'Export participants (CSV)' }).waitFor();
      await expect(page.getByLabel('Include sensitive answers').count()).resolves.toBe(0);
      const refused = await page.goto(
        `${baseUrl}/console/exports/events/${eventId}/participants?format=csv&includeSensitive=true`,
      );
      expect(refused?.status()).toBe(403);
      const bad = await page.goto(`${baseUrl}/console/exports/events/${eventId}/participants?format=ods`);
      expect(bad?.status()).toBe(400);
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
  });
});
