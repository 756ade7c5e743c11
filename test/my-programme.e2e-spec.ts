import { DateTime } from 'luxon';
import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, readCalendar, ReceivedMail, SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, startApi, textParser } from './api-harness';
import { expectWellShown, freePort } from './console-fixtures';
import { eventually } from './email-fixtures';
import { addPerson, cityDay, invite, postAnswer, wallTime } from './invitation-fixtures';
import { createEvent } from './planning-fixtures';
import { fastMailSettings, startWorker, WorkerHarness } from './worker-harness';

/** Pages load in Chromium, each look takes two screenshots and two axe runs, emails go through the worker. */
jest.setTimeout(180_000);

describe('My programme: the participant’s own page and links', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let delegate: { id: string; email: string; name: string };
  let programmePath: string;

  /** Emails of one kind to one person, as the sink received them (matched by Message-ID). */
  async function received(kind: string, personId: string): Promise<ReceivedMail[]> {
    const rows: Array<{ message_id: string | null }> = await api.dataSource.query(
      `SELECT message_id FROM emails WHERE kind = $1 AND person_id = $2 AND status = 'sent'`,
      [kind, personId],
    );
    const ids = new Set(rows.map((row) => row.message_id));
    return sink.received.filter((mail) => ids.has(mail.messageId));
  }

  function arrived(kind: string, personId: string, count = 1): Promise<ReceivedMail[]> {
    return eventually(
      async () => {
        const mails = await received(kind, personId);
        return mails.length >= count ? mails : undefined;
      },
      60_000,
      `${count} ${kind} email(s)`,
    );
  }

  function pathIn(mail: ReceivedMail, pattern: RegExp): string {
    const match = pattern.exec(mail.parsed?.text ?? '');
    if (!match) throw new Error(`No ${String(pattern)} in:\n${mail.parsed?.text}`);
    return new URL(match[0]).pathname;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL: baseUrl, ...fastMailSettings(sink.url) }) });
    worker = await startWorker(fastMailSettings(sink.url));
    await api.app.listen(port, '127.0.0.1');
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  it('should link every invitation email to the programme page, which shows all events of the host', async () => {
    const start = DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 20 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    const { host, event, workshops } = await cityDay(api, {
      title: 'Städtetag Arnsberg 2027',
      start,
      workshops: [{ title: 'Digitalisierung', capacity: 10 }],
    });
    const evening = await createEvent(api, host.organiserKey, {
      kind: 'other',
      title: 'Partnerschaftsabend',
      startsAt: wallTime(start.plus({ days: 1, hours: 9 })),
      endsAt: wallTime(start.plus({ days: 1, hours: 12 })),
      startZone: 'Europe/Berlin',
      status: 'published',
    });
    delegate = await addPerson(api, host.organiserKey, {
      name: 'Amani Mushi',
      locale: 'en',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    expect((await invite(api, host.organiserKey, event.id, { personIds: [delegate.id] })).status).toBe(201);
    expect((await invite(api, host.organiserKey, evening.id, { personIds: [delegate.id] })).status).toBe(201);

    // The two emails arrive in either order; the city day's is the one whose answer takes a workshop.
    const invitations = (await arrived('invitation', delegate.id, 2)).sort(
      (a, b) =>
        Number(b.parsed?.subject?.includes('Städtetag')) - Number(a.parsed?.subject?.includes('Städtetag')),
    );
    expect(invitations[0].parsed?.subject).toContain('Städtetag Arnsberg 2027');
    const programmePaths = invitations.map((mail) =>
      pathIn(mail, /http:\/\/127\.0\.0\.1:\d+\/answer\/[A-Za-z0-9_-]{43}\/programme/),
    );
    for (const mail of invitations) expect(mail.parsed?.html).toContain('/programme');
    programmePath = programmePaths[0];
    const answerPath = programmePath.replace(/\/programme$/, '');
    await postAnswer(api, answerPath, 'accept', [workshops[0].id]).expect(303);

    // Either email's link opens the same programme: both events, whichever invitation it came with.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}${programmePaths[1]}`);
    await expectWellShown(page, 'my-programme', [
      'Your programme',
      'Städtetag Arnsberg 2027',
      'Partnerschaftsabend',
      'Digitalisierung',
      'seat confirmed',
      'When (your time)',
      'Dar es Salaam (EAT)',
      'Send me my calendar link',
    ]);
    await expect(
      page.getByRole('img', { name: 'Check-in code for Städtetag Arnsberg 2027' }).count(),
    ).resolves.toBe(1);
  });

  it('should send the personal feed link by email, never showing it on the page', async () => {
    await page.goto(`${baseUrl}${programmePath}`);
    await page.getByRole('button', { name: 'Send me my calendar link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'on its way to your email address',
    );
    expect(await page.content()).not.toContain('/feeds/personal/');
    const [mail] = await arrived('feed_link', delegate.id);
    expect(mail.recipients).toContain(delegate.email);
    const feedPath = pathIn(
      mail,
      /http:\/\/127\.0\.0\.1:\d+\/feeds\/personal\/pf_[a-f0-9]{16}_[A-Za-z0-9_-]{43}\.ics/,
    );
    const feed = await api
      .http()
      .get(feedPath)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser)
      .expect(200);
    const titles = readCalendar(feed.body as string).events.map((entry) => entry.summary);
    expect(titles).toEqual(expect.arrayContaining(['Städtetag Arnsberg 2027', 'Digitalisierung']));

    // Asking again gives a new link; the first stops working.
    await page.getByRole('button', { name: 'Send me my calendar link' }).click();
    const second = (await arrived('feed_link', delegate.id, 2)).find((candidate) => candidate !== mail)!;
    const secondPath = pathIn(
      second,
      /http:\/\/127\.0\.0\.1:\d+\/feeds\/personal\/pf_[a-f0-9]{16}_[A-Za-z0-9_-]{43}\.ics/,
    );
    expect(secondPath).not.toBe(feedPath);
    await api.http().get(feedPath).expect(404);
    await api.http().get(secondPath).expect(200);
  });

  it('should answer the lost-link form the same for a known and an unknown address, and mail the known one', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/programme-link`);
    await expectWellShown(page, 'my-programme-lost-link', ['Lost your link?', 'Email address']);
    await page.getByLabel('Email address').fill(delegate.email.toUpperCase());
    await page.getByRole('button', { name: 'Send me my links' }).click();
    await expectWellShown(page, 'my-programme-lost-link-sent', ['Check your email']);

    const post = async (email: string) => {
      const started = performance.now();
      const response = await api.http().post('/programme-link').type('form').send({ email }).expect(200);
      return { ms: performance.now() - started, text: (response.text ?? '').replaceAll(email, 'ADDRESS') };
    };
    const known = await post(delegate.email);
    const unknown = await post('nobody-here@example.org');
    expect(unknown.text).toBe(known.text);
    // Both are answered before any lookup, so neither waits for the database or the outbox.
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(Math.max(known.ms, unknown.ms, 50) * 3);

    const [links] = await arrived('programme_links', delegate.id);
    const linked = pathIn(links, /http:\/\/127\.0\.0\.1:\d+\/answer\/[A-Za-z0-9_-]{43}\/programme/);
    const opened = await api.http().get(linked).expect(200);
    expect(opened.text).toContain('Partnerschaftsabend');
    const unknownRows: Array<{ count: string }> = await api.dataSource.query(
      `SELECT count(*) FROM emails WHERE kind = 'programme_links' AND (person_id IS NULL OR person_id <> $1)`,
      [delegate.id],
    );
    expect(Number(unknownRows[0].count)).toBe(0);
  });

  it('should refuse a malformed address with a clear 400 page, and an unknown programme link with 404', async () => {
    const refused = await api
      .http()
      .post('/programme-link')
      .type('form')
      .send({ email: 'not an address' })
      .expect(400);
    expect(refused.text).toContain('Please enter a complete email address');
    await api
      .http()
      .get(`/answer/${'x'.repeat(43)}/programme`)
      .expect(404);
    await api
      .http()
      .post(`/answer/${'x'.repeat(43)}/programme/calendar-link`)
      .expect(404);
  });

  it('should limit link emails per address and the form per client address', async () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await api.http().post('/programme-link').type('form').send({ email: delegate.email }).expect(200);
    }
    let refused = 0;
    for (let attempt = 0; attempt < 25 && refused === 0; attempt += 1) {
      const response = await api
        .http()
        .post('/programme-link')
        .type('form')
        .send({ email: 'someone@example.org' });
      if (response.status === 429) refused += 1;
      else expect(response.status).toBe(200);
    }
    expect(refused).toBe(1);
    // Three per hour reach the address, however often the form was sent for it.
    await eventually(async () => {
      const rows: Array<{ pending: string }> = await api.dataSource.query(
        `SELECT count(*) FILTER (WHERE status NOT IN ('sent', 'skipped', 'failed')) AS pending FROM emails
          WHERE kind = 'programme_links' AND person_id = $1`,
        [delegate.id],
      );
      return Number(rows[0].pending) === 0 ? true : undefined;
    }, 60_000);
    await expect(received('programme_links', delegate.id)).resolves.toHaveLength(3);
  });
});
