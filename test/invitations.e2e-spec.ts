import { DateTime } from 'luxon';
import { InvitationsService } from '@app/invitations';
import { Actor } from '@app/planning';
import { ApiHarness, bearer, startApi } from './api-harness';
import {
  addPerson,
  answerPath,
  cityDay,
  emailsOf,
  invitationOf,
  invite,
  postAnswer,
  wallTime,
} from './invitation-fixtures';
import { createOrganisation, issueKey, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';

describe('Invitations API', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('should invite people, every member of an organisation and of a partnership in one request, once each', async () => {
    const { host, event } = await cityDay(api);
    const arnsberg = await addPerson(api, host.organiserKey, { organisationId: host.id });
    const morogoro = await createOrganisation(api, { country: 'TZ', timeZone: 'Africa/Dar_es_Salaam' });
    const delegation = [];
    for (let index = 0; index < 3; index += 1) {
      delegation.push(await addPerson(api, api.adminKey, { organisationId: morogoro.id, locale: 'en' }));
    }
    const partner = await createOrganisation(api);
    const partnerStaff = await addPerson(api, api.adminKey, { organisationId: partner.id });
    const partnership = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(api.adminKey))
      // The host is a member too: it invites Morogoro's people by id, which it may only name once it sees them.
      .send({ name: `Partnerschaft ${event.id}`, memberOrganisationIds: [host.id, morogoro.id, partner.id] })
      .expect(201);

    const first = await invite(api, host.organiserKey, event.id, {
      personIds: [arnsberg.id, delegation[0].id],
      organisationIds: [morogoro.id],
      partnershipIds: [partnership.body.id],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ recipients: 5, invited: 5, alreadyInvited: 0 });
    const invited = await emailsOf(api, `kind = 'invitation' AND event_id = $1`, [event.id]);
    expect(new Set(invited.map((email) => email.person_id))).toEqual(
      new Set([arnsberg.id, partnerStaff.id, ...delegation.map((person) => person.id)]),
    );

    const again = await invite(api, host.organiserKey, event.id, { organisationIds: [morogoro.id] });
    expect(again.body).toMatchObject({ recipients: 3, invited: 0, alreadyInvited: 3 });
    await expect(emailsOf(api, `kind = 'invitation' AND event_id = $1`, [event.id])).resolves.toHaveLength(5);
  });

  it('should preview who an invitation names and the email per language, storing and sending nothing', async () => {
    const { host, event } = await cityDay(api);
    const guest = await addPerson(api, host.organiserKey, { organisationId: host.id, name: 'Anna Gast' });
    const morogoro = await createOrganisation(api, { country: 'TZ', timeZone: 'Africa/Dar_es_Salaam' });
    const swahili = await addPerson(api, api.adminKey, {
      organisationId: morogoro.id,
      locale: 'sw',
      name: 'Baraka',
    });
    await addPerson(api, api.adminKey, { organisationId: morogoro.id, locale: 'sw', name: 'Zawadi' });
    await invite(api, host.organiserKey, event.id, { personIds: [guest.id] });
    const actor: Actor = {
      organisationId: host.id,
      role: 'organiser',
      who: { kind: 'api_key', id: null, label: 'test', organisationId: host.id },
    };
    const invitations = api.app.get(InvitationsService);
    const before = await emailsOf(api, `event_id = $1`, [event.id]);

    const preview = await invitations.preview(actor, event.id, {
      personIds: [guest.id],
      organisationIds: [morogoro.id],
    });
    expect(preview).toMatchObject({
      recipients: 3,
      newlyInvited: 2,
      alreadyInvited: 1,
      alreadyInvitedNames: ['Anna Gast'],
    });
    expect(preview.languages.map((language) => [language.locale, language.people])).toEqual([['sw', 2]]);
    expect(preview.languages[0].email).toMatchObject({
      kind: 'invitation',
      recipient: { name: swahili.name, locale: 'sw' },
    });
    await expect(emailsOf(api, `event_id = $1`, [event.id])).resolves.toHaveLength(before.length);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM invitations WHERE event_id = $1`,
      [event.id],
    );
    expect(count).toBe(1);

    await expect(invitations.preview(actor, event.id, {})).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      invitations.preview({ ...actor, role: 'viewer' }, event.id, { personIds: [guest.id] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('should refuse unknown ids, foreign workshops, cancelled events and strangers with clear 4xx answers', async () => {
    const { host, event, workshops } = await cityDay(api, { workshops: [{ title: 'Klima', capacity: 10 }] });
    const other = await cityDay(api, { workshops: [{ title: 'Fremd', capacity: 10 }] });
    const person = await addPerson(api, host.organiserKey, { organisationId: host.id });

    await expect(
      invite(api, host.organiserKey, UNKNOWN_ID, { personIds: [person.id] }),
    ).resolves.toMatchObject({
      status: 404,
    });
    const unknownPerson = await invite(api, host.organiserKey, event.id, { personIds: [UNKNOWN_ID] });
    expect(unknownPerson.status).toBe(404);
    expect(unknownPerson.body.message).toContain(UNKNOWN_ID);
    await expect(
      invite(api, host.organiserKey, event.id, { personIds: ['not-a-uuid'] }),
    ).resolves.toMatchObject({
      status: 400,
    });
    await expect(invite(api, host.organiserKey, event.id, {})).resolves.toMatchObject({ status: 400 });
    const foreign = await invite(api, host.organiserKey, event.id, {
      personIds: [person.id],
      workshopIds: [other.workshops[0].id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.problems[0].field).toBe('workshopIds');
    await expect(
      invite(api, other.host.organiserKey, event.id, { personIds: [person.id] }),
    ).resolves.toMatchObject({ status: 403 });
    await expect(invite(api, host.viewerKey, event.id, { personIds: [person.id] })).resolves.toMatchObject({
      status: 403,
    });
    await expect(
      invite(api, host.organiserKey, event.id, { personIds: [person.id], workshopIds: [workshops[0].id] }),
    ).resolves.toMatchObject({ status: 201 });

    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);
    const late = await invite(api, host.organiserKey, event.id, { personIds: [person.id] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('event_cancelled');
  });

  it('should refuse invalid addresses and titles or names that would break into mail headers', async () => {
    const host = await organisationWithKeys(api);
    await api
      .http()
      .post('/api/v1/people')
      .set(bearer(host.organiserKey))
      .send({ name: 'Gast', email: 'kein-at-zeichen.example.org' })
      .expect(400);
    await api
      .http()
      .post('/api/v1/people')
      .set(bearer(host.organiserKey))
      .send({ name: 'Gast\r\nBcc: alle@example.org', email: 'gast@example.org' })
      .expect(400);
    await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({
        kind: 'workshop',
        title: 'Workshop\nBcc: x@example.org',
        startsAt: '2030-01-01T09:00',
        endsAt: '2030-01-01T10:00',
      })
      .expect(400);
  });

  it('should show the answer page in the person’s language with times in their zone and at the venue', async () => {
    const { host, event, workshops } = await cityDay(api, {
      title: 'Städtetag <Arnsberg> & Morogoro',
      workshops: [{ title: 'Wasser & Klima', capacity: 12 }],
    });
    const guest = await addPerson(api, host.organiserKey, { locale: 'en', timeZone: 'Africa/Dar_es_Salaam' });
    const local = await addPerson(api, host.organiserKey, { locale: 'de', timeZone: 'Europe/Berlin' });
    await invite(api, host.organiserKey, event.id, { personIds: [guest.id, local.id] });

    const english = await api
      .http()
      .get(await answerPath(api, event.id, guest.id))
      .expect(200);
    expect(english.headers['content-type']).toContain('text/html');
    expect(english.headers['referrer-policy']).toBe('no-referrer');
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Städtetag &lt;Arnsberg&gt; &amp; Morogoro');
    expect(english.text).not.toContain('<Arnsberg>');
    expect(english.text).toContain('<dt>When (your time)</dt>');
    expect(english.text).toContain('<dt>When (local time at the venue)</dt>');
    expect(english.text).toMatch(/\d\d:\d\d Dar es Salaam \(EAT\)/);
    expect(english.text).toMatch(/\d\d:\d\d Berlin \(CES?T\)/);
    const start = DateTime.fromISO(event.start.instant);
    expect(english.text).toContain(start.setZone('Africa/Dar_es_Salaam').toFormat('HH:mm'));
    expect(english.text).toContain(start.setZone('Europe/Berlin').toFormat('HH:mm'));
    expect(english.text).toContain('Rathaus Arnsberg');
    expect(english.text).toContain('12 of 12 seats left');
    expect(english.text).toMatch(
      new RegExp(`<label for="workshop-${workshops[0].id}"\\s*>Wasser &amp; Klima`),
    );
    expect(english.text).toMatch(
      /<input\s+type="radio"\s+id="answer-accept"\s+name="answer"\s+value="accept"\s+required\s*\/>/,
    );
    expect(english.text).toMatch(/<label for="answer-accept">I will attend<\/label>/);

    const german = await api
      .http()
      .get(await answerPath(api, event.id, local.id))
      .expect(200);
    expect(german.text).toContain('<html lang="de">');
    expect(german.text).toContain('Ich nehme teil');
    expect(german.text).toContain('12 von 12 Plätzen frei');
    expect(german.text).not.toContain('Ortszeit');
  });

  it('should answer unknown, malformed and revoked links with a 404 page, never a stack trace', async () => {
    const malformed = await api.http().get('/answer/nicht-gültig').set('Accept-Language', 'de-DE,de;q=0.9');
    expect(malformed.status).toBe(404);
    expect(malformed.headers['content-type']).toContain('text/html');
    expect(malformed.text).toContain('<html lang="de">');
    expect(malformed.text).toContain('Link ungültig');
    const unknown = await api
      .http()
      .get(`/answer/${'A'.repeat(43)}`)
      .expect(404);
    expect(unknown.text).toContain('Link not valid');
    await postAnswer(api, `/answer/${'A'.repeat(43)}`, 'accept').expect(404);

    const { host, event } = await cityDay(api);
    const person = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [person.id] });
    const path = await answerPath(api, event.id, person.id);
    const invitation = await invitationOf(api, event.id, person.id);
    const withdrawn = await api
      .http()
      .delete(`/api/v1/events/${event.id}/invitations/${invitation.id}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(withdrawn.body.status).toBe('cancelled');
    const revoked = await api.http().get(path).expect(404);
    expect(revoked.text).not.toMatch(/Error|at \w+ \(/);
    await expect(
      emailsOf(api, `kind = 'cancellation' AND person_id = $1`, [person.id]),
    ).resolves.toHaveLength(1);
  });

  it('should change nothing on GET, and record a form POST once, redirecting back to the page', async () => {
    const { host, event } = await cityDay(api);
    const person = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [person.id] });
    const path = await answerPath(api, event.id, person.id);
    const before = await invitationOf(api, event.id, person.id);

    await api.http().get(path).expect(200);
    await api.http().head(path).expect(200);
    await expect(invitationOf(api, event.id, person.id)).resolves.toEqual(before);

    const posted = await postAnswer(api, path, 'accept').expect(303);
    expect(posted.headers.location).toBe(`./${path.split('/').pop()}?saved=1`);
    const accepted = await invitationOf(api, event.id, person.id);
    expect(accepted.status).toBe('accepted');
    const reminders = await emailsOf(api, `kind = 'reminder' AND person_id = $1 AND status = 'queued'`, [
      person.id,
    ]);
    expect(reminders.map((reminder) => reminder.offset_minutes)).toEqual([10080, 1440]);

    await postAnswer(api, path, 'accept').expect(303);
    await expect(invitationOf(api, event.id, person.id)).resolves.toEqual(accepted);
    await expect(emailsOf(api, `person_id = $1`, [person.id])).resolves.toHaveLength(3);

    const page = await api.http().get(`${path}?saved=1`).expect(200);
    expect(page.text).toContain('Vielen Dank, Ihre Antwort ist gespeichert.');
    expect(page.text).toContain('Sie haben zugesagt.');

    await postAnswer(api, path, 'decline').expect(303);
    await expect(invitationOf(api, event.id, person.id)).resolves.toMatchObject({ status: 'declined' });
    await expect(
      emailsOf(api, `kind = 'reminder' AND person_id = $1 AND status = 'queued'`, [person.id]),
    ).resolves.toHaveLength(0);

    await postAnswer(api, path, 'maybe').expect(400);
  });

  it('should refuse to delete an event people are invited to, and keep it and its workshops', async () => {
    const { host, event, workshops } = await cityDay(api, {
      workshops: [{ title: 'Digitalisierung', capacity: 5 }],
    });
    const person = await addPerson(api, host.organiserKey, { organisationId: host.id });
    await invite(api, host.organiserKey, event.id, {
      personIds: [person.id],
      workshopIds: [workshops[0].id],
    });

    const refused = await api
      .http()
      .delete(`/api/v1/events/${event.id}?withChildren=true`)
      .set(bearer(host.organiserKey))
      .expect(409);
    expect(refused.body.code).toBe('event_has_invitations');
    const workshopRefused = await api
      .http()
      .delete(`/api/v1/events/${workshops[0].id}`)
      .set(bearer(host.organiserKey))
      .expect(409);
    expect(workshopRefused.body.code).toBe('event_has_invitations');
    const kept = await api
      .http()
      .get(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(kept.body.children.map((child: { id: string }) => child.id)).toContain(workshops[0].id);
  });

  it('should say so when someone answers for a cancelled event, and tell everyone not declined', async () => {
    const { host, event } = await cityDay(api);
    const coming = await addPerson(api, host.organiserKey);
    const notComing = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [coming.id, notComing.id] });
    await postAnswer(api, await answerPath(api, event.id, coming.id), 'accept').expect(303);
    await postAnswer(api, await answerPath(api, event.id, notComing.id), 'decline').expect(303);

    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);

    const path = await answerPath(api, event.id, coming.id);
    const answer = await postAnswer(api, path, 'accept');
    expect(answer.status).toBe(409);
    expect(answer.text).toContain('Diese Veranstaltung wurde abgesagt.');
    const page = await api.http().get(path).expect(200);
    expect(page.text).toContain('Diese Veranstaltung wurde abgesagt.');
    expect(page.text).not.toContain('<form');

    const cancellations = await emailsOf(api, `kind = 'cancellation' AND event_id = $1`, [event.id]);
    expect(cancellations.map((email) => email.person_id)).toEqual([coming.id]);
    await expect(
      emailsOf(api, `kind = 'reminder' AND event_id = $1 AND status = 'queued'`, [event.id]),
    ).resolves.toHaveLength(0);
  });

  it('should give the last workshop seat to exactly one of two people answering at once, and the next to the waitlist', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { host, event, workshops } = await cityDay(api, {
        workshops: [{ title: 'Stadtführung', capacity: 1, reminderOffsetsMinutes: [120] }],
      });
      const [workshop] = workshops;
      const anna = await addPerson(api, host.organiserKey);
      const baraka = await addPerson(api, host.organiserKey, {
        locale: 'sw',
        timeZone: 'Africa/Dar_es_Salaam',
      });
      await invite(api, host.organiserKey, event.id, { personIds: [anna.id, baraka.id] });
      const paths = [await answerPath(api, event.id, anna.id), await answerPath(api, event.id, baraka.id)];

      const answers = await Promise.all(paths.map((path) => postAnswer(api, path, 'accept', [workshop.id])));
      expect(answers.map((answer) => answer.status)).toEqual([303, 303]);
      const seats: Array<{ person_id: string; status: string }> = await api.dataSource.query(
        `SELECT i.person_id, c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
          WHERE c.event_id = $1 ORDER BY c.status`,
        [workshop.id],
      );
      expect(seats.map((seat) => seat.status)).toEqual(['confirmed', 'waitlisted']);
      const [seated, waiting] = seats;
      const seatedPath = seated.person_id === anna.id ? paths[0] : paths[1];

      await postAnswer(api, seatedPath, 'decline').expect(303);
      const after: Array<{ person_id: string; status: string }> = await api.dataSource.query(
        `SELECT i.person_id, c.status FROM workshop_choices c JOIN invitations i ON i.id = c.invitation_id
          WHERE c.event_id = $1 AND c.status = 'confirmed'`,
        [workshop.id],
      );
      expect(after).toEqual([{ person_id: waiting.person_id, status: 'confirmed' }]);
      await expect(
        emailsOf(api, `kind = 'waitlist_promotion' AND event_id = $1`, [workshop.id]),
      ).resolves.toMatchObject([{ person_id: waiting.person_id }]);
      const workshopReminders = await emailsOf(
        api,
        `kind = 'reminder' AND event_id = $1 AND status = 'queued'`,
        [workshop.id],
      );
      expect(workshopReminders).toMatchObject([{ person_id: waiting.person_id, offset_minutes: 120 }]);
    }
  });

  it('should never overbook a workshop when many answer at once', async () => {
    const { host, event, workshops } = await cityDay(api, {
      workshops: [
        { title: 'Klimaanpassung', capacity: 3 },
        { title: 'Abfallwirtschaft', capacity: 2 },
      ],
    });
    const people = [];
    for (let index = 0; index < 12; index += 1) people.push(await addPerson(api, host.organiserKey));
    await invite(api, host.organiserKey, event.id, { personIds: people.map((person) => person.id) });
    const paths = await Promise.all(people.map((person) => answerPath(api, event.id, person.id)));
    const order = workshops.map((workshop) => workshop.id);
    const answers = await Promise.all(
      paths.map((path, index) => postAnswer(api, path, 'accept', index % 2 ? order : [...order].reverse())),
    );
    expect(answers.every((answer) => answer.status === 303)).toBe(true);

    const summary = await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations/summary`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(summary.body.counts).toMatchObject({ accepted: 12, invited: 0 });
    expect(summary.body.workshops).toMatchObject([
      { id: workshops[0].id, capacity: 3, confirmed: 3, waitlisted: 9, seatsLeft: 0 },
      { id: workshops[1].id, capacity: 2, confirmed: 2, waitlisted: 10, seatsLeft: 0 },
    ]);
  });

  it('should waitlist beyond the event’s own capacity and promote the first waiting when someone declines', async () => {
    const { host, event } = await cityDay(api, { capacity: 1 });
    const first = await addPerson(api, host.organiserKey);
    const second = await addPerson(api, host.organiserKey);
    const third = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [first.id, second.id, third.id] });
    await postAnswer(api, await answerPath(api, event.id, first.id), 'accept').expect(303);
    await postAnswer(api, await answerPath(api, event.id, second.id), 'accept').expect(303);
    await postAnswer(api, await answerPath(api, event.id, third.id), 'accept').expect(303);
    await expect(invitationOf(api, event.id, second.id)).resolves.toMatchObject({ status: 'waitlisted' });
    const page = await api
      .http()
      .get(await answerPath(api, event.id, second.id))
      .expect(200);
    expect(page.text).toContain('Sie stehen auf der Warteliste');

    await postAnswer(api, await answerPath(api, event.id, first.id), 'decline').expect(303);
    await expect(invitationOf(api, event.id, second.id)).resolves.toMatchObject({ status: 'accepted' });
    await expect(invitationOf(api, event.id, third.id)).resolves.toMatchObject({ status: 'waitlisted' });
    await expect(
      emailsOf(api, `kind = 'waitlist_promotion' AND event_id = $1`, [event.id]),
    ).resolves.toMatchObject([{ person_id: second.id }]);
    await expect(
      emailsOf(api, `kind = 'reminder' AND person_id = $1 AND status = 'queued'`, [second.id]),
    ).resolves.toHaveLength(2);
  });

  it('should reserve seats in named workshops when inviting, and list answers with choices for the organiser', async () => {
    const { host, event, workshops } = await cityDay(api, {
      workshops: [{ title: 'Delegationsgespräch', capacity: 2 }],
    });
    const people = [];
    for (const name of ['Amani', 'Bettina', 'Chausiku']) {
      people.push(await addPerson(api, host.organiserKey, { name }));
    }
    const response = await invite(api, host.organiserKey, event.id, {
      personIds: people.map((person) => person.id),
      workshopIds: [workshops[0].id],
    }).then((result) => result.body);
    expect(response.workshops).toEqual([
      { workshopId: workshops[0].id, confirmed: 2, waitlisted: 1, heldOtherInRound: 0 },
    ]);

    const list = await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations?limit=2`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(list.body.items.map((item: { person: { name: string } }) => item.person.name)).toEqual([
      'Amani',
      'Bettina',
    ]);
    expect(list.body.items[0].choices[0]).toMatchObject({
      workshopId: workshops[0].id,
      title: 'Delegationsgespräch',
    });
    const next = await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations?limit=2&cursor=${list.body.nextCursor}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(next.body.items.map((item: { person: { name: string } }) => item.person.name)).toEqual([
      'Chausiku',
    ]);
    expect(next.body.nextCursor).toBeNull();
    const none = await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations?status=accepted&workshopId=${workshops[0].id}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations?status=maybe`)
      .set(bearer(host.organiserKey))
      .expect(400);

    const stranger = await organisationWithKeys(api);
    await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(stranger.organiserKey))
      .expect(403);
    await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations/summary`)
      .set(bearer(await issueKey(api, host.id, 'viewer')))
      .expect(200);
  });

  it('should move reminders with the event and tell everyone who has not declined', async () => {
    const { host, event, start } = await cityDay(api);
    const coming = await addPerson(api, host.organiserKey);
    const invitedOnly = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [coming.id, invitedOnly.id] });
    await postAnswer(api, await answerPath(api, event.id, coming.id), 'tentative').expect(303);

    const moved = start.plus({ days: 2, hours: 1 });
    const updated = await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ startsAt: wallTime(moved), endsAt: wallTime(moved.plus({ hours: 8 })) })
      .expect(200);
    expect(updated.body.sequence).toBe(1);

    const updates = await emailsOf(api, `kind = 'update' AND event_id = $1`, [event.id]);
    expect(new Set(updates.map((email) => email.person_id))).toEqual(new Set([coming.id, invitedOnly.id]));
    const reminders = await emailsOf(api, `kind = 'reminder' AND event_id = $1`, [event.id]);
    expect(reminders.filter((email) => email.status === 'skipped')).toHaveLength(2);
    const pending = reminders.filter((email) => email.status === 'queued');
    expect(pending.map((email) => email.event_starts_at?.toISOString())).toEqual([
      moved.toUTC().toISO(),
      moved.toUTC().toISO(),
    ]);
    expect(pending.every((email) => email.person_id === coming.id)).toBe(true);
  });

  it('should tell workshop seat holders of workshop changes, and promote the waitlist when seats are added', async () => {
    const { host, event, workshops, start } = await cityDay(api, {
      workshops: [
        { title: 'Exkursion Ruhrwiesen', capacity: 1, reminderOffsetsMinutes: [120] },
        { title: 'Plenum', capacity: null },
      ],
    });
    const [excursion, plenary] = workshops;
    const seated = await addPerson(api, host.organiserKey);
    const waiting = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [seated.id] });
    await invite(api, host.organiserKey, event.id, { personIds: [waiting.id] });
    await postAnswer(api, await answerPath(api, event.id, seated.id), 'accept', [excursion.id]).expect(303);
    await postAnswer(api, await answerPath(api, event.id, waiting.id), 'accept', [excursion.id]).expect(303);

    const later = start.plus({ hours: 4 });
    await api
      .http()
      .patch(`/api/v1/events/${excursion.id}`)
      .set(bearer(host.organiserKey))
      .send({ startsAt: wallTime(later), endsAt: wallTime(later.plus({ hours: 1 })) })
      .expect(200);
    await expect(emailsOf(api, `kind = 'update' AND event_id = $1`, [excursion.id])).resolves.toMatchObject([
      { person_id: seated.id },
    ]);
    await expect(
      emailsOf(api, `kind = 'reminder' AND event_id = $1 AND status = 'queued'`, [excursion.id]),
    ).resolves.toMatchObject([
      { person_id: seated.id, event_starts_at: later.toJSDate(), offset_minutes: 120 },
    ]);

    await api
      .http()
      .patch(`/api/v1/events/${plenary.id}`)
      .set(bearer(host.organiserKey))
      .send({ title: 'Plenum im Ratssaal' })
      .expect(200);
    const plenaryUpdates = await emailsOf(api, `kind = 'update' AND event_id = $1`, [plenary.id]);
    expect(new Set(plenaryUpdates.map((email) => email.person_id))).toEqual(new Set([seated.id, waiting.id]));

    await api
      .http()
      .patch(`/api/v1/events/${excursion.id}`)
      .set(bearer(host.organiserKey))
      .send({ capacity: 2 })
      .expect(200);
    await expect(
      emailsOf(api, `kind = 'waitlist_promotion' AND event_id = $1`, [excursion.id]),
    ).resolves.toMatchObject([{ person_id: waiting.id }]);
    const single = await api
      .http()
      .get(`/api/v1/events/${event.id}/invitations/${(await invitationOf(api, event.id, waiting.id)).id}`)
      .set(bearer(host.organiserKey))
      .expect(200);
    expect(single.body.choices).toMatchObject([{ workshopId: excursion.id, status: 'confirmed' }]);
  });

  it('should not schedule reminders whose time has passed when an event moves close at hand', async () => {
    const { host, event } = await cityDay(api);
    const person = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [person.id] });
    await postAnswer(api, await answerPath(api, event.id, person.id), 'accept').expect(303);
    const soon = DateTime.now().setZone('Europe/Berlin').plus({ hours: 3 }).startOf('minute');
    await api
      .http()
      .patch(`/api/v1/events/${event.id}`)
      .set(bearer(host.organiserKey))
      .send({ startsAt: wallTime(soon), endsAt: wallTime(soon.plus({ hours: 1 })) })
      .expect(200);
    await expect(
      emailsOf(api, `kind = 'reminder' AND event_id = $1 AND status = 'queued'`, [event.id]),
    ).resolves.toHaveLength(0);
  });

  it('should remind "1 day before" at the same wall-clock time across a daylight-saving change', async () => {
    const changeDay = nextDaylightSavingChange('Europe/Berlin').set({ hour: 9, minute: 30 });
    const { host, event } = await cityDay(api, { start: changeDay, reminderOffsetsMinutes: [1440, 90] });
    expect(event.reminderOffsetsMinutes).toEqual([1440, 90]);
    const person = await addPerson(api, host.organiserKey);
    await invite(api, host.organiserKey, event.id, { personIds: [person.id] });
    await postAnswer(api, await answerPath(api, event.id, person.id), 'accept').expect(303);

    const [dayBefore, shortly] = await emailsOf(api, `kind = 'reminder' AND event_id = $1`, [event.id]);
    const local = DateTime.fromJSDate(dayBefore.send_at, { zone: 'Europe/Berlin' });
    expect(local.toFormat('HH:mm')).toBe('09:30');
    expect(local.toISODate()).toBe(changeDay.minus({ days: 1 }).toISODate());
    expect(changeDay.toMillis() - dayBefore.send_at.getTime()).not.toBe(24 * 3600_000);
    expect(changeDay.toMillis() - shortly.send_at.getTime()).toBe(90 * 60_000);
  });

  it('should take and refuse reminder offsets in the event API', async () => {
    const host = await organisationWithKeys(api);
    const created = await api
      .http()
      .post('/api/v1/events')
      .set(bearer(host.organiserKey))
      .send({ kind: 'workshop', title: 'Kurz', startsAt: '2031-05-05T10:00', endsAt: '2031-05-05T12:00' })
      .expect(201);
    expect(created.body.reminderOffsetsMinutes).toEqual([10080, 1440]);
    const changed = await api
      .http()
      .patch(`/api/v1/events/${created.body.id}`)
      .set(bearer(host.organiserKey))
      .send({ reminderOffsetsMinutes: [60, 120, 60] })
      .expect(200);
    expect(changed.body.reminderOffsetsMinutes).toEqual([120, 60]);
    for (const wrong of [[0], [1.5], ['x'], null]) {
      await api
        .http()
        .patch(`/api/v1/events/${created.body.id}`)
        .set(bearer(host.organiserKey))
        .send({ reminderOffsetsMinutes: wrong })
        .expect(400);
    }
  });
});

/** Noon of the next day (after tomorrow) whose clocks differ from the day before: a daylight-saving change. */
function nextDaylightSavingChange(zone: string): DateTime {
  let day = DateTime.now()
    .setZone(zone)
    .set({ hour: 12, minute: 0, second: 0, millisecond: 0 })
    .plus({ days: 2 });
  while (day.offset === day.minus({ days: 1 }).offset) day = day.plus({ days: 1 });
  return day;
}
