import { DateTime } from 'luxon';
import { BrowserContext, Page } from 'playwright-core';
import { launchChromium, readCalendar } from '@app/testing';
import { bearer, textParser } from './api-harness';
import { expectWellShown, freePort, signInMember } from './console-fixtures';
import { eventually } from './email-fixtures';
import {
  addPerson,
  answerPath,
  cityDay,
  invitationOf,
  invite,
  Person,
  wallTime,
} from './invitation-fixtures';
import { createEvent, OrganisationKeys } from './planning-fixtures';
import { MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** An email goes through the outbox, the relay and the worker: a few relay passes at most. */
const MAIL_WAIT_MS = 20_000;

/**
 * One seat per round: workshops of a city day whose times overlap are alternatives. Checked
 * where people meet it (the answer page in Chromium, the API, their feed), and against real
 * PostgreSQL with many requests for the same people at once.
 */
describe('workshop rounds', () => {
  let stack: MailingStack;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let host: OrganisationKeys;
  let start: DateTime;
  let eventId: string;
  const workshop: Record<'digitalisierung' | 'klimaschutz' | 'bauen', { id: string; title: string }> = {
    digitalisierung: { id: '', title: 'Workshop Digitalisierung' },
    klimaschutz: { id: '', title: 'Workshop Klimaschutz' },
    bauen: { id: '', title: 'Workshop Bauen und Mobilität' },
  };
  let jana: Person;

  async function addWorkshop(
    parentId: string,
    title: string,
    from: number,
    to: number,
    capacity: number,
    dayStart = start,
  ) {
    const created = await createEvent(stack.api, host.organiserKey, {
      kind: 'workshop',
      title,
      parentId,
      startsAt: wallTime(dayStart.plus({ hours: from })),
      endsAt: wallTime(dayStart.plus({ hours: to })),
      startZone: 'Europe/Berlin',
      status: 'published',
      capacity,
    });
    return created.id;
  }

  /** The seats (confirmed or waiting) a person's invitation holds, by workshop id. */
  async function seatsOf(person: Person, event = eventId): Promise<Record<string, string>> {
    const rows: Array<{ event_id: string; status: string }> = await stack.api.dataSource.query(
      `SELECT c.event_id, c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
        WHERE i.event_id = $1 AND i.person_id = $2 AND c.status <> 'withdrawn'`,
      [event, person.id],
    );
    return Object.fromEntries(rows.map((row) => [row.event_id, row.status]));
  }

  function answerFor(invitationId: string, body: Record<string, unknown>, event = eventId) {
    return stack.api
      .http()
      .post(`/api/v1/events/${event}/invitations/${invitationId}/answer`)
      .set(bearer(host.organiserKey))
      .send(body);
  }

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    stack = await startMailingStack(baseUrl);
    await stack.api.app.listen(port, '127.0.0.1');
    const day = await cityDay(stack.api, { title: 'Städtetag Arnsberg–Sundern' });
    ({ host, start } = day);
    eventId = day.event.id;
    workshop.digitalisierung.id = await addWorkshop(eventId, workshop.digitalisierung.title, 1, 3, 1);
    workshop.klimaschutz.id = await addWorkshop(eventId, workshop.klimaschutz.title, 1, 3, 20);
    workshop.bauen.id = await addWorkshop(eventId, workshop.bauen.title, 4, 6, 20);
    jana = await addPerson(stack.api, host.organiserKey, {
      name: 'Jana Becker',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect((await invite(stack.api, host.organiserKey, eventId, { personIds: [jana.id] })).status).toBe(201);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage();
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await removeQueueKeys();
  });

  it('should offer one workshop per round on the answer page, and say which seat another choice gives up', async () => {
    await page.goto(`${baseUrl}${await answerPath(stack.api, eventId, jana.id)}`);
    const firstRound = page.getByRole('group', { name: /10:00 – 12:00/ });
    await firstRound.getByLabel(workshop.digitalisierung.title).check();
    await firstRound.getByLabel(workshop.klimaschutz.title).check();
    // One name per round: the browser unchecks the other, so the form cannot ask for two.
    await expect(firstRound.getByLabel(workshop.digitalisierung.title).isChecked()).resolves.toBe(false);
    await page.getByLabel(workshop.bauen.title).check();
    await page.getByLabel('I will attend').check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.klimaschutz.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });
    await expectWellShown(page, 'workshop-rounds-answer-page', [
      '10:00 – 12:00',
      '13:00 – 15:00',
      'None of these',
      `You hold a seat in “${workshop.klimaschutz.title}”. Choosing another workshop of this round gives that seat up`,
    ]);

    await page
      .getByRole('group', { name: /10:00 – 12:00/ })
      .getByLabel(workshop.digitalisierung.title)
      .check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.digitalisierung.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });
  });

  it('should refuse a crafted answer with two workshops of one round as a page that names them, saving nothing', async () => {
    const path = await answerPath(stack.api, eventId, jana.id);
    const form = new URLSearchParams([
      ['answer', 'accept'],
      ['workshop', workshop.digitalisierung.id],
      ['workshop', workshop.klimaschutz.id],
    ]);
    const refused = await stack.api.http().post(path).type('form').send(form.toString());
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(
      `Nothing was saved: “${workshop.digitalisierung.title}” and “${workshop.klimaschutz.title}” take place at the same time`,
    );
    expect(refused.text).not.toMatch(/stack|at .*\.ts/i);
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.digitalisierung.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });
    await page.setContent(refused.text);
    await expectWellShown(page, 'workshop-rounds-answer-refused', ['Nothing was saved']);
  });

  it('should show only the one workshop of each round in the personal feed', async () => {
    const issued = await stack.api
      .http()
      .post(`/api/v1/people/${jana.id}/feed-token`)
      .set(bearer(host.organiserKey))
      .expect(201);
    const feed = await stack.api
      .http()
      .get(new URL(issued.body.url).pathname)
      .buffer(true)
      .parse(textParser)
      .expect(200);
    const summaries = readCalendar(feed.body as string).events.map((event) => event.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Städtetag Arnsberg–Sundern',
        workshop.digitalisierung.title,
        workshop.bauen.title,
      ]),
    );
    expect(summaries).not.toContain(workshop.klimaschutz.title);
  });

  it('should answer 409 round_taken naming the seat, and swap with replace, giving the freed seat to the waitlist with an email', async () => {
    const lena = await addPerson(stack.api, host.organiserKey, { name: 'Lena Vogt', locale: 'en' });
    expect((await invite(stack.api, host.organiserKey, eventId, { personIds: [lena.id] })).status).toBe(201);
    const lenas = (await invitationOf(stack.api, eventId, lena.id)).id;
    const janas = (await invitationOf(stack.api, eventId, jana.id)).id;
    // Digitalisierung has one seat, Jana's: Lena waits for it.
    await answerFor(lenas, { answer: 'accept', workshopIds: [workshop.digitalisierung.id] }).expect(200);
    await expect(seatsOf(lena)).resolves.toEqual({ [workshop.digitalisierung.id]: 'waitlisted' });

    const both = [workshop.digitalisierung.id, workshop.klimaschutz.id, workshop.bauen.id];
    const taken = await answerFor(janas, { answer: 'accept', workshopIds: both }).expect(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.body).toMatchObject({
      code: 'round_taken',
      details: {
        seat: {
          workshopId: workshop.digitalisierung.id,
          title: workshop.digitalisierung.title,
          status: 'confirmed',
        },
        requested: { workshopId: workshop.klimaschutz.id, title: workshop.klimaschutz.title },
      },
    });
    expect(taken.body.detail).toContain(`would replace the seat in "${workshop.digitalisierung.title}"`);
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.digitalisierung.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });

    const swapped = await answerFor(janas, { answer: 'accept', workshopIds: both, replace: true }).expect(
      200,
    );
    expect(
      (swapped.body.choices as Array<{ workshopId: string; status: string }>)
        .filter((choice) => choice.status !== 'withdrawn')
        .map((choice) => choice.workshopId)
        .sort(),
    ).toEqual([workshop.klimaschutz.id, workshop.bauen.id].sort());
    await expect(seatsOf(lena)).resolves.toEqual({ [workshop.digitalisierung.id]: 'confirmed' });
    const promotion = await eventually(
      () => stack.sink.received.filter((mail) => mail.recipients.includes(lena.email))[1],
      MAIL_WAIT_MS,
      `the waitlist email to ${lena.email}`,
    );
    expect(promotion.parsed?.subject).toContain(`You have a place: ${workshop.digitalisierung.title}`);

    const audit: Array<{ details: { seatsReplaced?: unknown } }> = await stack.api.dataSource.query(
      `SELECT details FROM audit_entries WHERE record_id = $1 AND action = 'invitation.answered'
        ORDER BY id DESC LIMIT 1`,
      [janas],
    );
    expect(audit[0].details.seatsReplaced).toEqual([
      { given: workshop.digitalisierung.id, taken: workshop.klimaschutz.id },
    ]);
  });

  it('should end with one seat per round for each person when many ask for seats of one round at once', async () => {
    const day = await cityDay(stack.api, {
      host,
      title: 'Städtetag unter Last',
      start: start.plus({ days: 1 }),
    });
    const [a, b, c] = [
      await addWorkshop(day.event.id, 'Runde A', 1, 3, 5, day.start),
      await addWorkshop(day.event.id, 'Runde B', 1, 3, 5, day.start),
      await addWorkshop(day.event.id, 'Runde C', 2, 4, 5, day.start),
    ];
    const people: Person[] = [];
    for (let index = 0; index < 12; index++) people.push(await addPerson(stack.api, host.organiserKey));
    const invited = await invite(stack.api, host.organiserKey, day.event.id, {
      personIds: people.map((person) => person.id),
    });
    expect(invited.status).toBe(201);
    const invitations = await Promise.all(
      people.map(async (person) => ({
        person,
        invitationId: (await invitationOf(stack.api, day.event.id, person.id)).id,
        path: await answerPath(stack.api, day.event.id, person.id),
      })),
    );

    // For every person at once: an invitation with a seat in A, one in C, answers on their behalf
    // for B, and their own answer page asking for C.
    const requests = invitations.flatMap(({ person, invitationId, path }) => [
      invite(stack.api, host.organiserKey, day.event.id, { personIds: [person.id], workshopIds: [a] }),
      invite(stack.api, host.organiserKey, day.event.id, { personIds: [person.id], workshopIds: [c] }),
      answerFor(invitationId, { answer: 'accept', workshopIds: [b] }, day.event.id),
      stack.api
        .http()
        .post(path)
        .type('form')
        .send(
          new URLSearchParams([
            ['answer', 'accept'],
            ['workshop[0]', c],
          ]).toString(),
        ),
    ]);
    const answers = await Promise.all(requests);
    expect(answers.filter((response) => response.status >= 400).map((response) => response.text)).toEqual([]);

    const held: Array<{ person_id: string; seats: number; confirmed: number }> =
      await stack.api.dataSource.query(
        `SELECT i.person_id, count(c.id)::int AS seats, count(c.id) FILTER (WHERE c.status = 'confirmed')::int AS confirmed
         FROM invitations i LEFT JOIN workshop_choices c ON c.invitation_id = i.id AND c.status <> 'withdrawn'
        WHERE i.event_id = $1 GROUP BY i.person_id`,
        [day.event.id],
      );
    expect(held).toHaveLength(people.length);
    expect(held.filter((row) => row.seats !== 1)).toEqual([]);
    const taken: Array<{ event_id: string; confirmed: number }> = await stack.api.dataSource.query(
      `SELECT event_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed FROM workshop_choices
        WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [[a, b, c]],
    );
    for (const row of taken) expect(row.confirmed).toBeLessThanOrEqual(5);
  });

  it('should give one seat per round when invitations name two workshops of one round at the same moment', async () => {
    const day = await cityDay(stack.api, {
      host,
      title: 'Städtetag im Gleichschritt',
      start: start.plus({ days: 2 }),
    });
    const [a, c] = [
      await addWorkshop(day.event.id, 'Gleichzeitig A', 1, 3, 50, day.start),
      await addWorkshop(day.event.id, 'Gleichzeitig C', 2, 4, 50, day.start),
    ];
    const people: Person[] = [];
    for (let index = 0; index < 30; index++) people.push(await addPerson(stack.api, host.organiserKey));
    const personIds = people.map((person) => person.id);
    expect((await invite(stack.api, host.organiserKey, day.event.id, { personIds })).status).toBe(201);

    // Both workshops for everyone at once, in both orders: without the round's locks, the two
    // requests of a person each see no seat of the other and both insert one.
    const requests = people.flatMap((person, index) => {
      const order = index % 2 === 0 ? [a, c] : [c, a];
      return order.map((workshopId) =>
        invite(stack.api, host.organiserKey, day.event.id, {
          personIds: [person.id],
          workshopIds: [workshopId],
        }),
      );
    });
    const answers = await Promise.all(requests);
    expect(answers.map((response) => response.status)).toEqual(requests.map(() => 201));
    const given = answers.map((response) => response.body.workshops[0]);
    expect(given.filter((seats) => seats.confirmed === 1)).toHaveLength(people.length);
    expect(given.filter((seats) => seats.heldOtherInRound === 1)).toHaveLength(people.length);

    const seats: Array<{ seats: number }> = await stack.api.dataSource.query(
      `SELECT count(*)::int AS seats FROM invitations i
         JOIN workshop_choices c ON c.invitation_id = i.id AND c.status <> 'withdrawn'
        WHERE i.event_id = $1 GROUP BY i.person_id`,
      [day.event.id],
    );
    expect(seats.map((row) => row.seats)).toEqual(people.map(() => 1));
  });

  it('should warn an organiser in the console before times put someone’s seats into one round, naming them', async () => {
    const console = await browser.newPage();
    await signInMember(stack.api, browser, baseUrl, {
      email: 'olga.organiser@rounds.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: host.id,
      role: 'organiser',
    });
    await console.goto(`${baseUrl}/console/programme/events/${workshop.bauen.id}`);
    await console.locator('#event-startsAt').fill(wallTime(start.plus({ hours: 2 })).slice(0, 16));
    await console.locator('#event-endsAt').fill(wallTime(start.plus({ hours: 4 })).slice(0, 16));
    await console.getByRole('button', { name: 'Save changes' }).click();
    await console
      .getByText('With these times, one person would hold seats in workshops that overlap')
      .waitFor();
    await expectWellShown(console, 'workshop-rounds-console-warning', [
      `Jana Becker: ${workshop.bauen.title} · ${workshop.klimaschutz.title}`,
      'Save again to change the times anyway.',
    ]);
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.klimaschutz.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });
    await console.getByRole('button', { name: 'Save changes' }).click();
    await console.getByText('Your changes were saved.').waitFor();

    // Her page in the console's answers screen shows both seats of the round, and why.
    const janas = (await invitationOf(stack.api, eventId, jana.id)).id;
    await console.goto(`${baseUrl}/console/answers/${eventId}/invitations/${janas}`);
    await expectWellShown(console, 'workshop-rounds-console-invitee', [
      'The times changed after they chose: they hold seats in overlapping workshops.',
    ]);
    const round = console.getByRole('group', { name: /10:00 – 13:00/ });
    await expect(round.getByLabel(workshop.klimaschutz.title).isChecked()).resolves.toBe(true);
    await expect(round.getByLabel(workshop.bauen.title).isChecked()).resolves.toBe(true);
    await console.close();
  });

  it('should answer 409 seats_overlap naming the people when the API moves a workshop into another round, and keep both seats once confirmed', async () => {
    const patchBauen = (from: number, to: number, query = '') =>
      stack.api
        .http()
        .patch(`/api/v1/events/${workshop.bauen.id}${query}`)
        .set(bearer(host.organiserKey))
        .send({
          startsAt: wallTime(start.plus({ hours: from })),
          endsAt: wallTime(start.plus({ hours: to })),
        });
    // The console's test left it overlapping; back to the afternoon, which joins nobody.
    expect((await patchBauen(4, 6)).status).toBe(200);
    const joined = [
      {
        personId: jana.id,
        name: 'Jana Becker',
        workshops: [
          { id: workshop.bauen.id, title: workshop.bauen.title },
          { id: workshop.klimaschutz.id, title: workshop.klimaschutz.title },
        ],
      },
    ];

    const preview = await stack.api
      .http()
      .post(`/api/v1/events/${workshop.bauen.id}/change-preview`)
      .set(bearer(host.organiserKey))
      .send({ startsAt: wallTime(start.plus({ hours: 2 })), endsAt: wallTime(start.plus({ hours: 4 })) });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ overlappingSeats: joined });
    const unchanged = await stack.api
      .http()
      .post(`/api/v1/events/${workshop.bauen.id}/change-preview`)
      .set(bearer(host.organiserKey))
      .send({ title: workshop.bauen.title });
    expect(unchanged.body).toEqual({ overlappingSeats: [] });

    const refused = await patchBauen(2, 4);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'seats_overlap', details: { people: joined } });
    expect(refused.body.detail).toContain('confirm=overlaps');
    const stillAfternoon = await stack.api
      .http()
      .get(`/api/v1/events/${workshop.bauen.id}`)
      .set(bearer(host.organiserKey));
    expect(stillAfternoon.body.start.local).toBe(wallTime(start.plus({ hours: 4 })));
    expect((await patchBauen(2, 4, '?confirm=yes')).status).toBe(400);
    // A viewer learns nothing of who holds which seats.
    const viewer = await stack.api
      .http()
      .post(`/api/v1/events/${workshop.bauen.id}/change-preview`)
      .set(bearer(host.viewerKey))
      .send({ startsAt: wallTime(start.plus({ hours: 2 })), endsAt: wallTime(start.plus({ hours: 4 })) });
    expect(viewer.status).toBe(403);

    expect((await patchBauen(2, 4, '?confirm=overlaps')).status).toBe(200);
    await expect(seatsOf(jana)).resolves.toEqual({
      [workshop.klimaschutz.id]: 'confirmed',
      [workshop.bauen.id]: 'confirmed',
    });

    await page.goto(`${baseUrl}${await answerPath(stack.api, eventId, jana.id)}`);
    const round = page.getByRole('group', { name: /10:00 – 13:00/ });
    await expectWellShown(page, 'workshop-rounds-answer-overlap', [
      `your seats in “${workshop.klimaschutz.title}” and “${workshop.bauen.title}” now overlap`,
    ]);
    await round.getByLabel(workshop.bauen.title).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you, your answer has been saved.').waitFor();
    await expect(seatsOf(jana)).resolves.toEqual({ [workshop.bauen.id]: 'confirmed' });
  });
});
