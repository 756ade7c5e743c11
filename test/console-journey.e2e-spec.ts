import { BrowserContext, Page } from 'playwright-core';
import { AccountsService } from '@app/accounts';
import { launchChromium, readCalendar, ReadEvent, ReceivedMail } from '@app/testing';
import { bearer } from './api-harness';
import { expectWellShown, freePort } from './console-fixtures';
import { addPerson, Person } from './invitation-fixtures';
import { createOrganisation, issueKey } from './planning-fixtures';
import { fastMailSettings, MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/**
 * An email goes through the outbox, a relay pass (every MAIL_RELAY_INTERVAL_MS), the queue and
 * the worker; on a loaded machine a pass can take seconds, so wait for a hundred of them.
 */
const MAIL_WAIT_MS = 100 * Number(fastMailSettings('').MAIL_RELAY_INTERVAL_MS);
/**
 * One browser step (a page load, a form post, a look at both widths with axe) takes well under a
 * second on a quiet machine; a loaded one has needed ten times that. A test gets this per step.
 */
const STEP_MS = 15_000;
const SIGN_IN_LINK = /https?:\/\/[^\s"<>]+\/console\/sign-in\/[A-Za-z0-9_-]{43}/;
const ANSWER_LINK = /(https?:\/\/\S+\/answer\/\S+)/;

/**
 * The issue's whole journey of an organiser in one browser: sign in by the emailed link, build a
 * city day with two rounds of workshops, publish it, invite two organisations, see an answer
 * given through the emailed link with its seat, move the day and see a personal feed follow,
 * cancel a workshop and see its attendees' emails. Then every screen in German and Swahili.
 */
describe('the organiser’s journey through the console in a browser', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let arnsberg: string;
  let petra: Person;
  let amani: Person;
  let cityDayId: string;
  let petrasFeed: string;
  const ana = { email: 'ana.admin@arnsberg.example', name: 'Ana Admin' };

  /** The first email to an address that `matches`, waiting for it to arrive. */
  async function mailTo(address: string, matches: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
    const deadline = Date.now() + MAIL_WAIT_MS;
    for (;;) {
      const mail = stack.sink.received.find(
        (received) => received.recipients.includes(address) && matches(received),
      );
      if (mail) return mail;
      if (Date.now() > deadline) {
        const subjects = stack.sink.received
          .filter((received) => received.recipients.includes(address))
          .map((received) => received.parsed?.subject);
        throw new Error(`The email to ${address} did not arrive; it has: ${subjects.join(' | ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Subjects name the event and its date: "Invitation: Städtetag – 20 September 2031". */
  const subjectStarts = (start: string) => (mail: ReceivedMail) =>
    mail.parsed?.subject?.startsWith(start) ?? false;

  async function fill(prefix: 'event' | 'part', fields: Record<string, string>): Promise<void> {
    for (const [field, value] of Object.entries(fields)) {
      const control = page.locator(`#${prefix}-${field}`);
      if (field === 'kind') await control.selectOption(value);
      else await control.fill(value);
    }
  }

  /** Opens a screen through the console's navigation. */
  async function screen(name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).click();
  }

  function rowOf(person: Person) {
    return page.getByRole('row').filter({ has: page.getByRole('link', { name: person.name }) });
  }

  /** Taken, left and waiting of a workshop, as the answers screen's seats table shows them. */
  async function seatsOf(workshop: string): Promise<string[]> {
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: workshop }) });
    return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
  }

  /** The personal feed as a calendar app reads it: its events by title. */
  async function feedEvents(url: string): Promise<Map<string, ReadEvent>> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const calendar = readCalendar(await response.text());
    return new Map(calendar.events.map((event) => [event.summary, event]));
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    arnsberg = (await createOrganisation(stack.api, { name: 'Stadt Arnsberg', timeZone: 'Europe/Berlin' }))
      .id;
    const morogoro = (
      await createOrganisation(stack.api, {
        name: 'Morogoro Municipal Council',
        country: 'TZ',
        timeZone: 'Africa/Dar_es_Salaam',
        defaultLocale: 'sw',
      })
    ).id;
    await stack.api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(stack.api.adminKey))
      .send({ name: 'Partnerschaft Arnsberg–Morogoro', memberOrganisationIds: [arnsberg, morogoro] })
      .expect(201);
    petra = await addPerson(stack.api, await issueKey(stack.api, arnsberg, 'organiser'), {
      name: 'Petra Schulz',
      locale: 'en',
    });
    amani = await addPerson(stack.api, await issueKey(stack.api, morogoro, 'organiser'), {
      name: 'Amani Mwangi',
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    await stack.api.app.get(AccountsService).ensureMember({
      ...ana,
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: arnsberg,
      role: 'admin',
    });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
  }, 4 * STEP_MS);

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
  });

  it(
    'should sign in through the link read from the test SMTP server',
    async () => {
      await page.goto(`${baseUrl}/console?lang=en`);
      await expectWellShown(page, 'console-journey-sign-in', ['Sign in', 'Email address']);
      await page.getByLabel('Email address').first().fill(ana.email);
      await page.getByRole('button', { name: 'Send sign-in link' }).click();
      await page.getByText('Check your email').waitFor();
      const mail = await mailTo(ana.email, subjectStarts('Your sign-in link for Treffpunkt'));
      const link = SIGN_IN_LINK.exec(mail.parsed?.text ?? '')?.[0];
      expect(link?.startsWith(`${baseUrl}/console/sign-in/`)).toBe(true);
      await page.goto(link!);
      await expectWellShown(page, 'console-journey-confirm', ['Sign in to Treffpunkt']);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Signed in as Ana Admin').waitFor();
      await expectWellShown(page, 'console-journey-overview-empty', ['Overview', 'No events.']);
    },
    8 * STEP_MS,
  );

  it(
    'should build a city day with two rounds of workshops in the programme editor',
    async () => {
      await screen('Programme');
      await page.getByRole('link', { name: 'Plan a new event' }).click();
      await fill('event', {
        kind: 'city_day',
        title: 'Städtepartnerschaftstag 2031',
        venue: 'Rathaus Arnsberg',
        startsAt: '2031-09-20T09:00',
        endsAt: '2031-09-20T17:00',
      });
      await expectWellShown(page, 'console-journey-new-event', ['Plan a new event']);
      await page.getByRole('button', { name: 'Create as draft' }).click();
      await page.getByText('The event was created as a draft.').waitFor();
      cityDayId = new URL(page.url()).pathname.split('/').pop()!;
      const workshops: Array<[string, string, string, string]> = [
        ['Klimaschutz vor Ort', '2', '10:00', '11:30'],
        ['Mobilität', '15', '10:00', '11:30'],
        ['Wasser und Abwasser', '20', '13:00', '14:30'],
        ['Digitale Verwaltung', '10', '13:00', '14:30'],
      ];
      for (const [title, capacity, start, end] of workshops) {
        await fill('part', {
          kind: 'workshop',
          title,
          capacity,
          startsAt: `2031-09-20T${start}`,
          endsAt: `2031-09-20T${end}`,
        });
        await page.getByRole('button', { name: 'Add part' }).click();
        await page.getByText('The part was added.').waitFor();
      }
      const rounds = page.locator('.slots > li');
      await expect(rounds.count()).resolves.toBe(2);
      await expect(rounds.nth(0).locator('.slot-parts a').allTextContents()).resolves.toEqual([
        'Klimaschutz vor Ort',
        'Mobilität',
      ]);
      await expect(rounds.nth(1).locator('.slot-parts a').allTextContents()).resolves.toEqual([
        'Digitale Verwaltung',
        'Wasser und Abwasser',
      ]);
      await expectWellShown(page, 'console-journey-editor', [
        'Städtepartnerschaftstag 2031',
        'Draft',
        'Saturday, 20 September 2031, 10:00 – 11:30 Berlin (CEST)',
      ]);
    },
    14 * STEP_MS,
  );

  it(
    'should publish the city day with its workshops after saying what publishing does',
    async () => {
      await page.getByRole('link', { name: 'Publish…' }).click();
      await expectWellShown(page, 'console-journey-publish', [
        'Publish Städtepartnerschaftstag 2031?',
        'Subscribed calendar feeds will show the event.',
      ]);
      await page.getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('The event is published.').waitFor();
      const statuses: Array<{ status: string }> = await stack.api.dataSource.query(
        `SELECT status FROM events WHERE id = $1 OR parent_id = $1`,
        [cityDayId],
      );
      expect(statuses.map((row) => row.status)).toEqual(Array(5).fill('published'));
    },
    4 * STEP_MS,
  );

  it(
    'should invite two organisations, with a preview first, and email everyone in their language',
    async () => {
      await screen('Invitations');
      await page.getByRole('link', { name: 'Städtepartnerschaftstag 2031' }).click();
      await page.getByRole('checkbox', { name: /^Stadt Arnsberg/ }).check();
      await page.getByRole('checkbox', { name: /^Morogoro Municipal Council/ }).check();
      await page.getByRole('button', { name: 'Show preview' }).click();
      await page.locator('.preview iframe').first().scrollIntoViewIfNeeded();
      await expectWellShown(page, 'console-journey-invite-preview', [
        'Your choice names 2 people.',
        'English: 1 person',
        'Swahili: 1 person',
      ]);
      await page.getByRole('button', { name: 'Send 2 invitations' }).click();
      await expectWellShown(page, 'console-journey-invite-sent', [
        '2 invitations sent',
        '2 people are invited.',
      ]);
      await mailTo(petra.email, subjectStarts('Invitation: Städtepartnerschaftstag 2031'));
      await mailTo(amani.email, subjectStarts('Mwaliko: Städtepartnerschaftstag 2031'));
    },
    8 * STEP_MS,
  );

  it(
    'should take an answer with a workshop seat through the emailed link, and show both in the answers screen',
    async () => {
      const invitation = await mailTo(petra.email, subjectStarts('Invitation: Städtepartnerschaftstag 2031'));
      const link = ANSWER_LINK.exec(invitation.parsed?.text ?? '')?.[1];
      expect(link?.startsWith(`${baseUrl}/answer/`)).toBe(true);
      const invitee = await browser.newPage();
      try {
        await invitee.goto(link!);
        await invitee.getByLabel('I will attend').check();
        await invitee.getByLabel('Klimaschutz vor Ort').check();
        await invitee.getByRole('button', { name: 'Send answer' }).click();
        await invitee.getByText('Your seat').first().waitFor();
        await expectWellShown(invitee, 'console-journey-answer-page', ['Klimaschutz vor Ort']);
      } finally {
        await invitee.close();
      }

      await screen('Answers');
      await expectWellShown(page, 'console-journey-answers-list', ['Städtepartnerschaftstag 2031']);
      await page.getByRole('link', { name: 'Städtepartnerschaftstag 2031' }).click();
      await expect(rowOf(petra).textContent()).resolves.toMatch(/Accepted.*Seat in Klimaschutz vor Ort/s);
      await expect(seatsOf('Klimaschutz vor Ort')).resolves.toEqual(['1', '1', '0']);
      await expectWellShown(page, 'console-journey-answers-event', ['Seat in Klimaschutz vor Ort']);
    },
    10 * STEP_MS,
  );

  it(
    'should answer for the invitee who phoned, with a seat in the same workshop',
    async () => {
      await page.getByRole('link', { name: amani.name }).click();
      await page.getByText('1 seat left (of 2)').waitFor();
      await page.getByLabel('Accept', { exact: true }).check();
      await page.getByLabel('Klimaschutz vor Ort').check();
      await page.getByRole('button', { name: 'Save answer' }).click();
      await page.getByText(`Answer saved for ${amani.name}.`).waitFor();
      await expectWellShown(page, 'console-journey-invitee', [amani.name, 'Seat in Klimaschutz vor Ort']);
      await screen('Answers');
      await page.getByRole('link', { name: 'Städtepartnerschaftstag 2031' }).click();
      await expect(seatsOf('Klimaschutz vor Ort')).resolves.toEqual(['2', '0', '0']);
    },
    8 * STEP_MS,
  );

  it(
    'should issue the invitee’s personal feed link, which holds the day and her workshop',
    async () => {
      await screen('Feeds');
      await page.getByRole('button', { name: /^Issue link\s*: Petra Schulz$/ }).click();
      petrasFeed = await page.getByLabel('Personal link of Petra Schulz').inputValue();
      await expectWellShown(page, 'console-journey-feeds', ['It is shown only now']);
      const events = await feedEvents(petrasFeed);
      expect(events.get('Städtepartnerschaftstag 2031')?.start).toMatchObject({
        local: '2031-09-20T09:00:00',
        zone: 'Europe/Berlin',
      });
      expect(events.get('Klimaschutz vor Ort')?.start.local).toBe('2031-09-20T10:00:00');
      expect(events.has('Mobilität')).toBe(false);
    },
    5 * STEP_MS,
  );

  it(
    'should move the city day, tell who is emailed, and the personal feed shows the new start',
    async () => {
      await screen('Programme');
      await page.getByRole('link', { name: 'Städtepartnerschaftstag 2031' }).first().click();
      await page.getByRole('link', { name: 'Move…' }).click();
      await page.locator('#move-startsAt').fill('2031-09-27T09:00');
      await page.locator('#move-endsAt').fill('2031-09-27T17:00');
      await expectWellShown(page, 'console-journey-move', [
        'Move Städtepartnerschaftstag 2031',
        '2 invited people get an email with the new details.',
      ]);
      const before = (await feedEvents(petrasFeed)).get('Städtepartnerschaftstag 2031')!;
      await page.getByRole('button', { name: 'Move now' }).click();
      await page.getByText('The event was moved.').waitFor();

      const after = await feedEvents(petrasFeed);
      const day = after.get('Städtepartnerschaftstag 2031')!;
      expect(day.start).toMatchObject({ local: '2031-09-27T09:00:00', zone: 'Europe/Berlin' });
      expect(day.start.instant).toBe('2031-09-27T07:00:00.000Z');
      expect(day.sequence).toBeGreaterThan(before.sequence);
      expect(after.get('Klimaschutz vor Ort')?.start.local).toBe('2031-09-27T10:00:00');
      await mailTo(petra.email, subjectStarts('Updated: Städtepartnerschaftstag 2031'));
    },
    8 * STEP_MS,
  );

  it(
    'should cancel a workshop after a confirmation, and its attendees get cancellation emails',
    async () => {
      await page.getByRole('link', { name: 'Klimaschutz vor Ort' }).click();
      await page.getByRole('link', { name: 'Cancel this part…' }).click();
      await expectWellShown(page, 'console-journey-cancel', [
        'Cancel Klimaschutz vor Ort?',
        '2 invited people get a cancellation email.',
      ]);
      await page.getByRole('button', { name: 'Cancel now' }).click();
      await page.getByText('The event is cancelled.').waitFor();
      await expectWellShown(page, 'console-journey-cancelled', ['Klimaschutz vor Ort', 'Cancelled']);

      const toPetra = await mailTo(petra.email, (mail) => /Cancel/.test(mail.parsed?.subject ?? ''));
      expect(toPetra.parsed?.text).toContain('Klimaschutz vor Ort');
      const toAmani = await mailTo(amani.email, (mail) => /Imeghairiwa/.test(mail.parsed?.subject ?? ''));
      expect(toAmani.parsed?.text).toContain('Klimaschutz vor Ort');
      const feed = await feedEvents(petrasFeed);
      expect(feed.get('Klimaschutz vor Ort')?.status).toBe('CANCELLED');

      await screen('Overview');
      await expectWellShown(page, 'console-journey-overview', ['Städtepartnerschaftstag 2031']);
    },
    8 * STEP_MS,
  );

  /** Every screen of the console as the journey left it, with a text each must show in the language. */
  async function everyScreen(): Promise<Array<{ name: string; path: string }>> {
    const [petrasInvitation]: Array<{ id: string }> = await stack.api.dataSource.query(
      `SELECT id FROM invitations WHERE event_id = $1 AND person_id = $2`,
      [cityDayId, petra.id],
    );
    const day = `/console/programme/events/${cityDayId}`;
    const invitee = `/console/answers/${cityDayId}/invitations/${petrasInvitation.id}`;
    return [
      { name: 'overview', path: '/console' },
      { name: 'programme', path: '/console/programme' },
      { name: 'new-event', path: '/console/programme/new' },
      { name: 'editor', path: day },
      { name: 'move', path: `${day}/move` },
      { name: 'cancel', path: `${day}/cancel` },
      { name: 'copy', path: `${day}/copy` },
      { name: 'invitations', path: '/console/invitations' },
      { name: 'invite', path: `/console/invitations/${cityDayId}` },
      { name: 'answers', path: '/console/answers' },
      { name: 'answers-event', path: `/console/answers/${cityDayId}` },
      { name: 'invitee', path: invitee },
      { name: 'withdraw', path: `${invitee}/withdraw` },
      { name: 'people', path: '/console/people' },
      { name: 'person', path: `/console/people/${petra.id}` },
      { name: 'new-person', path: '/console/people/new' },
      { name: 'import', path: '/console/people/import' },
      { name: 'feeds', path: '/console/feeds' },
      { name: 'team', path: '/console/settings/team' },
      { name: 'organisation', path: '/console/settings' },
      { name: 'api-keys', path: '/console/settings/api-keys' },
      { name: 'webhooks', path: '/console/settings/webhooks' },
      { name: 'audit', path: '/console/settings/audit' },
      { name: 'embedding', path: '/console/settings/embedding' },
    ];
  }

  /**
   * English words of the console's texts that no German or Swahili page should show. Not words
   * German uses too (Person, Link, Feed), nor those of names a page shows as they are: the data
   * ("Morogoro Municipal Council"), CSV columns (email), webhook types (event.created) and the
   * changed fields in the audit trail.
   */
  const ENGLISH =
    /\b(the|your|you|and|of|seats?|people|answers?|invite|invited|save|send|show|back|cancel|move|copy|add|remove|new|none|yes|no)\b/gi;

  async function showsEveryScreenIn(language: 'de' | 'sw', navigation: string): Promise<string[]> {
    const leaks: string[] = [];
    for (const { name, path } of await everyScreen()) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect([name, response?.status()]).toEqual([name, 200]);
      await expectWellShown(page, `console-${language}-${name}`, [navigation]);
      const text = await page.locator('main').evaluate((main: HTMLElement) => {
        // Zones are named by their places as IANA spells them ("Isle of Man", "New York"), not in the console's words.
        const zones = [...main.querySelectorAll<HTMLSelectElement>('select[name$="Zone"]')];
        for (const zone of zones) zone.style.display = 'none';
        const shown = main.innerText;
        for (const zone of zones) zone.style.display = '';
        return shown;
      });
      const found = [...new Set(text.match(ENGLISH) ?? [])];
      if (found.length > 0) leaks.push(`${name}: ${found.join(', ')}`);
    }
    return leaks;
  }

  it(
    'should show every screen in German, switched in the header, without English',
    async () => {
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('link', { name: 'Übersicht' }).first().waitFor();
      await expect(showsEveryScreenIn('de', 'Übersicht')).resolves.toEqual([]);
    },
    30 * STEP_MS,
  );

  it(
    'should show every screen in Swahili, switched in the header too',
    async () => {
      await page.getByRole('button', { name: 'Kiswahili' }).click();
      await page.getByRole('link', { name: 'Muhtasari' }).first().waitFor();
      await expect(showsEveryScreenIn('sw', 'Muhtasari')).resolves.toEqual([]);
    },
    30 * STEP_MS,
  );
});
