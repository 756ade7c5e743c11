import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { BrowserContext, Page } from 'playwright-core';
import { meetsProofOfWork, SignUpSecrets, SignUpsService } from '@app/invitations';
import { QUEUES, SIGN_UP_JOBS } from '@app/queue';
import { launchChromium, ReceivedMail, screenshotHtml } from '@app/testing';
import { bearer } from './api-harness';
import { expectWellShown, freePort, signInMember } from './console-fixtures';
import { eventually } from './email-fixtures';
import { addPerson, cityDay, invite } from './invitation-fixtures';
import { createEvent, OrganisationKeys } from './planning-fixtures';
import { mailNumber, MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** An email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 30_000;
const CONFIRM_LINK = /(https?:\/\/\S+\/sign-up\/[A-Za-z0-9_-]{43})/;
const ANSWER_LINK = /(https?:\/\/\S+\/answer\/[A-Za-z0-9_-]{43})/;
/** Sign-up forms and confirmations this suite may send from its one address before the limit answers 429. */
const SIGN_UP_RATE_LIMIT = 40;

describe('open sign-up for public events', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let host: OrganisationKeys;
  let eventId: string;

  function http() {
    return stack.api.http();
  }

  function mailTo(address: string, count: number): Promise<ReceivedMail> {
    return mailNumber(stack.sink, address, count, MAIL_WAIT_MS);
  }

  /** A challenge shown long enough ago, and its proof of work, as the page's script finds it. */
  function solvedChallenge(forEventId: string, shownMsAgo = 5_000): { challenge: string; proof: string } {
    const challenge = stack.api.app
      .get(SignUpSecrets)
      .challenge(forEventId, new Date(Date.now() - shownMsAgo));
    for (let nonce = 0; ; nonce += 1) {
      if (meetsProofOfWork(challenge, String(nonce))) return { challenge, proof: String(nonce) };
    }
  }

  function postForm(forEventId: string, fields: Record<string, string>) {
    return http()
      .post(`/calendar/events/${forEventId}/sign-up?lang=en`)
      .type('form')
      .send(new URLSearchParams(fields).toString());
  }

  function validForm(email: string): Record<string, string> {
    return { name: 'Paula Public', email, language: 'en', organisation: '', ...solvedChallenge(eventId) };
  }

  async function pendingCount(email: string): Promise<number> {
    const [row] = await stack.api.dataSource.query(
      `SELECT count(*)::int AS count FROM sign_ups WHERE email = $1`,
      [email],
    );
    return row.count;
  }

  async function openSignUp(forEventId: string, key = host.organiserKey, body: object = { open: true }) {
    return http().put(`/api/v1/events/${forEventId}/sign-up`).set(bearer(key)).send(body);
  }

  beforeAll(async () => {
    process.env.SIGN_UP_RATE_LIMIT = String(SIGN_UP_RATE_LIMIT);
    // A webhook endpoint on this machine, where nothing listens: the test reads what was queued for it.
    process.env.WEBHOOK_ALLOWED_HOSTS = 'localhost';
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    const day = await cityDay(stack.api, { title: 'Neheim open day', capacity: 2 });
    host = day.host;
    eventId = day.event.id;
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    // Each step is one page load on a loaded machine; a missing element should fail in seconds, not 30.
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
    delete process.env.SIGN_UP_RATE_LIMIT;
    delete process.env.WEBHOOK_ALLOWED_HOSTS;
  });

  it('should open sign-up only for public, published events, to the hosts’ organisers', async () => {
    const draft = await createEvent(stack.api, host.organiserKey, {
      kind: 'other',
      title: 'A draft',
      startsAt: '2031-09-20T09:00',
      endsAt: '2031-09-20T10:00',
      startZone: 'Europe/Berlin',
    });
    const internal = await createEvent(stack.api, host.organiserKey, {
      kind: 'other',
      title: 'Staff only',
      startsAt: '2031-09-20T09:00',
      endsAt: '2031-09-20T10:00',
      startZone: 'Europe/Berlin',
      status: 'published',
      visibility: 'internal',
    });
    for (const closed of [draft.id, internal.id]) {
      const refused = await openSignUp(closed);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('sign_up_not_possible');
    }
    await expect(openSignUp(eventId, host.viewerKey).then((response) => response.status)).resolves.toBe(403);
    const late = await openSignUp(eventId, host.organiserKey, {
      open: true,
      deadline: '2099-01-01T00:00:00Z',
    });
    expect(late.status).toBe(400);
    const unzoned = await openSignUp(eventId, host.organiserKey, {
      open: true,
      deadline: '2031-01-01T10:00',
    });
    expect(unzoned.status).toBe(400);
    expect(unzoned.body.code).toBe('invalid_input');

    const opened = await openSignUp(eventId);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      eventId,
      open: true,
      deadline: null,
      takingSignUps: true,
      capacity: 2,
      seatsLeft: 2,
      pending: 0,
    });
    const [entry] = await stack.api.dataSource.query(
      `SELECT action, changes FROM audit_entries WHERE record_id = $1 AND action = 'event.sign_up_changed'`,
      [eventId],
    );
    expect(entry.action).toBe('event.sign_up_changed');
  });

  it('should sign up from the public calendar page in a browser, confirm through the emailed link and land on the answer page', async () => {
    const email = `paula-${randomBytes(4).toString('hex')}@example.org`;
    await page.goto(`${baseUrl}/calendar/events/${eventId}?lang=en`);
    await page.getByText('2 seats left').waitFor();
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign up: Neheim open day' }).waitFor();
    await expectWellShown(page, 'open-sign-up-form', ['Your name', 'Email address', '2 seats left']);

    await page.getByLabel('Your name').fill('Paula Public');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Language of our emails').selectOption('en');
    await page.getByLabel('Organisation (optional)').fill('Heimatverein Neheim');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await expectWellShown(page, 'open-sign-up-check-email', ['Check your email', 'within 48 hours']);
    await expect(pendingCount(email)).resolves.toBe(1);
    const [taken] = await stack.api.dataSource.query(
      `SELECT count(*)::int AS count FROM invitations WHERE event_id = $1`,
      [eventId],
    );
    expect(taken.count).toBe(0);

    const confirmation = await mailTo(email, 1);
    expect(confirmation.parsed?.subject).toBe('Please confirm your sign-up: Neheim open day');
    for (const look of await screenshotHtml(String(confirmation.parsed?.html ?? ''), 'open-sign-up-email')) {
      expect(look.scrollWidth).toBeLessThanOrEqual(look.width);
      expect(look.visibleText).toContain('Confirm sign-up');
    }
    const link = CONFIRM_LINK.exec(confirmation.parsed?.text ?? '')?.[1];
    expect(link?.startsWith(`${baseUrl}/sign-up/`)).toBe(true);

    await page.goto(link!);
    await expectWellShown(page, 'open-sign-up-confirm', ['Confirm your sign-up', 'Paula Public']);
    await page.getByRole('button', { name: 'Confirm sign-up' }).click();
    await page.getByText('You have accepted.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/answer\/[A-Za-z0-9_-]{43}$/);
    // Nobody invited Paula: the page thanks her for signing up instead.
    await expectWellShown(page, 'open-sign-up-answer', [
      'Thank you for signing up. You are registered for:',
      'Neheim open day',
      'You have accepted.',
    ]);
    await expect(page.title()).resolves.toBe('Your sign-up: Neheim open day');
    expect(await page.locator('body').innerText()).not.toContain('invited');

    const [person] = await stack.api.dataSource.query(
      `SELECT id, organisation_id, department, locale FROM people WHERE email = $1`,
      [email],
    );
    expect(person).toMatchObject({
      organisation_id: host.id,
      department: 'Heimatverein Neheim',
      locale: 'en',
    });
    await expect(pendingCount(email)).resolves.toBe(0);
    const actions = await stack.api.dataSource.query(
      `SELECT action FROM audit_entries WHERE $1 = ANY(organisation_ids) AND action IN ('sign_up.requested', 'invitation.signed_up') ORDER BY occurred_at`,
      [host.id],
    );
    expect(actions.map((row: { action: string }) => row.action)).toEqual([
      'sign_up.requested',
      'invitation.signed_up',
    ]);
    const requested = JSON.stringify(
      await stack.api.dataSource.query(`SELECT * FROM audit_entries WHERE action = 'sign_up.requested'`),
    );
    expect(requested).not.toContain(email);
    expect(requested).not.toContain('Paula');

    const signedUp = await mailTo(email, 2);
    expect(signedUp.parsed?.subject).toMatch(/^You are signed up: Neheim open day/);
    const answerLink = ANSWER_LINK.exec(signedUp.parsed?.text ?? '')?.[1];
    expect(answerLink).toBe(page.url());

    const used = await http().get(new URL(link!).pathname);
    expect(used.status).toBe(404);
    expect(used.text).toContain('This confirmation link has been used or has expired');
    await expect(
      http()
        .post(new URL(link!).pathname)
        .then((response) => response.status),
    ).resolves.toBe(404);
  });

  it('should answer an address signed up already as any other, and email its own link instead', async () => {
    const person = await addPerson(stack.api, host.organiserKey, { name: 'Ines Invited', locale: 'en' });
    expect((await invite(stack.api, host.organiserKey, eventId, { personIds: [person.id] })).status).toBe(
      201,
    );
    await mailTo(person.email, 1);
    const fresh = `fresh-${randomBytes(4).toString('hex')}@example.org`;

    const known = await postForm(eventId, validForm(person.email));
    const unknown = await postForm(eventId, validForm(fresh));
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.location).toBe(unknown.headers.location);
    await expect(pendingCount(person.email)).resolves.toBe(0);
    await expect(pendingCount(fresh)).resolves.toBe(1);

    const again = await mailTo(person.email, 2);
    expect(again.parsed?.subject).toMatch(/^Your link for Neheim open day/);
    expect(again.parsed?.text).toMatch(ANSWER_LINK);
  });

  it('should seat exactly as many of twenty concurrent confirmations as there are seats, and waitlist the rest', async () => {
    const day = await cityDay(stack.api, { host, title: 'Five seats', capacity: 5 });
    expect((await openSignUp(day.event.id)).status).toBe(200);
    const signUps = stack.api.app.get(SignUpsService);
    const secrets = stack.api.app.get(SignUpSecrets);
    const emails = Array.from(
      { length: 20 },
      (_, index) => `crowd-${index}-${randomBytes(3).toString('hex')}@example.org`,
    );
    for (const email of emails) {
      await signUps.request({ eventId: day.event.id, name: email, email, locale: 'de', organisation: null });
    }
    const ids: Array<{ id: string }> = await stack.api.dataSource.query(
      `SELECT id FROM sign_ups WHERE event_id = $1`,
      [day.event.id],
    );
    expect(ids).toHaveLength(20);
    const outcomes = await Promise.allSettled(ids.map(({ id }) => signUps.confirm(secrets.linkToken(id))));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const statuses: Array<{ status: string; count: number }> = await stack.api.dataSource.query(
      `SELECT status, count(*)::int AS count FROM invitations WHERE event_id = $1 GROUP BY status ORDER BY status`,
      [day.event.id],
    );
    expect(statuses).toEqual([
      { status: 'accepted', count: 5 },
      { status: 'waitlisted', count: 15 },
    ]);
  });

  it('should tell the host’s webhooks of a confirmed sign-up as a registration from open sign-up', async () => {
    const day = await cityDay(stack.api, { title: 'Webhook open day', capacity: 1 });
    const subscribed = await http()
      .post(`/api/v1/organisations/${day.host.id}/webhook-endpoints`)
      .set(bearer(day.host.organiserKey))
      .send({ url: 'https://localhost:9/treffpunkt', eventTypes: ['registration.created'] });
    expect(subscribed.status).toBe(201);
    expect((await openSignUp(day.event.id, day.host.organiserKey)).status).toBe(200);
    const signUps = stack.api.app.get(SignUpsService);
    const secrets = stack.api.app.get(SignUpSecrets);
    const email = `hook-${randomBytes(3).toString('hex')}@example.org`;
    await signUps.request({
      eventId: day.event.id,
      name: 'Baraka Mollel',
      email,
      locale: 'sw',
      organisation: null,
    });
    const [{ id }]: Array<{ id: string }> = await stack.api.dataSource.query(
      `SELECT id FROM sign_ups WHERE event_id = $1`,
      [day.event.id],
    );
    await signUps.confirm(secrets.linkToken(id));

    const deliveries: Array<{ event_type: string; body: { data: Record<string, unknown> } }> =
      await stack.api.dataSource.query(
        `SELECT d.event_type, d.body::jsonb AS body FROM webhook_deliveries d
           JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE w.organisation_id = $1`,
        [day.host.id],
      );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].event_type).toBe('registration.created');
    expect(deliveries[0].body.data).toMatchObject({
      registration: { source: 'sign_up', status: 'accepted' },
      event: { id: day.event.id },
      person: { name: 'Baraka Mollel', organisationId: day.host.id },
    });
    expect(JSON.stringify(deliveries[0].body)).not.toContain(email);
  });

  it('should store nothing for a filled-in honeypot, and refuse a missing or wrong proof of work and a form sent too fast', async () => {
    const email = `bot-${randomBytes(4).toString('hex')}@example.org`;
    const honeypot = await postForm(eventId, { ...validForm(email), website: 'https://spam.example' });
    expect(honeypot.status).toBe(303);
    expect(honeypot.headers.location).toBe(`/calendar/events/${eventId}/sign-up/sent?lang=en`);

    const { challenge } = solvedChallenge(eventId);
    const noProof = await postForm(eventId, { ...validForm(email), challenge, proof: '' });
    expect(noProof.status).toBe(400);
    expect(noProof.text).toContain('Your browser did not run the check against bots');

    const wrong = solvedChallenge(eventId);
    const wrongProof = await postForm(eventId, {
      ...validForm(email),
      ...wrong,
      proof: String(Number(wrong.proof) + 1),
    });
    expect(wrongProof.status).toBe(400);

    const tooFast = await postForm(eventId, { ...validForm(email), ...solvedChallenge(eventId, 500) });
    expect(tooFast.status).toBe(400);
    expect(tooFast.text).toContain('That was very quick');

    const forged = await postForm(eventId, {
      ...validForm(email),
      challenge: `${challenge.slice(0, -3)}AAA`,
    });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('This form has expired');

    const otherEvent = await postForm(eventId, { ...validForm(email), ...solvedChallenge(host.id) });
    expect(otherEvent.status).toBe(400);
    await expect(pendingCount(email)).resolves.toBe(0);
  });

  it('should show wrong input at its field, without storing anything or answering 500', async () => {
    const email = `typo-${randomBytes(4).toString('hex')}@example.org`;
    const wrong = await postForm(eventId, {
      ...validForm('not-an-address'),
      name: '   ',
      language: 'fr',
      organisation: 'x'.repeat(201),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Please enter your name');
    expect(wrong.text).toContain('Please enter a valid email address');
    expect(wrong.text).toContain('Please choose one of the languages');
    expect(wrong.text).toContain('at most 200 characters');
    expect(wrong.text).toContain('value="not-an-address"');
    expect((await postForm(eventId, { ...validForm(email), name: 'y'.repeat(5000) })).status).toBe(400);
    await expect(pendingCount(email)).resolves.toBe(0);

    expect((await http().get('/calendar/events/not-an-id/sign-up')).status).toBe(404);
    const closed = await cityDay(stack.api, { host, title: 'Invitation only' });
    const refused = await http().get(`/calendar/events/${closed.event.id}/sign-up?lang=en`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('This event takes no sign-ups');
    expect((await postForm(closed.event.id, validForm(email))).status).toBe(409);
    expect((await http().get('/sign-up/too-short')).status).toBe(404);
    const json = await http()
      .put(`/api/v1/events/${eventId}/sign-up`)
      .set(bearer(host.organiserKey))
      .send({ open: 'yes' });
    expect(json.status).toBe(400);
  });

  it('should switch open sign-up on from the console’s event editor, with a deadline at the place’s local time', async () => {
    const day = await cityDay(stack.api, { host, title: 'Console day', capacity: 30 });
    const draft = await createEvent(stack.api, host.organiserKey, {
      kind: 'other',
      title: 'Draft evening',
      startsAt: '2031-09-20T18:00',
      endsAt: '2031-09-20T20:00',
      startZone: 'Europe/Berlin',
    });
    const editor = await browser.newPage();
    editor.setDefaultTimeout(15_000);
    await signInMember(stack.api, browser, baseUrl, {
      email: `olga-${randomBytes(3).toString('hex')}@arnsberg.example`,
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: host.id,
      role: 'organiser',
    });
    await editor.goto(`${baseUrl}/console/programme/events/${draft.id}`);
    await editor.getByText('Only public, published events can take sign-ups').waitFor();

    await editor.goto(`${baseUrl}/console/programme/events/${day.event.id}`);
    await editor.getByText('Closed: only invited people can answer.').waitFor();
    const deadline = day.start.minus({ days: 2 }).toFormat("yyyy-MM-dd'T'HH:mm");
    await editor.getByLabel('Take sign-ups from the public calendar').check();
    await editor.getByLabel('Sign-up deadline (local time at the place, optional)').fill(deadline);
    await editor.getByRole('button', { name: 'Save sign-up settings' }).click();
    await editor.getByText('The sign-up settings were saved.').waitFor();
    await expectWellShown(editor, 'open-sign-up-console', [
      'Open: the public calendar takes sign-ups until',
      '30 left',
    ]);
    const settings = await http()
      .get(`/api/v1/events/${day.event.id}/sign-up`)
      .set(bearer(host.viewerKey))
      .expect(200);
    expect(new Date(settings.body.deadline).getTime()).toBe(day.start.minus({ days: 2 }).toMillis());

    await editor
      .getByLabel('Sign-up deadline (local time at the place, optional)')
      .fill(day.start.plus({ days: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await editor.getByRole('button', { name: 'Save sign-up settings' }).click();
    await editor.getByText('Enter a date and time before the start of the event').waitFor();

    await editor.goto(`${baseUrl}/calendar/events/${day.event.id}?lang=en`);
    await editor.getByText('30 seats left').waitFor();
    await editor.close();
  });

  it('should refuse an expired link, and delete expired sign-ups at the next sign-up', async () => {
    const signUps = stack.api.app.get(SignUpsService);
    const email = `late-${randomBytes(4).toString('hex')}@example.org`;
    await signUps.request({ eventId, name: 'Lena Late', email, locale: 'de', organisation: null });
    const [{ id }] = await stack.api.dataSource.query(`SELECT id FROM sign_ups WHERE email = $1`, [email]);
    await stack.api.dataSource.query(
      `UPDATE sign_ups SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const token = stack.api.app.get(SignUpSecrets).linkToken(id);
    const expired = await http().get(`/sign-up/${token}`).set('Accept-Language', 'de-DE,de;q=0.9');
    expect(expired.status).toBe(404);
    expect(expired.text).toContain('Dieser Bestätigungslink wurde schon benutzt oder ist abgelaufen');
    expect((await http().post(`/sign-up/${token}`)).status).toBe(404);

    const next = `next-${randomBytes(4).toString('hex')}@example.org`;
    await signUps.request({ eventId, name: 'Nina Next', email: next, locale: 'de', organisation: null });
    await expect(pendingCount(email)).resolves.toBe(0);
  });

  it('should delete expired sign-ups in the worker’s job, with nobody signing up', async () => {
    const email = `gone-${randomBytes(4).toString('hex')}@example.org`;
    await stack.api.app
      .get(SignUpsService)
      .request({ eventId, name: 'Gina Gone', email, locale: 'en', organisation: null });
    await stack.api.dataSource.query(
      `UPDATE sign_ups SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      [email],
    );
    const queue = stack.worker.app.get<Queue>(getQueueToken(QUEUES.signUps));
    await queue.add(SIGN_UP_JOBS.deleteExpiredSignUps, {});
    await eventually(
      async () => ((await pendingCount(email)) === 0 ? true : undefined),
      MAIL_WAIT_MS,
      'the expired sign-up to be deleted',
    );
  });

  it('should limit sign-up forms per client address with a 429 page', async () => {
    let status = 0;
    for (let attempt = 0; attempt <= SIGN_UP_RATE_LIMIT && status !== 429; attempt += 1) {
      status = (await postForm(eventId, { name: '' })).status;
    }
    expect(status).toBe(429);
    const limited = await postForm(eventId, { name: '' });
    expect(limited.text).toContain('Too many attempts');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
