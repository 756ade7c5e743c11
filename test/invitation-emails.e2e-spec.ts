import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { readCalendar, readWithNodeIcal, ReceivedMail, SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { eventually, sleep } from './email-fixtures';
import { addPerson, cityDay, emailsOf, invitationOf, invite, postAnswer } from './invitation-fixtures';
import { organisationWithKeys } from './planning-fixtures';
import { fastMailSettings, startWorker, WorkerHarness } from './worker-harness';

const PUBLIC_BASE_URL = 'https://treffpunkt.example.org';

/** Mails of one kind to one person, as the sink received them (matched by Message-ID). */
async function received(
  api: ApiHarness,
  sink: SmtpSink,
  kind: string,
  personId: string,
): Promise<ReceivedMail[]> {
  const rows: Array<{ message_id: string | null }> = await api.dataSource.query(
    `SELECT message_id FROM emails WHERE kind = $1 AND person_id = $2`,
    [kind, personId],
  );
  const ids = new Set(rows.map((row) => row.message_id));
  return sink.received.filter((mail) => ids.has(mail.messageId));
}

async function arrived(
  api: ApiHarness,
  sink: SmtpSink,
  kind: string,
  personId: string,
): Promise<ReceivedMail> {
  return eventually(
    async () => (await received(api, sink, kind, personId))[0],
    30_000,
    `a ${kind} email to ${personId}`,
  );
}

/** The answer link in an email's plain text, as a path on our server. */
function answerLinkIn(mail: ReceivedMail): string {
  const match = /https:\/\/treffpunkt\.example\.org(\/answer\/[A-Za-z0-9_-]{43})/.exec(
    mail.parsed?.text ?? '',
  );
  if (!match) throw new Error(`No answer link in:\n${mail.parsed?.text}`);
  return match[1];
}

function calendarTextOf(mail: ReceivedMail): string {
  const part = mail.parsed?.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('The email has no calendar part');
  return part.content.toString('utf8');
}

function calendarOf(mail: ReceivedMail): ICAL.Component {
  return new ICAL.Component(ICAL.parse(calendarTextOf(mail)));
}

/** An instant a given time from now, as the API takes it. */
function fromNow(milliseconds: number): string {
  return new Date(Date.now() + milliseconds).toISOString();
}

describe('Invitation emails', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({ env: () => ({ PUBLIC_BASE_URL, ...fastMailSettings(sink.url) }) });
    worker = await startWorker(fastMailSettings(sink.url));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  it('should carry a working answer link in the invitation, and remind the person once they accepted', async () => {
    const host = await organisationWithKeys(api);
    const person = await addPerson(api, host.organiserKey, {
      locale: 'en',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    const event = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({
        kind: 'workshop',
        title: 'Morogoro water partnership call',
        startsAt: fromNow(2 * 60_000 + 8_000),
        endsAt: fromNow(60 * 60_000),
        startZone: 'Europe/Berlin',
        onlineUrl: 'https://meet.example.org/morogoro',
        status: 'published',
        reminderOffsetsMinutes: [2],
      })
      .expect(201);
    await invite(api, host.organiserKey, event.body.id, { personIds: [person.id] }).then((response) =>
      expect(response.status).toBe(201),
    );

    const invitation = await arrived(api, sink, 'invitation', person.id);
    const link = answerLinkIn(invitation);
    const page = await api.http().get(link).expect(200);
    expect(page.text).toContain('Morogoro water partnership call');
    await expect(emailsOf(api, `kind = 'reminder' AND person_id = $1`, [person.id])).resolves.toHaveLength(0);

    await postAnswer(api, link, 'accept').expect(303);
    const reminder = await arrived(api, sink, 'reminder', person.id);
    expect(reminder.recipients).toEqual([person.email]);
    expect(reminder.parsed?.text).toContain('Morogoro water partnership call');
    expect(answerLinkIn(reminder)).toBe(link);
  });

  it('should attach a calendar that ends with CRLF, names people without escapes and times the repeated hour right', async () => {
    const host = await organisationWithKeys(api);
    const person = await addPerson(api, host.organiserKey, { name: 'Anna \\ Back^slash "Nachtzug"' });
    const event = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({
        kind: 'travel_leg',
        title: 'Nachtzug in der Zeitumstellung',
        startsAt: '2027-10-31T02:30:00+01:00',
        endsAt: '2027-10-31T06:00',
        startZone: 'Europe/Berlin',
        status: 'published',
      })
      .expect(201);
    expect(event.body.start.instant).toBe('2027-10-31T01:30:00.000Z');
    await invite(api, host.organiserKey, event.body.id, { personIds: [person.id] }).then((response) =>
      expect(response.status).toBe(201),
    );

    const text = calendarTextOf(await arrived(api, sink, 'invitation', person.id));
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [read] = readCalendar(text).events;
    expect(read.start).toMatchObject({ zone: null, instant: '2027-10-31T01:30:00.000Z' });
    expect(read.end).toMatchObject({ zone: 'Europe/Berlin', instant: '2027-10-31T05:00:00.000Z' });
    const [second] = readWithNodeIcal(text);
    expect(second).toMatchObject({
      start: '2027-10-31T01:30:00.000Z',
      end: '2027-10-31T05:00:00.000Z',
      attendeeNames: ["Anna \\ Back\u02c6slash 'Nachtzug'"],
    });
    const attendee = calendarOf(await arrived(api, sink, 'invitation', person.id))
      .getFirstSubcomponent('vevent')
      ?.getFirstProperty('attendee');
    expect(attendee?.getParameter('cn')).toBe("Anna \\ Back\u02c6slash 'Nachtzug'");
  });

  it('should send only the reminder for the new time when an event moves after reminders were scheduled', async () => {
    const host = await organisationWithKeys(api);
    const person = await addPerson(api, host.organiserKey);
    const startsSoon = (milliseconds: number) => ({
      startsAt: fromNow(2 * 60_000 + milliseconds),
      endsAt: fromNow(30 * 60_000),
    });
    const event = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({
        kind: 'session',
        title: 'Abstimmung Delegationsbesuch',
        ...startsSoon(6_000),
        startZone: 'Europe/Berlin',
        status: 'published',
        reminderOffsetsMinutes: [2],
      })
      .expect(201);
    await invite(api, host.organiserKey, event.body.id, { personIds: [person.id] });
    const link = answerLinkIn(await arrived(api, sink, 'invitation', person.id));
    await postAnswer(api, link, 'accept').expect(303);
    const [scheduled] = await emailsOf(api, `kind = 'reminder' AND person_id = $1`, [person.id]);
    expect(scheduled.status).toBe('queued');

    // Moved by 6 seconds: the old reminder falls due first, but must not arrive.
    const moved = await api
      .http()
      .patch(`/api/v1/events/${event.body.id}`)
      .set(bearer(host.organiserKey))
      .send(startsSoon(12_000))
      .expect(200);
    await arrived(api, sink, 'update', person.id);
    await arrived(api, sink, 'reminder', person.id);
    await sleep(8_000);

    const reminders = await emailsOf(api, `kind = 'reminder' AND person_id = $1`, [person.id]);
    expect(reminders.map((reminder) => [reminder.status, reminder.event_starts_at?.toISOString()])).toEqual([
      ['skipped', new Date(event.body.start.instant).toISOString()],
      ['sent', new Date(moved.body.start.instant).toISOString()],
    ]);
    await expect(received(api, sink, 'reminder', person.id)).resolves.toHaveLength(1);
  });

  it('should send a calendar cancellation when the event is cancelled, and no reminders after it', async () => {
    const host = await organisationWithKeys(api);
    const person = await addPerson(api, host.organiserKey);
    const event = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({
        kind: 'site_visit',
        title: 'Besuch Kläranlage',
        startsAt: fromNow(2 * 60_000 + 6_000),
        endsAt: fromNow(30 * 60_000),
        startZone: 'Europe/Berlin',
        status: 'published',
        reminderOffsetsMinutes: [2],
      })
      .expect(201);
    await invite(api, host.organiserKey, event.body.id, { personIds: [person.id] });
    const link = answerLinkIn(await arrived(api, sink, 'invitation', person.id));
    await postAnswer(api, link, 'tentative').expect(303);

    await api
      .http()
      .patch(`/api/v1/events/${event.body.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);
    const cancellation = await arrived(api, sink, 'cancellation', person.id);
    const calendar = calendarOf(cancellation);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe('CANCELLED');

    await sleep(8_000);
    await expect(received(api, sink, 'reminder', person.id)).resolves.toHaveLength(0);
    await expect(emailsOf(api, `kind = 'reminder' AND person_id = $1`, [person.id])).resolves.toMatchObject([
      { status: 'skipped' },
    ]);
  });

  it('should email the person who moves up from the waitlist when the last seat frees', async () => {
    const { host, event, workshops } = await cityDay(api, {
      workshops: [{ title: 'Stadtrundgang', capacity: 1 }],
    });
    const anna = await addPerson(api, host.organiserKey);
    const baraka = await addPerson(api, host.organiserKey, {
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    await invite(api, host.organiserKey, event.id, { personIds: [anna.id, baraka.id] });
    const links = new Map([
      [anna.id, answerLinkIn(await arrived(api, sink, 'invitation', anna.id))],
      [baraka.id, answerLinkIn(await arrived(api, sink, 'invitation', baraka.id))],
    ]);

    await Promise.all([...links.values()].map((link) => postAnswer(api, link, 'accept', [workshops[0].id])));
    const [seated]: Array<{ person_id: string }> = await api.dataSource.query(
      `SELECT i.person_id FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
        WHERE c.event_id = $1 AND c.status = 'confirmed'`,
      [workshops[0].id],
    );
    const waiting = seated.person_id === anna.id ? baraka : anna;
    await expect(invitationOf(api, event.id, waiting.id)).resolves.toMatchObject({ status: 'accepted' });

    await postAnswer(api, links.get(seated.person_id)!, 'decline').expect(303);
    const promotion = await arrived(api, sink, 'waitlist_promotion', waiting.id);
    expect(promotion.recipients).toEqual([waiting.email]);
    expect(promotion.parsed?.text).toContain('Stadtrundgang');
  });

  it('should send one invitation to each member of an organisation, and none again when re-invited', async () => {
    const { host, event } = await cityDay(api);
    const members = [];
    for (let index = 0; index < 20; index += 1) {
      members.push(await addPerson(api, host.organiserKey, { organisationId: host.id }));
    }
    await invite(api, host.organiserKey, event.id, { organisationIds: [host.id] });
    const invitations = await Promise.all(
      members.map((member) => arrived(api, sink, 'invitation', member.id)),
    );
    expect(new Set(invitations.map(answerLinkIn)).size).toBe(20);

    const again = await invite(api, host.organiserKey, event.id, { organisationIds: [host.id] });
    expect(again.body).toMatchObject({ invited: 0, alreadyInvited: 20 });
    await sleep(1_500);
    for (const member of members) {
      await expect(received(api, sink, 'invitation', member.id)).resolves.toHaveLength(1);
    }
    const start = DateTime.fromISO(event.start.instant);
    expect(invitations[0].parsed?.text).toContain(start.setZone('Europe/Berlin').toFormat('HH:mm'));
  });
});
