import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { BrowserContext, Page } from 'playwright-core';
import { create as createQr, toString as qrSvg } from 'qrcode';
import { CheckInCodes } from '@app/attendance';
import { launchChromium } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { csrfTokenOf, expectWellShown, freePort, signInMember } from './console-fixtures';
import { addPerson, answerPath, cityDay, invitationOf, invite, postAnswer } from './invitation-fixtures';
import { OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

/** Each step loads a page in Chromium, and each look takes two screenshots and two axe runs. */
jest.setTimeout(180_000);

describe('Check-in: lists to tick on a phone, scanned codes, printed lists and reports', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let host: OrganisationKeys;
  let eventId: string;
  let workshopId: string;
  let partnershipId: string;
  const people: Record<string, { id: string; invitationId: string }> = {};

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: baseUrl }) });
    await api.app.listen(port, '127.0.0.1');
    host = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({ name: 'Arnsberg–Morogoro', memberOrganisationIds: [host.id] })
      .expect(201);
    partnershipId = partnership.body.id;
    // Starts within the hour: "today and soon" on the check-in screen.
    const start = DateTime.now().setZone('Europe/Berlin').plus({ hours: 1 }).startOf('minute');
    const day = await cityDay(api, {
      host,
      title: 'Städtetag Arnsberg 2027',
      start,
      workshops: [{ title: 'Klimaschutz', capacity: 20 }],
    });
    await api
      .http()
      .patch(`/api/v1/events/${day.event.id}`)
      .set(bearer(host.organiserKey))
      .send({ partnershipId })
      .expect(200);
    eventId = day.event.id;
    workshopId = day.workshops[0].id;
    for (const [name, answer, workshops] of [
      ['Zoe Müller', 'accept', [workshopId]],
      ['Amani Mushi', 'accept', []],
      ['Jana Becker', 'accept', [workshopId]],
      ['Peter Nein', 'decline', []],
    ] as const) {
      const person = await addPerson(api, host.organiserKey, { organisationId: host.id, name });
      expect((await invite(api, host.organiserKey, eventId, { personIds: [person.id] })).status).toBe(201);
      await postAnswer(api, await answerPath(api, eventId, person.id), answer, [...workshops]).expect(303);
      people[name] = { id: person.id, invitationId: (await invitationOf(api, eventId, person.id)).id };
    }
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: host.id,
      role: 'organiser',
    });
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  /** The counts line of the list shown, as a reader sees it. */
  async function counts(): Promise<string | undefined> {
    return (await page.locator('#counts').textContent())?.trim();
  }

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('should tick a name present on a 390 px phone, filter by name without scripts, and undo', async () => {
    await page.goto(`${baseUrl}/console/check-in`);
    await expectWellShown(page, 'console-check-in-index', [
      'Today and soon',
      'Städtetag Arnsberg 2027',
      'Klimaschutz',
    ]);
    await page.getByRole('link', { name: 'Städtetag Arnsberg 2027' }).click();
    await expect(counts()).resolves.toBe('0 of 3 present');
    const names = await page.locator('.attendees strong').allTextContents();
    expect(names).toEqual(['Amani Mushi', 'Jana Becker', 'Zoe Müller']);

    await page.getByLabel('Find a name').fill('jana');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('.attendees strong').allTextContents()).resolves.toEqual(['Jana Becker']);
    const button = page.getByRole('button', { name: 'Present: Jana Becker' });
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(counts()).resolves.toBe('1 of 3 present');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Jana Becker is checked in.',
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('jana');
    await page.goto(`${baseUrl}/console/check-in/${eventId}`);
    await expectWellShown(page, 'console-check-in', [
      '1 of 3 present',
      'Present since',
      'Amani Mushi',
      'Undo',
    ]);

    await page.getByRole('button', { name: 'Undo the check-in of Jana Becker' }).click();
    await expect(counts()).resolves.toBe('0 of 3 present');
    await page.getByRole('button', { name: 'Present: Jana Becker' }).click();
    const actions: Array<{ action: string }> = await api.dataSource.query(
      `SELECT action FROM audit_entries WHERE record_id = $1 AND action LIKE 'attendance.%' ORDER BY occurred_at, id`,
      [people['Jana Becker'].invitationId],
    );
    expect(actions.map((entry) => entry.action)).toEqual([
      'attendance.checked_in',
      'attendance.undone',
      'attendance.checked_in',
    ]);
  });

  it('should put a QR code of the console URL on the programme page, which checks the person in when scanned', async () => {
    const programme = await api
      .http()
      .get(`${await answerPath(api, eventId, people['Amani Mushi'].id)}/programme`)
      .expect(200);
    const expected = api.app.get(CheckInCodes).url(eventId, people['Amani Mushi'].invitationId);
    expect(expected).toMatch(
      new RegExp(`^${baseUrl}/console/check-in/${eventId}/[0-9a-f]{32}[A-Za-z0-9_-]{22}$`),
    );
    // No QR decoder is installed: the code must carry exactly this URL in its segments, and the page
    // must show the library's drawing of it.
    const segments = createQr(expected, { errorCorrectionLevel: 'M' }).segments as Array<{
      data: string | Uint8Array;
    }>;
    const carried = segments
      .map((segment) =>
        typeof segment.data === 'string' ? segment.data : Buffer.from(segment.data).toString('utf8'),
      )
      .join('');
    expect(carried).toBe(expected);
    expect(programme.text).toContain(
      await qrSvg(expected, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
    );

    await page.goto(expected);
    await expectWellShown(page, 'console-check-in-scan', ['Check in Amani Mushi?', 'Stadt Arnsberg']);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(counts()).resolves.toBe('2 of 3 present');
    await page.goto(expected);
    await expect(page.getByText('Already checked in at').isVisible()).resolves.toBe(true);

    // A code changed by one character names nobody.
    const forged = expected.slice(0, -1) + (expected.endsWith('A') ? 'B' : 'A');
    const refused = await page.goto(forged);
    expect(refused?.status()).toBe(404);
  });

  it('should list a workshop’s confirmed seats only', async () => {
    const sheet = await api
      .http()
      .get(`/api/v1/events/${workshopId}/attendance`)
      .set(bearer(host.viewerKey))
      .expect(200);
    expect(sheet.body.entries.map((entry: { name: string }) => entry.name)).toEqual([
      'Jana Becker',
      'Zoe Müller',
    ]);
  });

  it('should print the attendance list as a PDF with names sorted and a signature column', async () => {
    const response = await page.request.get(`${baseUrl}/console/check-in/${eventId}/attendance.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const folder = mkdtempSync(join(tmpdir(), 'attendance-'));
    try {
      const file = join(folder, 'list.pdf');
      writeFileSync(file, await response.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Attendance list');
      expect(text).toContain('Städtetag Arnsberg 2027');
      expect(text).toMatch(/Local time: .*Berlin/);
      expect(text).toMatch(/Name\s+Organisation\s+Signature/);
      const order = ['Amani Mushi', 'Jana Becker', 'Zoe Müller'].map((name) => text.indexOf(name));
      expect(order.every((position) => position > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).not.toContain('Peter Nein');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('should give funders a CSV report per event and per partnership, for Excel', async () => {
    const reports = [
      `/api/v1/events/${eventId}/attendance/report`,
      `/api/v1/partnerships/${partnershipId}/attendance/report`,
    ];
    for (const path of reports) {
      const response = await api
        .http()
        .get(path)
        .set(bearer(host.organiserKey))
        .buffer(true)
        .parse(textParser)
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const body = response.body as string;
      expect(body.startsWith('\ufeff')).toBe(true);
      const rows: string[][] = parse(body, { bom: true, delimiter: ';' });
      expect(rows[0]).toEqual(['Name', 'Organisation', 'Event', 'Date', 'Present', 'Checked in at']);
      const event = rows.filter((row) => row[2] === 'Städtetag Arnsberg 2027');
      expect(event.map((row) => [row[0], row[1], row[4]])).toEqual([
        ['Amani Mushi', 'Stadt Arnsberg', 'yes'],
        ['Jana Becker', 'Stadt Arnsberg', 'yes'],
        ['Zoe Müller', 'Stadt Arnsberg', 'no'],
      ]);
      expect(event[0][3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(event[0][5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(event[2][5]).toBe('');
    }
    const fromConsole = await page.request.get(`${baseUrl}/console/check-in/${eventId}/attendance.csv`);
    expect(fromConsole.status()).toBe(200);
    expect((await fromConsole.text()).startsWith('\ufeff')).toBe(true);
  });

  it('should check in through the API and answer bad input with a clear 4xx', async () => {
    const zoe = people['Zoe Müller'].invitationId;
    const changed = await api
      .http()
      .put(`/api/v1/events/${eventId}/attendance`)
      .set(bearer(host.organiserKey))
      .send({ changes: [{ invitationId: zoe, present: true }] })
      .expect(200);
    expect(changed.body).toMatchObject({ present: 3, expected: 3 });
    await api
      .http()
      .put(`/api/v1/events/${eventId}/attendance`)
      .set(bearer(host.viewerKey))
      .send({ changes: [{ invitationId: zoe, present: false }] })
      .expect(403);
    const invalid = await api
      .http()
      .put(`/api/v1/events/${eventId}/attendance`)
      .set(bearer(host.organiserKey))
      .send({ changes: [{ invitationId: 'nope', present: 'maybe' }] })
      .expect(400);
    expect(invalid.body.code).toBe('invalid_input');
    const stranger = await api
      .http()
      .put(`/api/v1/events/${eventId}/attendance`)
      .set(bearer(host.organiserKey))
      .send({ changes: [{ invitationId: people['Peter Nein'].invitationId, present: true }] })
      .expect(404);
    expect(stranger.body.code).toBe('attendee_not_found');
    await api
      .http()
      .get(`/api/v1/events/${UNKNOWN_ID}/attendance`)
      .set(bearer(host.organiserKey))
      .expect(404);
    const rows: Array<{ count: string }> = await api.dataSource.query(
      `SELECT count(*) FROM attendance WHERE event_id = $1`,
      [eventId],
    );
    expect(Number(rows[0].count)).toBe(3);
  });

  it('should show a viewer the list without tick buttons and refuse their ticks on the server', async () => {
    await browser.clearCookies();
    await signInMember(api, browser, baseUrl, {
      email: 'vera.viewer@arnsberg.example',
      name: 'Vera Viewer',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: host.id,
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/check-in/${eventId}`);
    await expect(page.getByText('only organisers and admins check people in').isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('button', { name: /Present|Undo/ }).count()).resolves.toBe(0);
    const refused = await page.request.post(`${baseUrl}/console/check-in/${eventId}/attendance`, {
      form: { _csrf: await csrfTokenOf(page), invitation: people['Amani Mushi'].invitationId, present: '0' },
    });
    expect(refused.status()).toBe(403);
  });
});
