import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, ReceivedMail } from '@app/testing';
import { csrfTokenOf, expectWellShown, freePort, signInMember } from './console-fixtures';
import { addPerson, cityDay, invitationOf, invite, Person } from './invitation-fixtures';
import { OrganisationKeys } from './planning-fixtures';
import { mailNumber, MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** An invitation email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 20_000;
/** The answer link in an invitation email's text, whether or not the person has answered yet. */
const ANSWER_LINK = /(https?:\/\/\S+\/answer\/\S+)/;

describe('the console’s answers screen in a browser', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let eventId: string;
  let organisationId: string;
  let host: OrganisationKeys;
  let anna: Person;
  let bert: Person;
  let cleo: Person;
  let dora: Person;

  /** The `count`th email to an address, waiting for it to arrive. */
  function mailTo(address: string, count: number): Promise<ReceivedMail> {
    return mailNumber(stack.sink, address, count, MAIL_WAIT_MS);
  }

  async function openInvitee(person: Person): Promise<void> {
    await page.goto(`${baseUrl}/console/answers/${eventId}`);
    await page.getByRole('link', { name: person.name }).click();
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
  }

  function rowOf(person: Person) {
    return page.getByRole('row').filter({ has: page.getByRole('link', { name: person.name }) });
  }

  /** Taken, left and waiting of a workshop, as the seats table shows them. */
  async function seatsOf(workshop: string): Promise<string[]> {
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: workshop }) });
    return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    const day = await cityDay(stack.api, {
      title: 'Partnership day 2031',
      workshops: [
        { title: 'Water workshop', capacity: 1 },
        { title: 'Energy workshop', capacity: 1 },
      ],
    });
    eventId = day.event.id;
    organisationId = day.host.id;
    host = day.host;
    const person = (name: string) =>
      addPerson(stack.api, day.host.organiserKey, { name, locale: 'en', timeZone: 'Europe/Berlin' });
    [anna, bert, cleo, dora] = [
      await person('Anna Achterberg'),
      await person('Bert Bruns'),
      await person('Cleo Cramer'),
      await person('Dora Dahl'),
    ];
    stack.sink.refuseRecipient(dora.email, 550);
    const invited = await invite(stack.api, day.host.organiserKey, eventId, {
      personIds: [anna.id, bert.id, cleo.id, dora.id],
    });
    expect(invited.status).toBe(201);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
    // Each step is one page load on a loaded machine; a missing element should fail in seconds, not 30.
    page.setDefaultTimeout(10_000);
    await signInMember(stack.api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    });
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
  });

  it('should show the answer and the seat of someone who answered through the emailed link', async () => {
    const link = ANSWER_LINK.exec((await mailTo(anna.email, 1)).parsed?.text ?? '')?.[1];
    expect(link?.startsWith(`${baseUrl}/answer/`)).toBe(true);
    await page.goto(link!);
    await page.getByLabel('I will attend').check();
    await page.getByLabel('Water workshop').check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Your seat').first().waitFor();

    await page.goto(`${baseUrl}/console/answers`);
    await expectWellShown(page, 'console-answers-list', ['Partnership day 2031', 'Accepted']);
    await page.getByRole('link', { name: 'Partnership day 2031' }).click();
    await expect(rowOf(anna).textContent()).resolves.toMatch(/Accepted.*Seat in Water workshop/s);
    await expect(seatsOf('Water workshop')).resolves.toEqual(['1', '0', '0']);
  });

  it('should answer on someone’s behalf with their seat, and record it under the organiser’s name', async () => {
    await openInvitee(bert);
    await page.getByLabel('Accept', { exact: true }).check();
    await page.getByLabel('Energy workshop').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Answer saved for Bert Bruns.').waitFor();
    await page.getByText('Seat in Energy workshop').waitFor();

    const bertsInvitation = await invitationOf(stack.api, eventId, bert.id);
    const entries: Array<{ actor_kind: string; actor_label: string; details: Record<string, unknown> }> =
      await stack.api.dataSource.query(
        `SELECT actor_kind, actor_label, details FROM audit_entries
          WHERE action = 'invitation.answered' AND record_id = $1`,
        [bertsInvitation.id],
      );
    expect(entries).toEqual([
      expect.objectContaining({
        actor_kind: 'account',
        actor_label: 'Olga Organiser',
        details: expect.objectContaining({ onBehalf: true, answer: 'accept' }),
      }),
    ]);
  });

  it('should put someone on the waiting list of a full workshop and show them there', async () => {
    await openInvitee(cleo);
    await expect(page.getByText('Full: they join the waiting list').count()).resolves.toBe(2);
    await page.getByLabel('Accept', { exact: true }).check();
    await page.getByLabel('Water workshop').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Waiting list of Water workshop').waitFor();

    await page.goto(`${baseUrl}/console/answers/${eventId}`);
    await expect(seatsOf('Water workshop')).resolves.toEqual(['1', '0', '1']);
    await expect(rowOf(cleo).textContent()).resolves.toContain('Waiting list of Water workshop');
    await expectWellShown(page, 'console-answers-event', ['Seats', 'Waiting list of Water workshop']);
  });

  it('should show the form again with a message when the answer is missing or changed meanwhile', async () => {
    await openInvitee(cleo);
    const path = new URL(page.url()).pathname;
    const form = { _csrf: await csrfTokenOf(page) };
    const missing = await page.request.post(`${baseUrl}${path}/answer`, { form });
    expect(missing.status()).toBe(400);
    expect(await missing.text()).toContain('aria-describedby="answer-problem"');
    const stale = await page.request.post(`${baseUrl}${path}/answer`, {
      form: { ...form, answer: 'decline', seen: 'invited' },
    });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('The answer changed since you opened this page');
    await expect(invitationOf(stack.api, eventId, cleo.id)).resolves.toMatchObject({ status: 'accepted' });
  });

  it('should resend the invitation email, which arrives a second time', async () => {
    await mailTo(cleo.email, 1);
    await openInvitee(cleo);
    await page.getByRole('button', { name: 'Resend invitation email' }).click();
    await page.getByText('The invitation email to Cleo Cramer is on its way again.').waitFor();
    const again = await mailTo(cleo.email, 2);
    expect(ANSWER_LINK.exec(again.parsed?.text ?? '')?.[1]).toContain('/answer/');
  });

  it('should ask before withdrawing an invitation, then withdraw it and send a cancellation', async () => {
    await mailTo(bert.email, 1);
    await openInvitee(bert);
    await page.getByRole('link', { name: 'Withdraw invitation' }).click();
    await page.getByRole('heading', { name: 'Withdraw the invitation of Bert Bruns?' }).waitFor();
    await expect(invitationOf(stack.api, eventId, bert.id)).resolves.toMatchObject({ status: 'accepted' });
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByText('The invitation of Bert Bruns was withdrawn.').waitFor();
    await expect(invitationOf(stack.api, eventId, bert.id)).resolves.toMatchObject({ status: 'cancelled' });
    expect((await mailTo(bert.email, 2)).parsed?.subject).toMatch(/cancel/i);
  });

  it('should show a failed email with its error', async () => {
    const deadline = Date.now() + MAIL_WAIT_MS;
    const statusOfDoras = async (): Promise<string | undefined> => {
      const rows: Array<{ status: string }> = await stack.api.dataSource.query(
        `SELECT status FROM emails WHERE person_id = $1`,
        [dora.id],
      );
      return rows[0]?.status;
    };
    while ((await statusOfDoras()) !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await openInvitee(dora);
    await expectWellShown(page, 'console-answers-person', ['Failed after 1 attempt', 'Last error:']);
  });

  it('should ask the registration questions when answering on someone’s behalf, insisting on the required ones', async () => {
    const visit = await cityDay(stack.api, { host, title: 'Delegation visit Morogoro' });
    const put = await stack.api
      .http()
      .put(`/api/v1/events/${visit.event.id}/questions`)
      .set('Authorization', `Bearer ${host.organiserKey}`)
      .send({
        questions: [
          { type: 'single_choice', label: 'Dietary needs', options: ['Vegan', 'Anything'], required: true },
          { type: 'text', label: 'Passport number', sensitive: true },
        ],
      });
    expect(put.status).toBe(200);
    const emil = await addPerson(stack.api, host.organiserKey, {
      name: 'Emil Engel',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    await invite(stack.api, host.organiserKey, visit.event.id, { personIds: [emil.id] });
    const invitation = await invitationOf(stack.api, visit.event.id, emil.id);
    await page.goto(`${baseUrl}/console/answers/${visit.event.id}/invitations/${invitation.id}`);
    await page.getByLabel('Accept', { exact: true }).check();
    await page.getByLabel(/Passport number/).fill('C01X00T47');
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Please answer this question to accept.').waitFor();
    await expectWellShown(page, 'console-answers-questions', [
      'Some answers to the registration questions are missing',
      'Only the organisers of the hosting municipality see this answer',
    ]);
    await expect(page.getByLabel(/Passport number/).inputValue()).resolves.toBe('C01X00T47');
    await expect(invitationOf(stack.api, visit.event.id, emil.id)).resolves.toMatchObject({
      status: 'invited',
    });

    await page.getByLabel('Vegan').check();
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Answer saved for Emil Engel.').waitFor();
    await page.locator('.answer-text', { hasText: 'C01X00T47' }).waitFor();
    const entries: Array<{ actor_label: string; details: Record<string, unknown> }> =
      await stack.api.dataSource.query(
        `SELECT actor_label, details FROM audit_entries
          WHERE action = 'registration.answers_recorded' AND record_id = $1`,
        [invitation.id],
      );
    expect(entries).toEqual([
      { actor_label: 'Olga Organiser', details: expect.objectContaining({ sensitiveChanged: 1 }) },
    ]);
  });

  it('should show a viewer everything read-only and refuse their changes', async () => {
    await signInMember(stack.api, browser, baseUrl, {
      email: 'vera.viewer@arnsberg.example',
      name: 'Vera Viewer',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'viewer',
    });
    await openInvitee(anna);
    await page.getByText('You can see the answers; only organisers change them.').waitFor();
    await expect(page.getByRole('button', { name: 'Save answer' }).count()).resolves.toBe(0);
    const path = new URL(page.url()).pathname;
    const form = { _csrf: await csrfTokenOf(page), answer: 'decline' };
    for (const action of ['answer', 'resend', 'withdraw']) {
      const refused = await page.request.post(`${baseUrl}${path}/${action}`, { form });
      expect(refused.status()).toBe(403);
    }
    await expect(invitationOf(stack.api, eventId, anna.id)).resolves.toMatchObject({ status: 'accepted' });
  });

  it('should answer an unknown invitation with a page that says so, not an error', async () => {
    const unknown = await page.request.get(
      `${baseUrl}/console/answers/${eventId}/invitations/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain('No invitation with id');
  });
});
