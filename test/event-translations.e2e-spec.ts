import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, readCalendar, ReceivedMail, SmtpSink, startSmtpSink } from '@app/testing';
import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { csrfTokenOf, expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { eventually } from './email-fixtures';
import { addPerson, answerPath, invite, Person, wallTime } from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';
import { fastMailSettings, startWorker, WorkerHarness } from './worker-harness';

// Over http, so that the console's session cookie is the one the browser gets on 127.0.0.1.
const PUBLIC_BASE_URL = 'http://treffpunkt.example.org';
const GERMAN_TITLE = 'Zweiter Delegationsbesuch aus Morogoro in Arnsberg';
const SWAHILI_TITLE = 'Ziara ya pili ya ujumbe kutoka Morogoro mjini Arnsberg';
const SWAHILI_NOTES = 'Mlango kupitia uwanja wa ndani wa ukumbi wa mji.';

describe('Event texts in the reader’s language', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let host: OrganisationKeys;
  let event: EventView;
  let swahiliReader: Person;
  let englishReader: Person;

  const translate = (id: string, language: string, body: Record<string, unknown>) =>
    api.http().put(`/api/v1/events/${id}/translations/${language}`).set(bearer(host.organiserKey)).send(body);

  /** The first email of a kind to a person, as the test SMTP server received it. */
  async function arrived(kind: string, personId: string): Promise<ReceivedMail> {
    return eventually(
      async () => {
        const rows: Array<{ message_id: string | null }> = await api.dataSource.query(
          `SELECT message_id FROM emails WHERE kind = $1 AND person_id = $2`,
          [kind, personId],
        );
        const ids = new Set(rows.map((row) => row.message_id));
        return sink.received.find((mail) => ids.has(mail.messageId));
      },
      60_000,
      `a ${kind} email to ${personId}`,
    );
  }

  async function personalFeed(personId: string): Promise<string> {
    const issued = await api
      .http()
      .post(`/api/v1/people/${personId}/feed-token`)
      .set(bearer(host.organiserKey))
      .expect(201);
    return new URL(issued.body.url as string).pathname;
  }

  const feedOf = async (path: string) =>
    readCalendar(
      (
        await api
          .http()
          .get(path)
          .set('Accept-Encoding', 'identity')
          .buffer(true)
          .parse(textParser)
          .expect(200)
      ).body as string,
    ).events;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL, ...fastMailSettings(sink.url) }) });
    worker = await startWorker(fastMailSettings(sink.url));
    baseUrl = await listenForBrowser(api);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);

    host = await organisationWithKeys(api, { name: 'Stadt Arnsberg', defaultLocale: 'de' });
    const start = DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 40 })
      .startOf('hour')
      .set({ hour: 10 });
    event = await createEvent(api, host.organiserKey, {
      kind: 'site_visit',
      title: GERMAN_TITLE,
      description: 'Ortstermin am Wasserwerk Möhnebogen.',
      startsAt: wallTime(start),
      endsAt: wallTime(start.plus({ hours: 3 })),
      startZone: 'Europe/Berlin',
      venue: { name: 'Rathaus Arnsberg', notes: 'Eingang über den Rathausinnenhof.' },
      status: 'published',
    });
    swahiliReader = await addPerson(api, host.organiserKey, {
      name: 'Asha Mwakyusa',
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    englishReader = await addPerson(api, host.organiserKey, {
      name: 'Grace Kimaro',
      locale: 'en',
      timeZone: 'Africa/Dar_es_Salaam',
    });
  });

  afterAll(async () => {
    await closeBrowser?.();
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  it('should take a Swahili translation, raise the sequence, record it and say English is missing', async () => {
    expect(event).toMatchObject({ originalLanguage: 'de', missingTranslations: ['en', 'sw'] });
    const response = await translate(event.id, 'sw', {
      title: SWAHILI_TITLE,
      description: 'Ziara ya kiwanda cha maji cha Möhnebogen.',
      venueNotes: SWAHILI_NOTES,
    }).expect(200);
    const translated = response.body as EventView;
    expect(translated.translations.sw).toEqual({
      title: SWAHILI_TITLE,
      description: 'Ziara ya kiwanda cha maji cha Möhnebogen.',
      venueNotes: SWAHILI_NOTES,
    });
    expect(translated.missingTranslations).toEqual(['en']);
    expect(translated.sequence).toBe(event.sequence + 1);
    expect(translated.venue?.notes).toBe('Eingang über den Rathausinnenhof.');

    const entries: Array<{ action: string; changes: Array<{ field: string }> }> = await api.dataSource.query(
      `SELECT action, changes FROM audit_entries WHERE record_id = $1 ORDER BY occurred_at DESC, id`,
      [event.id],
    );
    expect(entries[0].action).toBe('event.updated');
    expect(entries[0].changes.map((change) => change.field).sort()).toEqual([
      'translations.sw.description',
      'translations.sw.title',
      'translations.sw.venueNotes',
    ]);
  });

  it('should refuse an unknown language, the original language and too long texts with a 400 that names the field', async () => {
    const unknown = await translate(event.id, 'fr', { title: 'Deuxième visite' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'invalid_input', problems: [{ field: 'language' }] });
    await translate(event.id, 'de', { title: 'Noch ein Titel' })
      .expect(400)
      .then((answer) =>
        expect(answer.body.problems).toEqual([expect.objectContaining({ field: 'language' })]),
      );
    const long = await translate(event.id, 'en', { title: 'x'.repeat(301) }).expect(400);
    expect(JSON.stringify(long.body.problems)).toContain('title');
    await translate(event.id, 'en', { title: 'Visit', venueNotes: 'y'.repeat(2001) }).expect(400);
    await translate(event.id, 'en', { title: '   ' }).expect(400);
    const unchanged = (await api.http().get(`/api/v1/events/${event.id}`).set(bearer(host.organiserKey)))
      .body as EventView;
    expect(unchanged.translations.en).toBeUndefined();
    await api.http().put(`/api/v1/events/${event.id}/translations/sw`).send({ title: 'x' }).expect(401);
    await api
      .http()
      .put(`/api/v1/events/${event.id}/translations/sw`)
      .set(bearer(host.viewerKey))
      .send({ title: 'x' })
      .expect(403);
  });

  it('should email the Swahili recipient the Swahili title, and the English one the German original with a note', async () => {
    await invite(api, host.organiserKey, event.id, { personIds: [swahiliReader.id, englishReader.id] }).then(
      (response) => expect(response.status).toBe(201),
    );
    const swahili = await arrived('invitation', swahiliReader.id);
    expect(swahili.parsed?.subject).toContain(SWAHILI_TITLE);
    expect(swahili.parsed?.text).toContain(SWAHILI_TITLE);
    expect(swahili.parsed?.text).toContain(SWAHILI_NOTES);
    expect(swahili.parsed?.text).not.toContain(GERMAN_TITLE);
    expect(swahili.parsed?.text).not.toContain('bado hakuna tafsiri');
    const attachment = swahili.parsed?.attachments.find((part) => part.contentType === 'text/calendar');
    const vevent = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8'))).getFirstSubcomponent(
      'vevent',
    );
    expect(vevent?.getFirstPropertyValue('summary')).toBe(SWAHILI_TITLE);

    const english = await arrived('invitation', englishReader.id);
    expect(english.parsed?.subject).toContain(GERMAN_TITLE);
    expect(english.parsed?.text).toContain('Originally in German; no English translation yet.');
    expect(english.parsed?.text).toContain('Eingang über den Rathausinnenhof.');
  });

  it('should show the Swahili title in the Swahili person’s feed, and the new one after the translation changes', async () => {
    const swahiliFeed = await personalFeed(swahiliReader.id);
    const [before] = await feedOf(swahiliFeed);
    expect(before.summary).toBe(SWAHILI_TITLE);
    expect(before.description).toContain(SWAHILI_NOTES);
    expect(before.description).not.toContain('tafsiri');

    const englishFeed = await personalFeed(englishReader.id);
    const [english] = await feedOf(englishFeed);
    expect(english.summary).toBe(GERMAN_TITLE);
    expect(english.description).toContain('Originally in German; no English translation yet.');

    await translate(event.id, 'sw', {
      title: 'Ziara ya ujumbe wa Morogoro',
      venueNotes: SWAHILI_NOTES,
    }).expect(200);
    await api.changesSeen();
    const [after] = await feedOf(swahiliFeed);
    expect(after.summary).toBe('Ziara ya ujumbe wa Morogoro');
    expect(after.sequence).toBeGreaterThan(before.sequence);
    // The translation has no description: the original's is shown, with the note in Swahili.
    expect(after.description).toContain('Ortstermin am Wasserwerk Möhnebogen.');
    expect(after.description).toContain('Asili yake ni kwa Kijerumani; bado hakuna tafsiri ya Kiswahili.');

    const [unchanged] = await feedOf(englishFeed);
    expect(unchanged.summary).toBe(GERMAN_TITLE);
  });

  it('should show the answer page in Swahili with the Swahili title', async () => {
    await translate(event.id, 'sw', {
      title: SWAHILI_TITLE,
      description: 'Ziara ya kiwanda cha maji cha Möhnebogen.',
      venueNotes: SWAHILI_NOTES,
    }).expect(200);
    await page.goto(`${baseUrl}${await answerPath(api, event.id, swahiliReader.id)}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(SWAHILI_TITLE);
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sw');
    await expectWellShown(page, 'translations-answer-page-sw', [
      SWAHILI_TITLE,
      SWAHILI_NOTES,
      'Jinsi ya kufika',
    ]);

    await page.goto(`${baseUrl}${await answerPath(api, event.id, englishReader.id)}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(GERMAN_TITLE);
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('.language-note').textContent()).resolves.toBe(
      'Originally in German; no English translation yet.',
    );
  });

  it('should let an organiser see what is missing and translate in the console', async () => {
    await signInMember(api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: host.id,
      role: 'organiser',
    });
    await page.goto(`${baseUrl}/console/programme`);
    const item = page.locator('.events > li', { hasText: GERMAN_TITLE });
    const badges = await item.locator('.badge.missing').allTextContents();
    expect(badges.map((badge) => badge.replace(/\s+/g, ' ').trim())).toEqual(['en missing (English)']);
    await expectWellShown(page, 'translations-console-list', [GERMAN_TITLE, 'en missing']);

    await item.getByRole('link', { name: GERMAN_TITLE }).click();
    const section = page.getByRole('region', { name: 'Translations' });
    await expect(section.locator('#translation-sw-title').inputValue()).resolves.toBe(SWAHILI_TITLE);
    await expectWellShown(page, 'translations-console-editor', [
      'Translations',
      'Written in German.',
      'en missing',
    ]);

    await section.locator('#translation-en-description').fill('A visit to the Möhnebogen waterworks.');
    const [refused] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      section.getByRole('button', { name: 'Save the English translation' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await expect(page.locator('#translation-en-title-error').textContent()).resolves.toBe(
      'Enter a title, or empty every field to remove this translation.',
    );
    await expect(page.locator('#translation-en-description').inputValue()).resolves.toBe(
      'A visit to the Möhnebogen waterworks.',
    );

    await page.locator('#translation-en-title').fill('Second delegation visit from Morogoro to Arnsberg');
    await page.locator('#translation-en-venueNotes').fill('Entrance via the town hall courtyard.');
    await page.getByRole('button', { name: 'Save the English translation' }).click();
    await page.getByText('The translation was saved.').waitFor();
    await expect(page.locator('h1 .badge.missing').count()).resolves.toBe(0);
    await expectWellShown(page, 'translations-console-saved', ['All translations are there.']);
    const saved = (await api.http().get(`/api/v1/events/${event.id}`).set(bearer(host.organiserKey)))
      .body as EventView;
    expect(saved.translations.en?.title).toBe('Second delegation visit from Morogoro to Arnsberg');
    expect(saved.missingTranslations).toEqual([]);

    const removed = await page.request.post(
      `${baseUrl}/console/programme/events/${event.id}/translations/en`,
      {
        form: { _csrf: await csrfTokenOf(page), title: '', description: '', venueNotes: '' },
        headers: { Origin: baseUrl },
        maxRedirects: 0,
      },
    );
    expect(removed.status()).toBe(303);
    const after = (await api.http().get(`/api/v1/events/${event.id}`).set(bearer(host.organiserKey)))
      .body as EventView;
    expect(after.missingTranslations).toEqual(['en']);
  });
});
