import { SmtpSink } from '@app/testing';
import { ApiHarness, bearer } from './api-harness';
import { eventually } from './email-fixtures';
import {
  addPerson,
  answerPath,
  cityDay,
  emailsOf,
  invite,
  postAnswer,
  wallTime,
} from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';
import { MailingStack, startMailingStack } from './worker-harness';

const BASE_URL = 'https://treffpunkt.example.org';

/** GDPR: a person's data exported in full, and erased without breaking anyone else's numbers. */
describe('Person data: export and erasure', () => {
  let stack: MailingStack;
  let sink: SmtpSink;
  let api: ApiHarness;
  let other: OrganisationKeys;

  beforeAll(async () => {
    stack = await startMailingStack(BASE_URL);
    ({ sink, api } = stack);
    other = await organisationWithKeys(api);
  });

  afterAll(() => stack?.close());

  const get = (path: string, key: string) => api.http().get(`/api/v1${path}`).set(bearer(key));
  const erase = (personId: string, key: string) =>
    api.http().delete(`/api/v1/people/${personId}`).set(bearer(key));

  async function sent(personId: string, kind: string): Promise<void> {
    await eventually(
      async () => {
        const rows = await emailsOf(api, `person_id = $1 AND kind = $2 AND status = 'sent'`, [
          personId,
          kind,
        ]);
        return rows.length > 0 ? true : undefined;
      },
      30_000,
      `a ${kind} email to be sent`,
    );
  }

  /**
   * Asha holds the one seat of Workshop Klima and Ben waits for it; Asha also attended an event
   * that is over (checked in there), and has a personal feed. With `hosting`, both are guests of a
   * delegation visit: Ben hosts Asha for a night, and Asha drives Ben from the airport.
   */
  async function programme(options: { hosting?: boolean } = {}) {
    const day = await cityDay(api, { workshops: [{ title: 'Workshop Klima', capacity: 1 }] });
    const [klima] = day.workshops;
    const key = day.host.organiserKey;
    const asha = await addPerson(api, key, {
      organisationId: day.host.id,
      name: 'Asha Mwakyusa',
      department: 'Umwelt',
    });
    const ben = await addPerson(api, key, { organisationId: day.host.id, name: 'Ben Berger' });
    await invite(api, key, day.event.id, { personIds: [asha.id, ben.id] }).then((response) =>
      expect(response.status).toBe(201),
    );
    await postAnswer(api, await answerPath(api, day.event.id, asha.id), 'accept', [klima.id]).expect(303);
    await postAnswer(api, await answerPath(api, day.event.id, ben.id), 'accept', [klima.id]).expect(303);
    const past = await createEvent(api, key, {
      title: 'Partnerschaftstreffen 2024',
      startsAt: '2024-05-10T09:00',
      endsAt: '2024-05-10T12:00',
      status: 'published',
    });
    await api.dataSource.query(
      `INSERT INTO invitations (event_id, person_id, status, responded_at) VALUES ($1, $2, 'accepted', now())`,
      [past.id, asha.id],
    );
    await api.dataSource.query(
      `INSERT INTO attendance (event_id, invitation_id, checked_in_at, recorded_by_kind, recorded_by_name)
       SELECT event_id, id, '2024-05-10T07:05:00Z', 'account', 'Greta Organisator' FROM invitations
        WHERE event_id = $1 AND person_id = $2`,
      [past.id, asha.id],
    );
    const visit = options.hosting ? await hostedVisit(key, asha.id, ben.id) : null;
    await api.changesSeen();
    const feed = await api.http().post(`/api/v1/people/${asha.id}/feed-token`).set(bearer(key)).expect(201);
    await sent(asha.id, 'invitation');
    return { ...day, klima, asha, ben, past, visit, feedUrl: feed.body.url as string };
  }

  async function hostedVisit(key: string, ashaId: string, benId: string) {
    const visit = await createEvent(api, key, {
      kind: 'delegation_visit',
      title: 'Besuch aus Morogoro',
      startsAt: '2027-10-27',
      endsAt: '2027-10-30',
      allDay: true,
      status: 'published',
    });
    const transfer = await createEvent(api, key, {
      parentId: visit.id,
      kind: 'travel_leg',
      title: 'Transfer vom Flughafen',
      startsAt: '2027-10-27T09:00',
      endsAt: '2027-10-27T11:00',
      status: 'published',
    });
    await invite(api, key, visit.id, { personIds: [ashaId, benId] }).then((response) =>
      expect(response.status).toBe(201),
    );
    const assign = (body: object) =>
      api.http().post(`/api/v1/events/${visit.id}/hosting/hosts`).set(bearer(key)).send(body).expect(201);
    await assign({
      guestId: ashaId,
      hostId: benId,
      role: 'host_family',
      night: '2027-10-27',
      address: 'Am Sonnenhang 4, 59821 Arnsberg',
    });
    await assign({ guestId: benId, hostId: ashaId, role: 'driver', partId: transfer.id, notes: 'Terminal 1' });
    return { ...visit, transfer };
  }

  it("should export everything stored about a person to their organisation's organisers and admins only", async () => {
    const data = await programme({ hosting: true });
    const key = data.host.organiserKey;

    const exported = await get(`/people/${data.asha.id}/export`, key).expect(200);
    expect(exported.body.person).toMatchObject({
      id: data.asha.id,
      name: 'Asha Mwakyusa',
      email: data.asha.email,
      department: 'Umwelt',
      organisationId: data.host.id,
    });
    const invitations = exported.body.invitations as Array<Record<string, unknown>>;
    expect(invitations.map((invitation) => [invitation.eventTitle, invitation.status])).toEqual([
      ['Partnerschaftstreffen 2024', 'accepted'],
      ['Städtetag Arnsberg', 'accepted'],
      ['Besuch aus Morogoro', 'invited'],
    ]);
    expect(invitations[1]).toMatchObject({
      answerLinkActive: true,
      respondedAt: expect.any(String),
      choices: [
        {
          workshopId: data.klima.id,
          title: 'Workshop Klima',
          status: 'confirmed',
          requestedAt: expect.any(String),
        },
      ],
    });
    const emails = exported.body.emails as Array<Record<string, unknown>>;
    expect(emails).toContainEqual(
      expect.objectContaining({
        kind: 'invitation',
        status: 'sent',
        eventId: data.event.id,
        sentAt: expect.any(String),
      }),
    );
    expect(emails).toContainEqual(
      expect.objectContaining({ kind: 'reminder', status: 'queued', sentAt: null }),
    );
    expect(exported.body.attendance).toEqual([
      {
        id: expect.any(String),
        eventId: data.past.id,
        eventTitle: 'Partnerschaftstreffen 2024',
        checkedInAt: '2024-05-10T07:05:00.000Z',
        recordedByKind: 'account',
      },
    ]);
    expect(exported.body.hosting).toEqual({
      asGuest: [
        expect.objectContaining({
          visitId: data.visit!.id,
          visitTitle: 'Besuch aus Morogoro',
          role: 'host_family',
          night: '2027-10-27',
          partId: null,
          otherPersonId: data.ben.id,
          otherPersonName: 'Ben Berger',
          address: 'Am Sonnenhang 4, 59821 Arnsberg',
        }),
      ],
      asHost: [
        expect.objectContaining({
          role: 'driver',
          night: null,
          partId: data.visit!.transfer.id,
          partTitle: 'Transfer vom Flughafen',
          otherPersonId: data.ben.id,
          otherPersonName: 'Ben Berger',
          notes: 'Terminal 1',
        }),
      ],
      rooms: [],
      schedulesSent: [],
    });
    expect(exported.body.feedTokens).toEqual([
      { id: expect.any(String), active: true, createdAt: expect.any(String), revokedAt: null },
    ]);
    // Secrets stay out: neither the feed URL's secret nor an answer link's token.
    const secret = /pf_[a-f0-9]{16}_([A-Za-z0-9_-]{43})\.ics$/.exec(data.feedUrl)![1];
    const answerToken = (await answerPath(api, data.event.id, data.asha.id)).split('/').pop()!;
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(answerToken);

    await get(`/people/${data.asha.id}/export`, api.adminKey).expect(200);
    await get(`/people/${data.asha.id}/export`, other.organiserKey).expect(404);
    await get(`/people/${data.asha.id}/export`, other.viewerKey).expect(404);
    await get(`/people/${data.asha.id}/export`, data.host.viewerKey).expect(403);
  });

  it("should erase a host's assignments on both sides and keep the guest's check-ins", async () => {
    const data = await programme({ hosting: true });
    const key = data.host.organiserKey;
    const erased = await erase(data.ben.id, key).expect(200);
    expect(erased.body.sections).toMatchObject({
      attendance: {},
      hosting: { hostAssignmentsDeleted: 2, roomAssignmentsDeleted: 0 },
    });
    const exported = await get(`/people/${data.asha.id}/export`, key).expect(200);
    expect(exported.body.hosting).toMatchObject({ asGuest: [], asHost: [] });
    expect(exported.body.attendance).toHaveLength(1);
  });

  it('should erase the person, keep anonymous counts, skip pending emails and give the seat to the waitlist', async () => {
    const data = await programme();
    const key = data.host.organiserKey;
    const emailSummary = async (eventId: string) =>
      (await get(`/events/${eventId}/emails/summary`, key).expect(200)).body as Record<string, number>;
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((sum, count) => sum + count, 0);
    const emailsBefore = total(await emailSummary(data.event.id));
    const pending = await emailsOf(api, `person_id = $1 AND status = 'queued'`, [data.asha.id]);
    expect(pending.length).toBeGreaterThan(0);
    const answerLink = await answerPath(api, data.event.id, data.asha.id);

    await erase(data.asha.id, other.organiserKey).expect(404);
    await erase(data.asha.id, data.host.viewerKey).expect(403);
    const erased = await erase(data.asha.id, key).expect(200);
    expect(erased.body).toEqual({
      personId: data.asha.id,
      organisationId: data.host.id,
      erasedAt: expect.any(String),
      sections: {
        invitations: { invitationsAnonymised: 2, invitationsWithdrawn: 1, seatsFreed: 1 },
        emails: { emailsSkipped: pending.length, emailsAnonymised: expect.any(Number) },
        feedTokens: { feedTokensDeleted: 1 },
        // Created, invited, answered (by herself, through her link): see docs/audit-trail.md.
        auditTrail: { auditEntriesAnonymisedAsSubject: 3, auditEntriesAnonymisedAsActor: 1 },
        registrationAnswers: { registrationAnswersDeleted: 0 },
        attendance: {},
        hosting: { hostAssignmentsDeleted: 0, roomAssignmentsDeleted: 0 },
      },
    });

    // Nothing personal is left.
    await get(`/people/${data.asha.id}`, key).expect(404);
    await get(`/people/${data.asha.id}/export`, api.adminKey).expect(404);
    const traces = await api.dataSource.query<Array<{ count: number }>>(
      `SELECT ((SELECT count(*) FROM people WHERE id = $1 OR email = $2)
            + (SELECT count(*) FROM invitations WHERE person_id = $1 OR (person_id IS NULL AND answer_token_sealed IS NOT NULL))
            + (SELECT count(*) FROM emails WHERE person_id = $1 OR (person_id IS NULL AND last_error IS NOT NULL))
            + (SELECT count(*) FROM feed_tokens WHERE person_id = $1)
            + (SELECT count(*) FROM audit_entries WHERE subject_person_id = $1 OR actor_id = $1))::int AS count`,
      [data.asha.id, data.asha.email],
    );
    expect(traces[0].count).toBe(0);
    await api.http().get(answerLink).expect(404);
    await api.http().get(new URL(data.feedUrl).pathname).expect(404);

    // Counts stay right: the invitation is there, anonymous and withdrawn for the day still ahead,
    // and as answered for the event that is over.
    const summary = (await get(`/events/${data.event.id}/invitations/summary`, key).expect(200)).body;
    expect(summary.total).toBe(2);
    expect(summary.counts).toMatchObject({ accepted: 1, cancelled: 1 });
    const pastSummary = (await get(`/events/${data.past.id}/invitations/summary`, key).expect(200)).body;
    expect(pastSummary).toMatchObject({ total: 1, counts: { accepted: 1 } });
    // The day's emails are all still counted (Ben's promotion is about the workshop).
    expect(total(await emailSummary(data.event.id))).toBe(emailsBefore);
    // Of this programme's events: another test erases people of its own.
    const skipped = await api.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM emails
        WHERE person_id IS NULL AND skipped_reason = 'person_erased' AND event_id = ANY($1)`,
      [[...new Set(pending.map((email) => email.event_id))]],
    );
    expect(skipped[0].count).toBe(pending.length);

    // Ben, waiting longest, gets the seat and the usual email.
    const [seat] = await api.dataSource.query<Array<{ status: string }>>(
      `SELECT c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
        WHERE i.person_id = $1 AND c.event_id = $2`,
      [data.ben.id, data.klima.id],
    );
    expect(seat.status).toBe('confirmed');
    await sent(data.ben.id, 'waitlist_promotion');
    const promotion = sink.received.find(
      (mail) =>
        mail.recipients.includes(data.ben.email) && (mail.parsed?.subject ?? '').startsWith('Platz frei'),
    );
    expect(promotion?.parsed?.text).toContain('Workshop Klima');
    expect(
      sink.received
        .filter((mail) => mail.recipients.includes(data.asha.email))
        .map((mail) => mail.parsed?.subject),
    ).toEqual([expect.stringMatching(/^Einladung: Städtetag Arnsberg/)]);
  });

  it('should keep changes of an event from reaching an erased person', async () => {
    const data = await programme();
    await erase(data.asha.id, data.host.organiserKey).expect(200);
    const later = data.start.plus({ days: 1 });
    await api
      .http()
      .patch(`/api/v1/events/${data.past.id}`)
      .set(bearer(data.host.organiserKey))
      .send({ title: 'Partnerschaftstreffen 2024 (Protokoll)' })
      .expect(200);
    await api
      .http()
      .patch(`/api/v1/events/${data.event.id}`)
      .set(bearer(data.host.organiserKey))
      .send({ startsAt: wallTime(later), endsAt: wallTime(later.plus({ hours: 8 })) })
      .expect(200);
    const orphans = await emailsOf(api, `person_id IS NULL AND status <> 'skipped'`, []);
    expect(orphans.filter((row) => row.kind !== 'invitation')).toEqual([]);
    await sent(data.ben.id, 'update');
  });
});
