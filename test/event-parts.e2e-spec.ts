import { DateTime } from 'luxon';
import { readCalendar, screenshotHtml, ReceivedMail, SmtpSink } from '@app/testing';
import { ApiHarness, bearer, textParser } from './api-harness';
import { eventually, sleep } from './email-fixtures';
import {
  addPerson,
  answerPath,
  cityDay,
  emailsOf,
  invite,
  postAnswer,
  wallTime,
} from './invitation-fixtures';
import { createEvent, organisationWithKeys } from './planning-fixtures';
import { MailingStack, startMailingStack } from './worker-harness';

const BASE_URL = 'https://treffpunkt.example.org';

/** A change of a city day carries through to its workshops: feeds, pages, emails, reminders, seats. */
describe('Event parts follow their event', () => {
  let stack: MailingStack;
  let sink: SmtpSink;
  let api: ApiHarness;

  beforeAll(async () => {
    stack = await startMailingStack(BASE_URL);
    ({ sink, api } = stack);
  });

  afterAll(() => stack?.close());

  const text = (path: string) =>
    api
      .http()
      .get(path.replace(BASE_URL, ''))
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser)
      .expect(200)
      .then((response) => response.body as string);

  const patch = (key: string, id: string, body: Record<string, unknown>) =>
    api.http().patch(`/api/v1/events/${id}`).set(bearer(key)).send(body);

  /** Mails of one kind to one person that the sink received, matched by Message-ID. */
  async function mailsTo(kind: string, personId: string): Promise<ReceivedMail[]> {
    const rows: Array<{ message_id: string | null }> = await api.dataSource.query(
      `SELECT message_id FROM emails WHERE kind = $1 AND person_id = $2 AND status = 'sent'`,
      [kind, personId],
    );
    const ids = new Set(rows.map((row) => row.message_id));
    return sink.received.filter((mail) => ids.has(mail.messageId));
  }

  async function arrived(kind: string, personId: string): Promise<ReceivedMail> {
    return eventually(async () => (await mailsTo(kind, personId))[0], 30_000, `a ${kind} email`);
  }

  /** Waits until no email of the events is pending any more, so that counts are final. */
  async function settled(eventIds: string[]): Promise<void> {
    await eventually(
      async () => {
        const [row] = await api.dataSource.query<Array<{ pending: number }>>(
          `SELECT count(*)::int AS pending FROM emails
            WHERE event_id = ANY($1::uuid[]) AND status IN ('queued', 'sending', 'retrying') AND send_at <= now()`,
          [eventIds],
        );
        return row.pending === 0 ? true : undefined;
      },
      30_000,
      'the emails of the change to be sent',
    );
  }

  /** A city day with a workshop of one seat, one of five, and a plenary everybody attends. */
  async function cityDayWithPeople() {
    const day = await cityDay(api, {
      workshops: [
        { title: 'Workshop Klima', capacity: 1 },
        { title: 'Workshop Wasser', capacity: 5 },
        { title: 'Plenum', capacity: null },
      ],
    });
    const [klima, wasser, plenum] = day.workshops;
    const asha = await addPerson(api, day.host.organiserKey, {
      organisationId: day.host.id,
      name: 'Asha Mwakyusa',
      locale: 'en',
    });
    const ben = await addPerson(api, day.host.organiserKey, {
      organisationId: day.host.id,
      name: 'Ben Berger',
      locale: 'en',
    });
    const key = day.host.organiserKey;
    expect(
      (await invite(api, key, day.event.id, { personIds: [asha.id], workshopIds: [klima.id, wasser.id] }))
        .status,
    ).toBe(201);
    expect(
      (await invite(api, key, day.event.id, { personIds: [ben.id], workshopIds: [klima.id] })).status,
    ).toBe(201);
    await postAnswer(api, await answerPath(api, day.event.id, asha.id), 'accept', [
      klima.id,
      wasser.id,
    ]).expect(303);
    await postAnswer(api, await answerPath(api, day.event.id, ben.id), 'accept', [klima.id]).expect(303);
    await settled([day.event.id, klima.id, wasser.id, plenum.id]);
    return { ...day, klima, wasser, plenum, asha, ben };
  }

  it('should cancel the workshops with their city day in every feed (organisation, event, public, partnership, personal) and on the public page', async () => {
    const day = await cityDayWithPeople();
    const feedToken = await api
      .http()
      .post(`/api/v1/people/${day.asha.id}/feed-token`)
      .set(bearer(day.host.organiserKey))
      .expect(201);

    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      .send({ name: 'Städtepartnerschaft', memberOrganisationIds: [day.host.id] })
      .expect(201);
    for (const id of [day.event.id, day.klima.id, day.wasser.id, day.plenum.id]) {
      await patch(day.host.organiserKey, id, { partnershipId: partnership.body.id }).expect(200);
    }

    await patch(day.host.organiserKey, day.event.id, { status: 'cancelled' }).expect(200);

    const tree = await api
      .http()
      .get(`/api/v1/events/${day.event.id}`)
      .set(bearer(day.host.organiserKey))
      .expect(200);
    expect(tree.body.children.map((part: { status: string }) => part.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    const partIds = [day.klima.id, day.wasser.id, day.plenum.id];
    const statusIn = (body: string) =>
      new Map(readCalendar(body).events.map((entry) => [entry.uid, entry.status]));
    for (const path of [
      `/feeds/organisations/${day.host.code.toLowerCase()}.ics`,
      `/feeds/events/${day.event.id}.ics`,
      '/feeds/public.ics',
      `/feeds/partnerships/${partnership.body.id}.ics`,
      feedToken.body.url as string,
    ]) {
      const statuses = statusIn(await text(path));
      for (const id of [day.event.id, ...partIds]) {
        expect({ path, id, status: statuses.get(`event-${id}@treffpunkt`) ?? 'missing' }).toEqual({
          path,
          id,
          status: 'CANCELLED',
        });
      }
    }
    const page = await api.http().get(`/calendar/events/${day.event.id}?lang=en`).expect(200);
    expect(page.text.match(/class="cancelled"/g)).toHaveLength(4);
    const workshopPage = await api.http().get(`/calendar/events/${day.klima.id}?lang=en`).expect(200);
    expect(workshopPage.text).toContain('<p class="cancelled"><strong>Cancelled</strong></p>');
  });

  it('should send each person one cancellation that lists the parts of their programme, and none per part', async () => {
    const day = await cityDayWithPeople();
    await patch(day.host.organiserKey, day.event.id, { status: 'cancelled' }).expect(200);
    await settled([day.event.id]);

    const rows = await emailsOf(api, `kind IN ('cancellation', 'update') AND person_id = ANY($1::uuid[])`, [
      [day.asha.id, day.ben.id],
    ]);
    expect(rows.map((row) => [row.kind, row.event_id, row.person_id]).sort()).toEqual(
      [
        ['cancellation', day.event.id, day.asha.id],
        ['cancellation', day.event.id, day.ben.id],
      ].sort(),
    );
    const ashaMail = await arrived('cancellation', day.asha.id);
    const ashaText = ashaMail.parsed?.text ?? '';
    expect(ashaText).toContain('unfortunately, Städtetag Arnsberg has been cancelled.');
    expect(ashaText).toContain('Cancelled with it, from your programme:');
    for (const title of ['Workshop Klima', 'Workshop Wasser', 'Plenum'])
      expect(ashaText).toContain(`- ${title} – `);
    // What Asha sees: the parts listed in the HTML body, readable on a phone without scrolling sideways.
    for (const look of await screenshotHtml(String(ashaMail.parsed?.html ?? ''), 'cancellation-with-parts')) {
      expect(look.scrollWidth).toBeLessThanOrEqual(look.width);
      expect(look.visibleText).toContain('Cancelled with it, from your programme:');
      for (const title of ['Workshop Klima', 'Workshop Wasser', 'Plenum'])
        expect(look.visibleText).toContain(title);
    }
    // Ben waits for Klima's one seat and never chose Wasser.
    const benText = (await arrived('cancellation', day.ben.id)).parsed?.text ?? '';
    expect(benText).toMatch(/- Workshop Klima – .*\(waiting list\)/);
    expect(benText).toContain('- Plenum – ');
    expect(benText).not.toContain('Workshop Wasser');
    // Calendars: the city day's entry is cancelled in the message, each part by an attachment.
    const calendars = (ashaMail.parsed?.attachments ?? [])
      .filter((part) => part.contentType === 'text/calendar')
      .map((part) => readCalendar(part.content.toString('utf8')));
    expect(calendars.map((calendar) => calendar.method)).toEqual(['CANCEL', 'CANCEL', 'CANCEL', 'CANCEL']);
    expect(
      calendars
        .map((calendar) => [calendar.events.length, calendar.events[0].uid, calendar.events[0].status])
        .sort(),
    ).toEqual(
      [day.event.id, day.klima.id, day.wasser.id, day.plenum.id]
        .map((id) => [1, `event-${id}@treffpunkt`, 'CANCELLED'])
        .sort(),
    );
    expect(await mailsTo('cancellation', day.asha.id)).toHaveLength(1);
    expect(await mailsTo('cancellation', day.ben.id)).toHaveLength(1);
  });

  it('should bring back only the parts cancelled with the city day, keep the seats, and send one update each', async () => {
    const day = await cityDayWithPeople();
    await patch(day.host.organiserKey, day.wasser.id, { status: 'cancelled' }).expect(200);
    await patch(day.host.organiserKey, day.event.id, { status: 'cancelled' }).expect(200);
    // A part inside a cancelled event cannot come back on its own.
    const alone = await patch(day.host.organiserKey, day.klima.id, { status: 'published' }).expect(409);
    expect(alone.body.code).toBe('event_cancelled');

    await patch(day.host.organiserKey, day.event.id, { status: 'published' }).expect(200);
    const tree = await api
      .http()
      .get(`/api/v1/events/${day.event.id}`)
      .set(bearer(day.host.organiserKey))
      .expect(200);
    const statusOf = new Map(
      tree.body.children.map((part: { id: string; status: string }) => [part.id, part.status]),
    );
    expect(statusOf.get(day.klima.id)).toBe('published');
    expect(statusOf.get(day.plenum.id)).toBe('published');
    expect(statusOf.get(day.wasser.id)).toBe('cancelled');

    // Seats were kept through the cancellation: Asha still holds Klima's seat, Ben still waits.
    const summary = await api
      .http()
      .get(`/api/v1/events/${day.event.id}/invitations/summary`)
      .set(bearer(day.host.organiserKey))
      .expect(200);
    const klima = summary.body.workshops.find((workshop: { id: string }) => workshop.id === day.klima.id);
    expect(klima).toMatchObject({ status: 'published', confirmed: 1, waitlisted: 1, seatsLeft: 0 });

    await settled([day.event.id]);
    const updates = await emailsOf(
      api,
      `kind = 'update' AND person_id = ANY($1::uuid[]) AND status = 'sent'`,
      [[day.asha.id, day.ben.id]],
    );
    expect(updates.map((row) => [row.event_id, row.person_id]).sort()).toEqual(
      [
        [day.event.id, day.asha.id],
        [day.event.id, day.ben.id],
      ].sort(),
    );
    const ashaText = (await arrived('update', day.asha.id)).parsed?.text ?? '';
    expect(ashaText).toContain('Your programme:');
    expect(ashaText).toMatch(/- Workshop Klima – [^\n]*\n/);
    expect(ashaText).toMatch(/- Workshop Wasser – .*\(cancelled\)/);
  });

  it('should move the parts by the same wall-clock shift, reschedule their reminders and send one update each', async () => {
    // A week across the end of summer time (31 October 2027): the workshop at 10:00 stays at 10:00.
    const start = DateTime.fromISO('2027-10-28T09:00', { zone: 'Europe/Berlin' });
    const day = await cityDay(api, {
      start,
      workshops: [{ title: 'Workshop Klima', capacity: 5, reminderOffsetsMinutes: [60] }],
    });
    const [klima] = day.workshops;
    const asha = await addPerson(api, day.host.organiserKey, { organisationId: day.host.id, locale: 'en' });
    await invite(api, day.host.organiserKey, day.event.id, { personIds: [asha.id], workshopIds: [klima.id] });
    await postAnswer(api, await answerPath(api, day.event.id, asha.id), 'accept', [klima.id]).expect(303);
    const before = await emailsOf(api, `kind = 'reminder' AND event_id = $1 AND status = 'queued'`, [
      klima.id,
    ]);
    expect(before).toHaveLength(1);

    const later = start.plus({ days: 7 });
    await patch(day.host.organiserKey, day.event.id, {
      startsAt: wallTime(later),
      endsAt: wallTime(later.plus({ hours: 8 })),
    }).expect(200);

    const moved = await api
      .http()
      .get(`/api/v1/events/${klima.id}`)
      .set(bearer(day.host.organiserKey))
      .expect(200);
    expect(DateTime.fromISO(moved.body.start.instant, { zone: 'Europe/Berlin' }).toISO()).toBe(
      later.plus({ hours: 1 }).toISO(),
    );
    expect(moved.body.sequence).toBe(klima.sequence + 1);
    const reminders = await emailsOf(api, `kind = 'reminder' AND event_id = $1`, [klima.id]);
    expect(reminders.map((row) => [row.status, row.event_starts_at?.toISOString()]).sort()).toEqual(
      [
        ['queued', later.plus({ hours: 1 }).toJSDate().toISOString()],
        ['skipped', start.plus({ hours: 1 }).toJSDate().toISOString()],
      ].sort(),
    );
    await settled([day.event.id, klima.id]);
    const updates = await emailsOf(api, `kind = 'update' AND person_id = $1`, [asha.id]);
    expect(updates.map((row) => row.event_id)).toEqual([day.event.id]);
    const mail = await arrived('update', asha.id);
    expect(mail.parsed?.text).toMatch(/- Workshop Klima – Thursday, 4 November 2027, 10:00 – 11:00/);

    // Stretching the day instead of moving it leaves the parts where they are, and refuses to
    // leave one outside.
    const shrunk = await patch(day.host.organiserKey, day.event.id, {
      startsAt: wallTime(later.plus({ hours: 3 })),
    }).expect(400);
    expect(shrunk.body.detail ?? JSON.stringify(shrunk.body)).toContain('Workshop Klima');
  });

  it('should not send the reminder of a workshop whose city day was cancelled, while the worker sends others', async () => {
    const host = await organisationWithKeys(api);
    const asha = await addPerson(api, host.organiserKey, { organisationId: host.id, locale: 'en' });
    const startsAt = new Date(Date.now() + 2 * 60_000 + 25_000);
    const span = {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    };
    const create = (body: Record<string, unknown>) =>
      createEvent(api, host.organiserKey, {
        status: 'published',
        reminderOffsetsMinutes: [2],
        ...span,
        ...body,
      });
    const day = await create({ kind: 'city_day', title: 'Städtetag', reminderOffsetsMinutes: [10080] });
    const workshop = await create({ title: 'Workshop Klima', parentId: day.id, capacity: 5 });
    const control = await create({ title: 'Sprechstunde' });
    await invite(api, host.organiserKey, day.id, { personIds: [asha.id], workshopIds: [workshop.id] });
    await invite(api, host.organiserKey, control.id, { personIds: [asha.id] });
    await postAnswer(api, await answerPath(api, day.id, asha.id), 'accept', [workshop.id]).expect(303);
    await postAnswer(api, await answerPath(api, control.id, asha.id), 'accept').expect(303);
    const [due] = await emailsOf(api, `kind = 'reminder' AND event_id = $1`, [workshop.id]);
    expect(due.status).toBe('queued');

    await patch(host.organiserKey, day.id, { status: 'cancelled' }).expect(200);

    // The reminder of the event that goes on is sent at its time: by then the other was due too.
    await eventually(async () => (await mailsTo('reminder', asha.id))[0], 60_000, 'the control reminder');
    await sleep(1_000);
    const reminders = await emailsOf(api, `kind = 'reminder' AND person_id = $1`, [asha.id]);
    expect(reminders.map((row) => [row.event_id, row.status]).sort()).toEqual(
      [
        [control.id, 'sent'],
        [workshop.id, 'skipped'],
      ].sort(),
    );
    expect(
      sink.received.filter((mail) => (mail.parsed?.subject ?? '').startsWith('Reminder: Workshop Klima')),
    ).toEqual([]);
  }, 120_000);

  it('should keep seats in a cancelled workshop, promote nobody into it, and give a freed seat once it is back', async () => {
    const day = await cityDayWithPeople();
    // Answering again while Klima is cancelled keeps Asha's seat there: the page does not offer it.
    await patch(day.host.organiserKey, day.klima.id, { status: 'cancelled' }).expect(200);
    const ashaLink = await answerPath(api, day.event.id, day.asha.id);
    await postAnswer(api, ashaLink, 'accept', [day.wasser.id]).expect(303);
    const ashaSeat = await api.dataSource.query<Array<{ status: string }>>(
      `SELECT c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
        WHERE i.person_id = $1 AND c.event_id = $2`,
      [day.asha.id, day.klima.id],
    );
    expect(ashaSeat).toEqual([{ status: 'confirmed' }]);
    // Declining gives the seat up; Ben, waiting, does not get a seat in a cancelled workshop.
    await postAnswer(api, ashaLink, 'decline').expect(303);
    const seat = () =>
      api.dataSource.query<Array<{ status: string }>>(
        `SELECT c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
          WHERE i.person_id = $1 AND c.event_id = $2`,
        [day.ben.id, day.klima.id],
      );
    await expect(seat()).resolves.toEqual([{ status: 'waitlisted' }]);

    await patch(day.host.organiserKey, day.klima.id, { status: 'published' }).expect(200);
    await expect(seat()).resolves.toEqual([{ status: 'confirmed' }]);
    await arrived('waitlist_promotion', day.ben.id);
  });
});
