import { BrowserContext } from 'playwright-core';
import { DateTime } from 'luxon';
import { launchChromium, SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { addPerson, answerPath, cityDay, invitationOf, invite, Person } from './invitation-fixtures';
import { OrganisationKeys, organisationWithKeys } from './planning-fixtures';
import { fastMailSettings, removeQueueKeys, startWorker, WorkerHarness } from './worker-harness';

/** How long the worker may take from its start to the first erasure: a start and one job on a loaded machine. */
const ERASURE_WAIT_MS = 45_000;

interface QuestionView {
  id: string;
  label: string;
  type: string;
  options: string[];
  sensitive: boolean;
}

describe('registration questions with sensitive fields', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let sink: SmtpSink;
  let worker: WorkerHarness | undefined;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let host: OrganisationKeys;
  let coHost: OrganisationKeys;
  let eventId: string;
  let questions: QuestionView[];
  let neema: Person;
  let jonas: Person;

  const put = (key: string, id: string, body: unknown) =>
    api
      .http()
      .put(`/api/v1/events/${id}/questions`)
      .set(bearer(key))
      .send(body as object);
  const get = (key: string, path: string) => api.http().get(path).set(bearer(key));
  const questionNamed = (label: string) => questions.find((question) => question.label === label)!;

  const QUESTIONS = [
    {
      type: 'single_choice',
      label: 'Dietary needs',
      options: ['None', 'Vegetarian', 'Vegan'],
      required: true,
      sensitive: true,
    },
    { type: 'text', label: 'Passport number', sensitive: true },
    { type: 'date', label: 'Arrival date', required: true },
    { type: 'multiple_choice', label: 'Excursions', options: ['Ruhr valley', 'Sauerland'] },
    { type: 'yes_no', label: 'Do you need an interpreter?' },
  ];

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({
      env: () => ({ SENSITIVE_ANSWERS_RETENTION_DAYS: '2', ...fastMailSettings(sink.url) }),
    });
    baseUrl = await listenForBrowser(api);
    host = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    coHost = await organisationWithKeys(api, { name: 'Morogoro Municipal Council', country: 'TZ' });
    const day = await cityDay(api, { host, title: 'Delegation visit Morogoro 2031' });
    eventId = day.event.id;
    await api
      .http()
      .patch(`/api/v1/events/${eventId}`)
      .set(bearer(host.organiserKey))
      .send({ coHostOrganisationIds: [coHost.id] })
      .expect(200);
    neema = await addPerson(api, host.organiserKey, {
      name: 'Neema Mwakyusa',
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    jonas = await addPerson(api, host.organiserKey, {
      name: 'Jonas Becker',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect((await invite(api, host.organiserKey, eventId, { personIds: [neema.id, jonas.id] })).status).toBe(
      201,
    );
    ({ browser, close: closeBrowser } = await launchChromium());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await worker?.close();
    await api?.close();
    await sink?.close();
    await removeQueueKeys();
  });

  it('should keep an event’s questions in order, for the host, and refuse wrong ones naming the question', async () => {
    const saved = await put(host.organiserKey, eventId, { questions: QUESTIONS }).expect(200);
    questions = saved.body.questions;
    expect(questions.map((question) => question.label)).toEqual(QUESTIONS.map((question) => question.label));
    expect(saved.body.editable).toBe(true);

    const noOptions = await put(host.organiserKey, eventId, {
      questions: [{ type: 'single_choice', label: 'Room', options: ['Single'] }],
    }).expect(400);
    expect(noOptions.body).toMatchObject({ code: 'invalid_input' });
    expect(noOptions.body.problems).toEqual([
      {
        field: 'questions[0].options',
        message: 'Question 1: a choice needs at least two answers to choose from.',
      },
    ]);
    const unknownType = await put(host.organiserKey, eventId, {
      questions: [{ type: 'colour', label: 'x' }],
    });
    expect(unknownType.status).toBe(400);
    await put(host.viewerKey, eventId, { questions: QUESTIONS }).expect(403);
    // A co-host could unmark a sensitive question to read its answers: only the host changes them.
    await put(coHost.organiserKey, eventId, { questions: QUESTIONS }).expect(403);
    const read = await get(coHost.viewerKey, `/api/v1/events/${eventId}/questions`).expect(200);
    expect(read.body).toMatchObject({ editable: false, questions: expect.any(Array) });
  });

  it('should ask the questions on the answer page, and block accepting until the required ones are answered', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}${await answerPath(api, eventId, jonas.id)}`);
    await page.getByLabel('Passport number').waitFor();
    await expectWellShown(page, 'registration-answer-page', [
      'Questions from the organisers',
      'Dietary needs',
    ]);

    await page.getByLabel('I will attend').check();
    await page.getByLabel('Passport number').fill('C01X00T47');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your answer was not saved' }).waitFor();
    // The first wrong question has the focus, and its message is read with it.
    const focused = page.locator(':focus');
    await expect(focused.getAttribute('aria-describedby')).resolves.toContain('-error');
    await expect(page.getByLabel('Passport number').inputValue()).resolves.toBe('C01X00T47');
    await expectWellShown(page, 'registration-answer-page-errors', [
      'Please answer this question to accept.',
    ]);
    await expect(invitationOf(api, eventId, jonas.id)).resolves.toMatchObject({ status: 'invited' });

    await page.getByLabel('Vegan').check();
    await page.getByLabel('Arrival date').fill('2031-05-02');
    await page.getByLabel('Sauerland').check();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(page.getByLabel('Vegan').isChecked()).resolves.toBe(true);
    await expect(invitationOf(api, eventId, jonas.id)).resolves.toMatchObject({ status: 'accepted' });
    await page.close();
  });

  it('should refuse a date that is no date and a choice not offered, saving neither the answer nor the rest', async () => {
    const path = await answerPath(api, eventId, neema.id);
    const form = (arrival: string, diet: string) =>
      new URLSearchParams([
        ['answer', 'accept'],
        [`question[${questionNamed('Dietary needs').id}]`, diet],
        [`question[${questionNamed('Arrival date').id}]`, arrival],
      ]).toString();
    const notADate = await api.http().post(path).type('form').send(form('2031-02-30', 'Vegetarian'));
    expect(notADate.status).toBe(400);
    expect(notADate.text).toContain('Tafadhali weka tarehe.');
    const notOffered = await api.http().post(path).type('form').send(form('2031-05-01', 'Fish'));
    expect(notOffered.status).toBe(400);
    expect(notOffered.text).toContain('Tafadhali chagua mojawapo ya majibu yaliyotolewa.');
    await expect(invitationOf(api, eventId, neema.id)).resolves.toMatchObject({ status: 'invited' });
    const stored = await api.dataSource.query(`SELECT 1 FROM registration_answers WHERE person_id = $1`, [
      neema.id,
    ]);
    expect(stored).toEqual([]);
    // Declining asks nothing of the required questions.
    const declined = await api
      .http()
      .post(path)
      .type('form')
      .send(new URLSearchParams([['answer', 'decline']]).toString());
    expect(declined.status).toBe(303);
  });

  it('should show sensitive answers only to the host’s organisers who ask for them, never to viewers or co-hosts', async () => {
    const jonasInvitation = (await invitationOf(api, eventId, jonas.id)).id;
    const answers = `/api/v1/events/${eventId}/registration-answers`;
    const full = await get(host.organiserKey, `${answers}?includeSensitive=true`).expect(200);
    const jonasAnswers = full.body.registrations.find(
      (row: { invitationId: string }) => row.invitationId === jonasInvitation,
    );
    expect(jonasAnswers.answers).toEqual({
      [questionNamed('Dietary needs').id]: 'Vegan',
      [questionNamed('Passport number').id]: 'C01X00T47',
      [questionNamed('Arrival date').id]: '2031-05-02',
      [questionNamed('Excursions').id]: ['Sauerland'],
      [questionNamed('Do you need an interpreter?').id]: true,
    });
    const withoutAsking = await get(host.organiserKey, answers).expect(200);
    expect(withoutAsking.body.sensitiveIncluded).toBe(false);
    for (const key of [host.viewerKey, coHost.organiserKey, coHost.viewerKey]) {
      const seen = await get(key, answers).expect(200);
      const row = seen.body.registrations.find(
        (each: { invitationId: string }) => each.invitationId === jonasInvitation,
      );
      expect(Object.keys(row.answers).sort()).toEqual(
        [
          questionNamed('Arrival date').id,
          questionNamed('Excursions').id,
          questionNamed('Do you need an interpreter?').id,
        ].sort(),
      );
      expect(JSON.stringify(seen.body)).not.toContain('C01X00T47');
      await get(key, `${answers}?includeSensitive=true`).expect(403);
    }
  });

  it('should show the answers per person in the console, with sensitive ones hidden from a viewer', async () => {
    const jonasInvitation = (await invitationOf(api, eventId, jonas.id)).id;
    const inviteePath = `${baseUrl}/console/answers/${eventId}/invitations/${jonasInvitation}`;
    const viewer = await launchChromium();
    const organiser = await launchChromium();
    try {
      await signInMember(api, viewer.browser, baseUrl, {
        email: 'vera.viewer@arnsberg.example',
        name: 'Vera Viewer',
        language: 'en',
        timeZone: 'Europe/Berlin',
        organisationId: host.id,
        role: 'viewer',
      });
      const viewerPage = await viewer.browser.newPage();
      viewerPage.setDefaultTimeout(15_000);
      await viewerPage.goto(inviteePath);
      await viewerPage.getByRole('heading', { name: 'Registration answers' }).waitFor();
      await expectWellShown(viewerPage, 'registration-console-answers-viewer', [
        'hidden: sensitive',
        'Sauerland',
        '2 May 2031',
      ]);
      await expect(viewerPage.content()).resolves.not.toContain('C01X00T47');

      await signInMember(api, organiser.browser, baseUrl, {
        email: 'olga.organiser@arnsberg.example',
        name: 'Olga Organiser',
        language: 'en',
        timeZone: 'Europe/Berlin',
        organisationId: host.id,
        role: 'organiser',
      });
      const organiserPage = await organiser.browser.newPage();
      organiserPage.setDefaultTimeout(15_000);
      await organiserPage.goto(inviteePath);
      await expectWellShown(organiserPage, 'registration-console-answers-organiser', ['C01X00T47', 'Vegan']);
    } finally {
      await viewer.close();
      await organiser.close();
    }
  });

  it('should add, reorder and refuse in the console questions page what would make answers unreadable', async () => {
    const organiser = await launchChromium();
    try {
      await signInMember(api, organiser.browser, baseUrl, {
        email: 'olga.organiser@arnsberg.example',
        name: 'Olga Organiser',
        language: 'en',
        timeZone: 'Europe/Berlin',
        organisationId: host.id,
        role: 'organiser',
      });
      const page = await organiser.browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${baseUrl}/console/programme/events/${eventId}`);
      await page.getByRole('link', { name: 'Registration questions' }).click();
      await page.getByRole('heading', { level: 1, name: /Registration questions/ }).waitFor();

      const add = page.locator('form[action$="/questions"]');
      await add.getByLabel('Question', { exact: true }).fill('Flight number');
      await add.getByLabel('at sign-up').check();
      await add.getByRole('button', { name: 'Add question' }).click();
      await page.getByText('The questions are saved.').waitFor();
      await expectWellShown(page, 'registration-console-questions', ['Flight number', 'sensitive']);

      const last = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Flight number' }) });
      await last.getByRole('button', { name: 'Move up' }).click();
      await page.getByText('The questions are saved.').waitFor();
      const order = (
        await get(host.organiserKey, `/api/v1/events/${eventId}/questions`).expect(200)
      ).body.questions.map((question: QuestionView) => question.label);
      expect(order.slice(-2)).toEqual(['Flight number', 'Do you need an interpreter?']);

      // Jonas chose Vegan: removing it would leave his answer pointing nowhere.
      const diet = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Dietary needs' }) });
      await diet.getByText('Edit').click();
      await diet.getByLabel('Answers to choose from').fill('None\nVegetarian');
      const refused = page.waitForResponse((response) => response.request().method() === 'POST');
      await diet.getByRole('button', { name: 'Save question' }).click();
      expect((await refused).status()).toBe(409);
      await page.getByText('This change would make existing answers unreadable.').waitFor();
      await expectWellShown(page, 'registration-console-questions-in-use', ['Answers hold what you changed']);

      // The event's own days to keep sensitive answers: refused when no number, then set and cleared.
      const days = page.getByLabel('Days after the event');
      await days.fill('forever');
      const wrongDays = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Save days' }).click();
      expect((await wrongDays).status()).toBe(400);
      await page.getByText('Enter a whole number of days from 0 to 3650').waitFor();
      await page.getByLabel('Days after the event').fill('30');
      await page.getByRole('button', { name: 'Save days' }).click();
      await page.getByText('The questions are saved.').waitFor();
      await expectWellShown(page, 'registration-console-retention', [
        'Sensitive answers are erased 30 days after the event (the default is 2).',
      ]);
      await page.getByLabel('Days after the event').fill('');
      await page.getByRole('button', { name: 'Save days' }).click();
      await page.getByText('The questions are saved.').waitFor();
      await expect(
        get(host.organiserKey, `/api/v1/events/${eventId}/sensitive-answers-retention`).then((r) => r.body),
      ).resolves.toMatchObject({ days: null, defaultDays: 2, effectiveDays: 2 });
      const changes: Array<{ changes: unknown }> = await api.dataSource.query(
        `SELECT changes FROM audit_entries WHERE action = 'registration.retention_changed' AND record_id = $1 ORDER BY id`,
        [eventId],
      );
      expect(changes.map((entry) => entry.changes)).toEqual([
        [{ field: 'retentionDays', before: null, after: 30 }],
        [{ field: 'retentionDays', before: 30, after: null }],
      ]);
    } finally {
      await organiser.close();
    }
  });

  it('should ask each person in their language, falling back to the original and saying which translations are missing', async () => {
    const visit = await cityDay(api, { host, title: 'Ziara ya Arnsberg 2031' });
    const original = (await get(host.organiserKey, `/api/v1/events/${visit.event.id}`).expect(200)).body
      .originalLanguage as string;
    const other = original === 'sw' ? 'en' : 'sw';
    const diet = {
      type: 'single_choice',
      label: 'Ernährung',
      options: ['Alles', 'Vegetarisch'],
      required: true,
      translations: { [other]: { label: 'Mahitaji ya chakula', options: ['Chochote', 'Mboga tu'] } },
    };
    const refusedOriginal = await put(host.organiserKey, visit.event.id, {
      questions: [{ ...diet, translations: { [original]: { label: 'Doppelt' } } }],
    }).expect(400);
    expect(refusedOriginal.body.message).toContain('Question 1');
    await put(host.organiserKey, visit.event.id, {
      questions: [{ ...diet, translations: { [other]: { label: 'x', options: ['nur eine'] } } }],
    }).expect(400);
    const saved = await put(host.organiserKey, visit.event.id, {
      questions: [diet, { type: 'text', label: 'Flugnummer' }],
    }).expect(200);
    const [dietQuestion, flight] = saved.body.questions as Array<{
      id: string;
      missingTranslations: string[];
    }>;
    expect(dietQuestion.missingTranslations).toEqual(
      ['de', 'en', 'sw'].filter((l) => l !== original && l !== other),
    );
    expect(flight.missingTranslations).toEqual(['de', 'en', 'sw'].filter((l) => l !== original));
    // Changed without translations, a question keeps them.
    const kept = await put(host.organiserKey, visit.event.id, {
      questions: [
        { ...diet, id: dietQuestion.id, translations: undefined, required: false },
        { id: flight.id, type: 'text', label: 'Flugnummer' },
      ],
    }).expect(200);
    expect(kept.body.questions[0].translations).toEqual(diet.translations);

    const reader = await addPerson(api, host.organiserKey, {
      name: 'Amani Mushi',
      locale: other,
      timeZone: 'Africa/Dar_es_Salaam',
    });
    await invite(api, host.organiserKey, visit.event.id, { personIds: [reader.id] });
    const path = await answerPath(api, visit.event.id, reader.id);
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText('Mahitaji ya chakula').waitFor();
      await expectWellShown(page, 'registration-answer-page-translated', ['Mboga tu', 'Flugnummer']);
      await expect(page.getByLabel('Mboga tu').getAttribute('value')).resolves.toBe('Vegetarisch');
      await expect(page.locator(`span[lang="${original}"]`, { hasText: 'Flugnummer' }).count()).resolves.toBe(
        1,
      );
    } finally {
      await page.close();
    }
    await api
      .http()
      .post(path)
      .type('form')
      .send(
        new URLSearchParams([
          ['answer', 'accept'],
          [`question[${dietQuestion.id}]`, 'Vegetarisch'],
        ]).toString(),
      )
      .expect(303);
    const answers = await get(
      host.organiserKey,
      `/api/v1/events/${visit.event.id}/registration-answers`,
    ).expect(200);
    expect(answers.body.registrations[0].answers).toEqual({ [dietQuestion.id]: 'Vegetarisch' });
  });

  it('should record questions and answers in the audit trail without any answer', async () => {
    const entries: Array<{ action: string; details: unknown }> = await api.dataSource.query(
      `SELECT action, details FROM audit_entries WHERE action LIKE 'registration.%' ORDER BY id`,
    );
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['registration.questions_changed', 'registration.answers_recorded']),
    );
    const all = JSON.stringify(await api.dataSource.query(`SELECT * FROM audit_entries`));
    expect(all).not.toContain('C01X00T47');
    expect(all).not.toContain('Vegan');
    const recorded = entries.find((entry) => entry.action === 'registration.answers_recorded');
    expect(recorded?.details).toMatchObject({ sensitiveChanged: 2 });
  });

  it('should erase sensitive answers by the worker’s job once the retention after the event has passed', async () => {
    // A second event, ended yesterday: within the retention of two days, its answers stay.
    const recent = await cityDay(api, { host, title: 'Study tour 2031' });
    await put(host.organiserKey, recent.event.id, { questions: [QUESTIONS[1]] }).expect(200);
    await invite(api, host.organiserKey, recent.event.id, { personIds: [jonas.id] });
    const recentQuestion = (await get(host.organiserKey, `/api/v1/events/${recent.event.id}/questions`)).body
      .questions[0];
    const recentPath = await answerPath(api, recent.event.id, jonas.id);
    await api
      .http()
      .post(recentPath)
      .type('form')
      .send(
        new URLSearchParams([
          ['answer', 'accept'],
          [`question[${recentQuestion.id}]`, 'C01X00T47'],
        ]).toString(),
      )
      .expect(303);
    const moveTo = async (id: string, end: DateTime) =>
      api.dataSource.query(`UPDATE events SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
        id,
        end.minus({ hours: 8 }).toJSDate(),
        end.toJSDate(),
      ]);
    // A third, also ended yesterday, whose host keeps sensitive answers no day after it: they go.
    const brief = await cityDay(api, { host, title: 'Short visit 2031' });
    await put(host.organiserKey, brief.event.id, { questions: [QUESTIONS[1]] }).expect(200);
    await invite(api, host.organiserKey, brief.event.id, { personIds: [jonas.id] });
    const briefQuestion = (await get(host.organiserKey, `/api/v1/events/${brief.event.id}/questions`)).body
      .questions[0];
    await api
      .http()
      .post(await answerPath(api, brief.event.id, jonas.id))
      .type('form')
      .send(
        new URLSearchParams([
          ['answer', 'accept'],
          [`question[${briefQuestion.id}]`, 'P99Z11'],
        ]).toString(),
      )
      .expect(303);
    const retentionPath = `/api/v1/events/${brief.event.id}/sensitive-answers-retention`;
    for (const wrong of [{ days: 3651 }, { days: -1 }, { days: 'ten' }, { days: 2.5 }, {}]) {
      const refused = await api
        .http()
        .put(retentionPath)
        .set(bearer(host.organiserKey))
        .send(wrong)
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'invalid_input' });
      expect(JSON.stringify(refused.body)).toContain('days');
    }
    await api.http().put(retentionPath).set(bearer(host.viewerKey)).send({ days: 0 }).expect(403);
    await api.http().put(retentionPath).set(bearer(coHost.organiserKey)).send({ days: 0 }).expect(403);
    const set = await api
      .http()
      .put(retentionPath)
      .set(bearer(host.organiserKey))
      .send({ days: 0 })
      .expect(200);
    expect(set.body).toEqual({
      eventId: brief.event.id,
      days: 0,
      defaultDays: 2,
      effectiveDays: 0,
      editable: true,
    });

    await moveTo(eventId, DateTime.now().minus({ days: 3 }));
    await moveTo(recent.event.id, DateTime.now().minus({ days: 1 }));
    await moveTo(brief.event.id, DateTime.now().minus({ days: 1 }));

    worker = await startWorker(fastMailSettings(sink.url));
    const deadline = Date.now() + ERASURE_WAIT_MS;
    const sensitiveOf = async (id: string) =>
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS count FROM registration_answers answer
             JOIN registration_questions question ON question.id = answer.question_id
            WHERE answer.event_id = $1 AND question.sensitive`,
          [id],
        )
      )[0].count as number;
    while ((await sensitiveOf(eventId)) > 0 || (await sensitiveOf(brief.event.id)) > 0) {
      if (Date.now() > deadline) throw new Error('The worker did not erase the sensitive answers');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await expect(sensitiveOf(recent.event.id)).resolves.toBe(1);
    const kept: Array<{ question_id: string }> = await api.dataSource.query(
      `SELECT question_id FROM registration_answers WHERE event_id = $1`,
      [eventId],
    );
    expect(kept.map((row) => row.question_id).sort()).toEqual(
      [
        questionNamed('Arrival date').id,
        questionNamed('Excursions').id,
        questionNamed('Do you need an interpreter?').id,
      ].sort(),
    );
    const [erasure, briefErasure] = await api.dataSource.query(
      `SELECT actor_kind, actor_label, record_id, details FROM audit_entries
        WHERE action = 'registration.sensitive_answers_erased' ORDER BY record_id = $1 DESC`,
      [eventId],
    );
    expect(briefErasure).toMatchObject({
      record_id: brief.event.id,
      details: expect.objectContaining({ erased: 1, retentionDays: 0 }),
    });
    expect(erasure).toMatchObject({
      actor_kind: 'system',
      record_id: eventId,
      details: expect.objectContaining({ erased: 2, retentionDays: 2 }),
    });
  });
});
