import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import ICAL from 'ical.js';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { eventUid } from '@app/calendar';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  EmailDeliveryModule,
  EmailDeliveryService,
  EmailRelay,
  EMAILS_PER_JOB,
  messageIdFor,
} from '@app/emails';
import { DeliverEmailsPayload, QUEUES } from '@app/queue';
import { ReceivedMail, SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import {
  emailByKey,
  emailRows,
  eventually,
  eventWithPeople,
  queueEmails,
  sleep,
  timeoutFor,
  uniqueKey,
  waitForStatus,
  whileProgressing,
} from './email-fixtures';
import { organisationWithKeys } from './planning-fixtures';
import { fastMailSettings, removeQueueKeys, startWorker, WorkerHarness } from './worker-harness';

const PUBLIC_BASE_URL = 'https://treffpunkt.example.org';
/** Enough emails that two relays running at the same time both find some. */
const RACE_EMAILS = 1_500;

function calendarOf(mail: ReceivedMail): ICAL.Component {
  const part = mail.parsed?.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('The email has no calendar part');
  return new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
}

function mailTo(sink: SmtpSink, address: string): ReceivedMail | undefined {
  return sink.received.find((mail) => mail.recipients.includes(address));
}

describe('Email delivery', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness | null = null;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({
      env: () => ({
        PUBLIC_BASE_URL,
        MAIL_ORGANIZER: 'Stadt Arnsberg <termine@arnsberg.example>',
        ...fastMailSettings(sink.url),
      }),
    });
    worker = await startWorker(fastMailSettings(sink.url));
  });

  /** The outbox relay and delivery state alone, as the worker has them, without a mail processor. */
  async function startRelayOnly(): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule, DatabaseModule, EmailDeliveryModule],
    }).compile();
    return moduleRef.createNestApplication({ logger: false }).init();
  }

  /** Until the queue has no job waiting, delayed for less than a minute, or running. */
  async function queueSettled(queue: Queue): Promise<void> {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      const soon = await queue.getDelayed();
      const dueSoon = soon.filter((job) => job.timestamp + job.delay < Date.now() + 60_000);
      return counts.waiting + counts.active + counts.prioritized + dueSoon.length === 0 ? true : undefined;
    });
  }

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await removeQueueKeys();
    await sink?.close();
  });

  afterEach(() => {
    sink.refuseAll(null);
  });

  it('should deliver invitations in each recipient’s language and zone, with answer link and calendar request', async () => {
    const { host, event, people } = await eventWithPeople(api, [
      { locale: 'en', timeZone: 'Africa/Dar_es_Salaam' },
      { locale: 'de', timeZone: 'Europe/Berlin' },
    ]);
    const [visitor, local] = people;
    await api
      .http()
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(host.organiserKey))
      .send({ personIds: [visitor.id, local.id] })
      .expect(201);

    await eventually(() => (mailTo(sink, visitor.email) && mailTo(sink, local.email) ? true : undefined));
    const english = mailTo(sink, visitor.email)!;
    const german = mailTo(sink, local.email)!;

    const startsAt = new Date(event.start.instant);
    const inDar = DateTime.fromJSDate(startsAt, { zone: 'Africa/Dar_es_Salaam' }).toFormat('HH:mm');
    const inBerlin = DateTime.fromJSDate(startsAt, { zone: 'Europe/Berlin' }).toFormat('HH:mm');
    expect(inDar).not.toBe(inBerlin);
    expect(english.parsed?.subject).toMatch(/^Invitation: Städtetag Arnsberg–Sundern – /);
    expect(english.parsed?.text).toContain(`When (your time): `);
    expect(english.parsed?.text).toMatch(new RegExp(`${inDar} – \\d\\d:\\d\\d Dar es Salaam \\(EAT\\)`));
    expect(english.parsed?.text).toMatch(new RegExp(`When \\(local time at the venue\\): .*${inBerlin} – `));
    expect(english.parsed?.text).toContain('Rathaus Arnsberg, Rathausplatz 2, 59759 Arnsberg');
    expect(english.parsed?.html).toContain('Rathaus Arnsberg');
    expect(german.parsed?.subject).toMatch(/^Einladung: Städtetag Arnsberg–Sundern – /);
    expect(german.parsed?.text).toContain('Sie sind herzlich zu Städtetag Arnsberg–Sundern eingeladen.');
    expect(german.parsed?.text).not.toContain('Ortszeit am Veranstaltungsort');

    const answerLink = /Answer now: (\S+)/.exec(english.parsed?.text ?? '')?.[1];
    expect(answerLink?.startsWith(`${PUBLIC_BASE_URL}/answer/`)).toBe(true);
    expect(english.parsed?.html).toContain(`href="${answerLink}"`);
    await api.http().get(new URL(answerLink!).pathname).expect(200);

    expect(english.raw.toString('utf8')).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i,
    );
    const calendar = calendarOf(english);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const served = await api
      .http()
      .get(`/feeds/events/${event.id}.ics`)
      .set('Accept-Encoding', 'identity')
      .buffer(true)
      .parse(textParser)
      .expect(200);
    const feedUid = new ICAL.Component(ICAL.parse(served.body as string))
      .getFirstSubcomponent('vevent')!
      .getFirstPropertyValue('uid');
    expect(vevent.getFirstPropertyValue('uid')).toBe(eventUid(event.id));
    expect(vevent.getFirstPropertyValue('uid')).toBe(feedUid);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(event.sequence);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      'mailto:termine@arnsberg.example',
    );
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe(`mailto:${visitor.email}`);
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(
      startsAt.getTime(),
    );

    const [row] = await emailRows(api, 'person_id = $1', [visitor.id]);
    expect(english.messageId).toBe(`<email-${row.id}@treffpunkt.example.org>`);
    const listed = await api
      .http()
      .get(`/api/v1/events/${event.id}/emails`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'invitation', status: 'sent', messageId: english.messageId }),
      ]),
    );
    const forPerson = await api
      .http()
      .get(`/api/v1/people/${local.id}/emails`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(forPerson.body.items).toEqual([
      expect.objectContaining({ status: 'sent', messageId: german.messageId }),
    ]);
  });

  it('should send a cancellation with METHOD:CANCEL and STATUS:CANCELLED for the same calendar entry', async () => {
    const { host, event, people } = await eventWithPeople(api, [{ locale: 'de', timeZone: 'Europe/Berlin' }]);
    const [person] = people;
    await api
      .http()
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(host.organiserKey))
      .send({ personIds: [person.id] })
      .expect(201);
    await eventually(() => mailTo(sink, person.email));
    const cancelled = await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);

    const cancellation = await eventually(() =>
      sink.received.find(
        (mail) => mail.recipients.includes(person.email) && /^Abgesagt: /.test(mail.parsed?.subject ?? ''),
      ),
    );
    expect(cancellation.raw.toString('utf8')).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i,
    );
    const calendar = calendarOf(cancellation);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('uid')).toBe(eventUid(event.id));
    expect(vevent.getFirstPropertyValue('sequence')).toBe(cancelled.body.sequence);
    expect(cancelled.body.sequence).toBeGreaterThan(event.sequence);
    expect(cancellation.parsed?.text).toContain('wurde leider abgesagt');
    // Nothing to answer any more; the programme page (behind the same secret) still opens.
    expect(cancellation.parsed?.text).not.toMatch(/\/answer\/[A-Za-z0-9_-]{43}(?!\/programme)/);
    expect(cancellation.parsed?.text).toMatch(/\/answer\/[A-Za-z0-9_-]{43}\/programme/);
  });

  it('should open Bull Board only with an admin key, as bearer token or basic-auth password', async () => {
    const organiser = await organisationWithKeys(api);
    const unauthenticated = await api.http().get('/admin/queues').expect(401);
    expect(unauthenticated.headers['www-authenticate']).toMatch(/^Basic realm=/);
    await api.http().get('/admin/queues').auth('admin', 'tp_not_a_key').expect(401);
    await api.http().get('/admin/queues').auth('admin', organiser.organiserKey).expect(403);
    await api.http().get('/admin/queues').auth('admin', api.adminKey).expect(200);
    const queues = await api.http().get('/admin/queues/api/queues').set(bearer(api.adminKey)).expect(200);
    expect(JSON.stringify(queues.body)).toContain('"name":"mail"');
  });

  it('should keep line breaks in names out of the mail headers', async () => {
    const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    const [person] = people;
    await api.dataSource.query(`UPDATE people SET name = $2 WHERE id = $1`, [
      person.id,
      'Eve\r\nBcc: victim@example.org\r\nX-Injected: yes',
    ]);
    const key = uniqueKey('update');
    await queueEmails(api, [
      { kind: 'update', eventId: event.id, personId: person.id, dedupeKey: key, eventSequence: 0 },
    ]);
    const sent = await waitForStatus(api, key, 'sent');
    const mail = sink.byMessageId().get(sent.message_id!)![0];
    const raw = mail.raw.toString('utf8');
    const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^(Bcc|X-Injected):/im);
    expect(mail.recipients).toEqual([person.email]);
    expect(mail.parsed?.headers.has('bcc')).toBe(false);
  });

  it('should show an event’s emails only to its hosts and admins', async () => {
    const { event } = await eventWithPeople(api, []);
    const stranger = await organisationWithKeys(api);
    await api.http().get(`/api/v1/events/${event.id}/emails`).set(bearer(stranger.organiserKey)).expect(404);
    await api.http().get(`/api/v1/events/${event.id}/emails`).set(bearer(api.adminKey)).expect(200);
    await api
      .http()
      .get(`/api/v1/events/${event.id}/emails?status=lost`)
      .set(bearer(api.adminKey))
      .expect(400);
    await api.http().get(`/api/v1/events/${event.id}/emails`).expect(401);
  });

  it('should send an email queued twice once', async () => {
    const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    const key = uniqueKey('update');
    const request = {
      kind: 'update' as const,
      eventId: event.id,
      personId: people[0].id,
      dedupeKey: key,
      eventSequence: 0,
    };
    await queueEmails(api, [request]);
    await queueEmails(api, [request, request]);
    const row = await waitForStatus(api, key, 'sent');
    await sleep(1_000);
    expect(sink.byMessageId().get(row.message_id!)).toHaveLength(1);
    await expect(emailRows(api, 'dedupe_key = $1', [key])).resolves.toHaveLength(1);
  });

  it('should retry after 421 and deliver once the relay recovers', async () => {
    const { event, people } = await eventWithPeople(api, [{ locale: 'de', timeZone: 'Europe/Berlin' }]);
    sink.refuseAll(421);
    const key = uniqueKey('update');
    await queueEmails(api, [
      { kind: 'update', eventId: event.id, personId: people[0].id, dedupeKey: key, eventSequence: 0 },
    ]);
    const retrying = await waitForStatus(api, key, 'retrying');
    expect(retrying.last_error).toContain('421');
    sink.refuseAll(null);
    const sent = await waitForStatus(api, key, 'sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sink.byMessageId().get(sent.message_id!)).toHaveLength(1);
  });

  it('should fail at once on 550, show it through the API and not retry', async () => {
    const { host, event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    sink.refuseRecipient(people[0].email, 550);
    const key = uniqueKey('update');
    await queueEmails(api, [
      { kind: 'update', eventId: event.id, personId: people[0].id, dedupeKey: key, eventSequence: 0 },
    ]);
    const failed = await waitForStatus(api, key, 'failed');
    const refusals = sink.refusals();
    await sleep(1_500);
    expect(sink.refusals()).toBe(refusals);
    await expect(emailByKey(api, key)).resolves.toMatchObject({ status: 'failed', attempts: 1 });
    const job = await api.app.get<Queue>(getQueueToken(QUEUES.mail)).getJob(failed.job_id!);
    await expect(job?.getState()).resolves.toBe('failed');
    const listed = await api
      .http()
      .get(`/api/v1/people/${people[0].id}/emails?status=failed`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: failed.id, status: 'failed', lastError: expect.stringContaining('550') }),
    ]);
    const summary = await api
      .http()
      .get(`/api/v1/events/${event.id}/emails/summary`)
      .set(bearer(host.organiserKey));
    expect(summary.body).toMatchObject({ failed: 1, sent: 0 });
  });

  it('should skip a reminder whose time has passed, and one for an event that moved', async () => {
    const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    const startsAt = new Date(event.start.instant);
    const late = uniqueKey('reminder');
    const moved = uniqueKey('reminder');
    const due = uniqueKey('reminder');
    const reminder = {
      kind: 'reminder' as const,
      eventId: event.id,
      personId: people[0].id,
      eventSequence: 0,
      offsetMinutes: 60,
    };
    await queueEmails(api, [
      { ...reminder, dedupeKey: late, sendAt: new Date(Date.now() - 60 * 60_000), eventStartsAt: startsAt },
      { ...reminder, dedupeKey: moved, eventStartsAt: new Date(startsAt.getTime() - 86_400_000) },
      { ...reminder, dedupeKey: due, eventStartsAt: startsAt },
    ]);
    await expect(waitForStatus(api, late, 'skipped')).resolves.toMatchObject({
      skipped_reason: 'reminder_too_late',
      attempts: 0,
    });
    await expect(waitForStatus(api, moved, 'skipped')).resolves.toMatchObject({
      skipped_reason: 'event_moved',
    });
    const sent = await waitForStatus(api, due, 'sent');
    expect(
      sink.received.filter((mail) => mail.recipients.includes(people[0].email)).map((mail) => mail.messageId),
    ).toEqual([sent.message_id]);
  });

  it(
    'should enqueue each email once when two relays run at the same time, a few emails per job',
    async () => {
      await worker?.close();
      worker = null;
      const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
      const keys = Array.from(
        { length: RACE_EMAILS },
        (_, index) => `update:relay-race:${event.id}:${index}`,
      );
      await queueEmails(
        api,
        keys.map((dedupeKey) => ({
          kind: 'update',
          eventId: event.id,
          personId: people[0].id,
          dedupeKey,
          eventSequence: 0,
        })),
        false,
      );
      const relays: INestApplication[] = [];
      try {
        relays.push(await startRelayOnly(), await startRelayOnly());
        const counts = await Promise.all(relays.map((relay) => relay.get(EmailRelay).relayDue()));
        expect(counts[0] + counts[1]).toBe(keys.length);
        expect(counts.every((count) => count > 0)).toBe(true);
      } finally {
        await Promise.all(relays.map((relay) => relay.close()));
      }
      const queue = api.app.get<Queue>(getQueueToken(QUEUES.mail));
      const jobs = await queue.getJobs(['waiting'], 0, -1);
      const carried = jobs.flatMap((job) => (job.data as DeliverEmailsPayload).emailIds);
      expect(carried).toHaveLength(keys.length);
      expect(new Set(carried).size).toBe(keys.length);
      expect(Math.max(...jobs.map((job) => (job.data as DeliverEmailsPayload).emailIds.length))).toBe(
        EMAILS_PER_JOB,
      );
      const jobOf = new Map(
        jobs.flatMap((job) => (job.data as DeliverEmailsPayload).emailIds.map((id) => [id, job.id])),
      );
      const rows = await emailRows(api, 'event_id = $1', [event.id]);
      expect(rows.filter((row) => row.job_id !== jobOf.get(row.id))).toEqual([]);

      worker = await startWorker(fastMailSettings(sink.url));
      await whileProgressing(async () => {
        const [{ sent, pending }]: Array<{ sent: number; pending: number }> = await api.dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
                  count(*) FILTER (WHERE status NOT IN ('sent', 'skipped'))::int AS pending
             FROM emails WHERE event_id = $1`,
          [event.id],
        );
        return { done: pending === 0, count: sent };
      }, `${keys.length} emails to be sent`);
      const sent = await emailRows(api, "event_id = $1 AND status = 'sent'", [event.id]);
      expect(sent).toHaveLength(keys.length);
      for (const row of sent) expect(sink.byMessageId().get(row.message_id!)).toHaveLength(1);
    },
    timeoutFor(RACE_EMAILS),
  );

  it('should let only the job holding an email take it up again after an interruption', async () => {
    await worker?.close();
    worker = null;
    const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    const key = uniqueKey('update');
    await queueEmails(
      api,
      [{ kind: 'update', eventId: event.id, personId: people[0].id, dedupeKey: key, eventSequence: 0 }],
      false,
    );
    const { id } = await emailByKey(api, key);
    const email = { id, messageId: messageIdFor(id, PUBLIC_BASE_URL) };
    const relay = await startRelayOnly();
    try {
      const delivery = relay.get(EmailDeliveryService);
      const [claimed] = await delivery.claim('job-a', [email]);
      expect(claimed).toMatchObject({ id, interrupted: false });
      await expect(delivery.claim('job-b', [email])).resolves.toEqual([]);
      // job-a was interrupted between claim and record: it runs again and may send again.
      const [again] = await delivery.claim('job-a', [email]);
      expect(again).toMatchObject({ id, interrupted: true });
      await delivery.record([{ emailId: id, jobId: 'job-b', status: 'failed', error: 'not ours' }]);
      await expect(emailByKey(api, key)).resolves.toMatchObject({ status: 'sending', attempts: 2 });
      await delivery.record([{ emailId: id, jobId: 'job-a', status: 'sent' }]);
      await expect(emailByKey(api, key)).resolves.toMatchObject({ status: 'sent', job_id: 'job-a' });
      await expect(delivery.claim('job-a', [email])).resolves.toEqual([]);
    } finally {
      await relay.close();
      worker = await startWorker(fastMailSettings(sink.url));
    }
  });

  it('should send the rest of a batch when one recipient is refused, and retry none of it', async () => {
    const { event, people } = await eventWithPeople(
      api,
      Array.from({ length: 5 }, () => ({ locale: 'de', timeZone: 'Europe/Berlin' })),
    );
    sink.refuseRecipient(people[2].email, 550);
    const keys = people.map(() => uniqueKey('update'));
    await queueEmails(
      api,
      people.map((person, index) => ({
        kind: 'update' as const,
        eventId: event.id,
        personId: person.id,
        dedupeKey: keys[index],
        eventSequence: 0,
      })),
    );
    const failed = await waitForStatus(api, keys[2], 'failed');
    const sent = await Promise.all(
      keys.filter((_, index) => index !== 2).map((key) => waitForStatus(api, key, 'sent')),
    );
    expect(new Set([failed, ...sent].map((row) => row.job_id)).size).toBe(1);
    const job = await api.app.get<Queue>(getQueueToken(QUEUES.mail)).getJob(failed.job_id!);
    await expect(job?.getState()).resolves.toBe('failed');
    expect(job?.failedReason).toContain('550');
    await sleep(1_000);
    for (const row of sent) expect(sink.byMessageId().get(row.message_id!)).toHaveLength(1);
    await expect(emailByKey(api, keys[2])).resolves.toMatchObject({ attempts: 1 });
  });

  it('should rebuild lost Redis jobs from the database, delayed reminders included', async () => {
    const { event, people } = await eventWithPeople(api, [{ locale: 'en', timeZone: 'Europe/Berlin' }]);
    const startsAt = new Date(event.start.instant);
    const later = uniqueKey('reminder');
    const soon = uniqueKey('reminder');
    const reminder = {
      kind: 'reminder' as const,
      eventId: event.id,
      personId: people[0].id,
      eventSequence: 0,
      eventStartsAt: startsAt,
    };
    await queueEmails(api, [
      { ...reminder, dedupeKey: later, offsetMinutes: 60, sendAt: new Date(Date.now() + 60 * 60_000) },
      { ...reminder, dedupeKey: soon, offsetMinutes: 30, sendAt: new Date(Date.now() + 6_000) },
    ]);
    const queue = api.app.get<Queue>(getQueueToken(QUEUES.mail));
    const laterRow = await eventually(async () => {
      const row = await emailByKey(api, later);
      return row.job_id && (await queue.getJobState(row.job_id)) === 'delayed' ? row : undefined;
    });
    const soonRow = await emailByKey(api, soon);
    // Nothing else in flight: wiping Redis under a running job is not what this test is about.
    await queueSettled(queue);

    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await expect(queue.getJobState(laterRow.job_id!)).resolves.toBe('unknown');

    await eventually(
      async () => ((await queue.getJobState(laterRow.job_id!)) === 'delayed' ? true : undefined),
      10_000,
    );
    const delayedJob = await queue.getJob(laterRow.job_id!);
    expect(delayedJob!.timestamp + delayedJob!.delay).toBeGreaterThan(Date.now() + 55 * 60_000);
    const sent = await waitForStatus(api, soon, 'sent', 20_000);
    expect(sent.id).toBe(soonRow.id);
    expect(sink.byMessageId().get(sent.message_id!)).toHaveLength(1);
    await expect(emailByKey(api, later)).resolves.toMatchObject({ status: 'queued' });
  });
});
