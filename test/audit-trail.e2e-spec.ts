import { parseApiKeyToken } from '@app/access';
import { startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { eventually } from './email-fixtures';
import { addPerson, answerPath, cityDay, invitationOf, invite, postAnswer } from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';
import { removeQueueKeys, startWorker } from './worker-harness';

interface Entry {
  id: string;
  occurredAt: string;
  actor: { kind: string; id: string | null; label: string; organisationId: string | null };
  organisationIds: string[];
  recordType: string;
  recordId: string | null;
  action: string;
  changes: Array<Record<string, unknown>>;
  details: Record<string, unknown> | null;
}

/** Who changed what and when: written with each change, read per organisation and per record. */
describe('Audit trail', () => {
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let morogoro: OrganisationKeys;
  let arnsbergKeyId: string;

  beforeAll(async () => {
    api = await startApi();
    arnsberg = await organisationWithKeys(api, { name: 'Stadt Arnsberg' });
    morogoro = await organisationWithKeys(api, { name: 'Morogoro Municipal Council' });
    arnsbergKeyId = (await api.http().get('/api/v1/api-keys/me').set(bearer(arnsberg.organiserKey))).body
      .keyId;
  });

  afterAll(async () => {
    await api?.close();
    await removeQueueKeys();
  });

  const audit = (key: string, query: Record<string, string | number> = {}) =>
    api.http().get('/api/v1/audit').query(query).set(bearer(key));

  async function history(recordType: string, recordId: string): Promise<Entry[]> {
    const response = await audit(api.adminKey, { recordType, recordId }).expect(200);
    return response.body.items as Entry[];
  }

  const entryCount = async () =>
    Number((await api.dataSource.query(`SELECT count(*) FROM audit_entries`))[0].count);

  const patchEvent = (key: string, id: string, body: Record<string, unknown>) =>
    api.http().patch(`/api/v1/events/${id}`).set(bearer(key)).send(body);

  it('should record each change of an event with the key that made it, for its host and co-hosts', async () => {
    const event = await createEvent(api, arnsberg.organiserKey, {
      kind: 'city_day',
      title: 'Städtetag',
      startsAt: '2031-06-10T09:00',
      endsAt: '2031-06-10T17:00',
      status: 'published',
      coHostOrganisationIds: [morogoro.id],
    });
    const part = await createEvent(api, arnsberg.organiserKey, {
      title: 'Workshop Klima',
      parentId: event.id,
      startsAt: '2031-06-10T10:00',
      endsAt: '2031-06-10T11:00',
      status: 'published',
    });
    await patchEvent(arnsberg.organiserKey, event.id, { title: 'Städtetag 2031' }).expect(200);
    await patchEvent(arnsberg.organiserKey, event.id, {
      startsAt: '2031-06-17T09:00',
      endsAt: '2031-06-17T17:00',
    }).expect(200);
    await patchEvent(morogoro.organiserKey, event.id, { status: 'cancelled' }).expect(200);
    await patchEvent(arnsberg.organiserKey, event.id, { status: 'published' }).expect(200);
    await patchEvent(arnsberg.organiserKey, event.id, { title: 'Städtetag 2031' }).expect(200);

    const entries = await history('event', event.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'event.uncancelled',
      'event.cancelled',
      'event.moved',
      'event.updated',
      'event.created',
    ]);
    const [uncancelled, cancelled, moved, updated, created] = entries;
    expect(created.actor).toEqual({
      kind: 'api_key',
      id: arnsbergKeyId,
      label: 'organiser key',
      organisationId: arnsberg.id,
    });
    expect(created.organisationIds.sort()).toEqual([arnsberg.id, morogoro.id].sort());
    expect(created.changes).toContainEqual({ field: 'title', before: null, after: 'Städtetag' });
    expect(updated.changes).toEqual([{ field: 'title', before: 'Städtetag', after: 'Städtetag 2031' }]);
    expect(moved.changes.map((change) => change.field)).toEqual(['startsAt', 'endsAt']);
    expect(moved.changes[0]).toEqual({
      field: 'startsAt',
      before: '2031-06-10T07:00:00.000Z',
      after: '2031-06-17T07:00:00.000Z',
    });
    expect(cancelled.actor).toMatchObject({ kind: 'api_key', organisationId: morogoro.id });
    expect(cancelled.changes).toEqual([{ field: 'status', before: 'published', after: 'cancelled' }]);
    expect(uncancelled.changes).toEqual([{ field: 'status', before: 'cancelled', after: 'published' }]);

    // The part moved, was cancelled and came back with the event: its own history says so.
    const partEntries = await history('event', part.id);
    expect(partEntries.map((entry) => [entry.action, entry.details])).toEqual([
      ['event.uncancelled', { withEvent: event.id }],
      ['event.cancelled', { withEvent: event.id }],
      ['event.moved', { withEvent: event.id }],
      ['event.created', null],
    ]);

    await api
      .http()
      .delete(`/api/v1/events/${event.id}?withChildren=true`)
      .set(bearer(arnsberg.organiserKey))
      .expect(204);
    const [deleted] = await history('event', event.id);
    expect(deleted).toMatchObject({ action: 'event.deleted', details: { partsDeleted: 1 } });
    expect(deleted.changes).toContainEqual({ field: 'title', before: 'Städtetag 2031', after: null });
    expect((await history('event', part.id))[0]).toMatchObject({
      action: 'event.deleted',
      details: { withEvent: event.id },
    });
  });

  it('should write nothing for a refused change or one that rolls back', async () => {
    const event = await createEvent(api, arnsberg.organiserKey, {
      title: 'Ratssitzung',
      status: 'published',
    });
    const person = await addPerson(api, arnsberg.organiserKey, { organisationId: arnsberg.id });
    await invite(api, arnsberg.organiserKey, event.id, { personIds: [person.id] }).then((response) =>
      expect(response.status).toBe(201),
    );
    const before = await entryCount();

    await patchEvent(arnsberg.viewerKey, event.id, { title: 'Nope' }).expect(403);
    await patchEvent(morogoro.organiserKey, event.id, { title: 'Nope' }).expect(403);
    await patchEvent(arnsberg.organiserKey, event.id, { endsAt: '2020-01-01T00:00' }).expect(400);
    // Refused by the database inside the transaction, after the checks: invitations hold the event.
    await api.http().delete(`/api/v1/events/${event.id}`).set(bearer(arnsberg.organiserKey)).expect(409);
    // A unique violation inside the transaction that would have written the entry.
    await api
      .http()
      .post('/api/v1/people')
      .set(bearer(arnsberg.organiserKey))
      .send({ name: 'Doppelt', email: person.email })
      .expect(409);
    await api.http().get(`/api/v1/people/${person.id}/export`).set(bearer(arnsberg.viewerKey)).expect(403);
    await api
      .http()
      .delete(`/api/v1/api-keys/${arnsbergKeyId}`)
      .set(bearer(arnsberg.organiserKey))
      .expect(403);

    expect(await entryCount()).toBe(before);
  });

  it('should attribute an answer through the answer link to the invitee, and record invitations and withdrawals', async () => {
    const day = await cityDay(api, {
      host: arnsberg,
      workshops: [{ title: 'Workshop Wasser', capacity: 5 }],
    });
    const [workshop] = day.workshops;
    const asha = await addPerson(api, arnsberg.organiserKey, {
      organisationId: arnsberg.id,
      name: 'Asha Mwakyusa',
    });
    await invite(api, arnsberg.organiserKey, day.event.id, { personIds: [asha.id] }).then((response) =>
      expect(response.status).toBe(201),
    );
    await postAnswer(api, await answerPath(api, day.event.id, asha.id), 'accept', [workshop.id]).expect(303);
    const invitation = await invitationOf(api, day.event.id, asha.id);
    await api
      .http()
      .delete(`/api/v1/events/${day.event.id}/invitations/${invitation.id}`)
      .set(bearer(arnsberg.organiserKey))
      .expect(200);

    const [withdrawn, answered, created] = await history('invitation', invitation.id);
    expect(created).toMatchObject({
      action: 'invitation.created',
      actor: { kind: 'api_key', id: arnsbergKeyId },
      organisationIds: [arnsberg.id],
      details: { eventId: day.event.id },
    });
    expect(answered).toMatchObject({
      action: 'invitation.answered',
      actor: { kind: 'invitee', id: asha.id, label: 'Asha Mwakyusa', organisationId: null },
      changes: [{ field: 'status', before: 'invited', after: 'accepted' }],
      details: {
        eventId: day.event.id,
        answer: 'accept',
        workshopsRequested: [workshop.id],
        workshopsGivenUp: [],
      },
    });
    expect(withdrawn).toMatchObject({
      action: 'invitation.withdrawn',
      actor: { kind: 'api_key' },
      changes: [{ field: 'status', before: 'accepted', after: 'cancelled' }],
    });
  });

  it('should record that personal fields changed without their values', async () => {
    const person = await addPerson(api, arnsberg.organiserKey, {
      organisationId: arnsberg.id,
      department: 'Umwelt',
    });
    await api
      .http()
      .patch(`/api/v1/people/${person.id}`)
      .set(bearer(arnsberg.organiserKey))
      .send({ email: 'neu.adresse@arnsberg.example', department: 'Kultur', locale: 'en' })
      .expect(200);
    const [updated, created] = await history('person', person.id);
    expect(created.action).toBe('person.created');
    expect(created.changes).toContainEqual({ field: 'email', personal: true });
    expect(updated).toMatchObject({ action: 'person.updated', organisationIds: [arnsberg.id] });
    expect(updated.changes).toEqual([
      { field: 'email', personal: true },
      { field: 'department', personal: true },
      { field: 'locale', before: 'de', after: 'en' },
    ]);
    const text = JSON.stringify([updated, created]);
    for (const personal of [person.email, person.name, 'neu.adresse', 'Umwelt', 'Kultur'])
      expect(text).not.toContain(personal);
  });

  it('should record partnerships and their members, and the issuing and revoking of keys', async () => {
    const third = await organisationWithKeys(api);
    const created = await api
      .http()
      .post('/api/v1/partnerships')
      .set(bearer(arnsberg.organiserKey))
      .send({ name: `Partnerschaft ${third.code}`, memberOrganisationIds: [arnsberg.id, morogoro.id] })
      .expect(201);
    const id = created.body.id as string;
    const patch = (body: Record<string, unknown>) =>
      api
        .http()
        .patch(`/api/v1/partnerships/${id}`)
        .set(bearer(arnsberg.organiserKey))
        .send(body)
        .expect(200);
    await patch({ memberOrganisationIds: [arnsberg.id, morogoro.id, third.id], description: 'Klima' });
    await patch({ memberOrganisationIds: [arnsberg.id, morogoro.id], confirmMemberRemoval: true });

    const entries = await history('partnership', id);
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual([
      [
        'partnership.member_removed',
        { organisationId: third.id, internalEventsNoLongerSeen: 0, invitedPeople: 0 },
      ],
      ['partnership.member_added', { organisationId: third.id }],
      ['partnership.updated', null],
      ['partnership.created', null],
    ]);
    expect(entries[2].changes).toEqual([{ field: 'description', before: '', after: 'Klima' }]);
    expect(entries[1].organisationIds.sort()).toEqual([arnsberg.id, morogoro.id, third.id].sort());

    const thirdKeyId = (await api.http().get('/api/v1/api-keys/me').set(bearer(third.viewerKey))).body.keyId;
    await api.http().delete(`/api/v1/api-keys/${thirdKeyId}`).set(bearer(api.adminKey)).expect(200);
    const keyEntries = await history('api_key', thirdKeyId);
    expect(keyEntries.map((entry) => entry.action)).toEqual(['api_key.revoked', 'api_key.issued']);
    expect(keyEntries[1]).toMatchObject({
      actor: { kind: 'api_key', label: 'First admin key' },
      organisationIds: [third.id],
      changes: expect.arrayContaining([{ field: 'role', before: null, after: 'viewer' }]),
    });
    // The secret is base64url and may itself hold '_': split the key by its own format, not by '_'.
    expect(JSON.stringify(keyEntries)).not.toContain(parseApiKeyToken(third.viewerKey)!.secret);
  });

  it('should name the actor by its full key name, even 200 characters that are mostly emoji', async () => {
    // 200 characters as the key's validation counts them, 399 UTF-16 units: a cut by units would split one.
    const name = `K${'🌍'.repeat(199)}`;
    const issued = await api
      .http()
      .post('/api/v1/api-keys')
      .set(bearer(api.adminKey))
      .send({ name, organisationId: arnsberg.id, role: 'organiser' })
      .expect(201);
    const event = await createEvent(api, issued.body.key as string, { hostOrganisationId: arnsberg.id });

    const [created] = await history('event', event.id);
    expect(created).toMatchObject({ action: 'event.created', actor: { kind: 'api_key', label: name } });
  });

  it("should let admins read everything, organisers their organisation's entries, and viewers nothing", async () => {
    const own = await createEvent(api, morogoro.organiserKey, { title: 'Baraza la Madiwani' });
    const all = (await audit(api.adminKey, { limit: 200 }).expect(200)).body.items as Entry[];
    expect(all.some((entry) => entry.recordId === own.id)).toBe(true);

    const arnsbergs = (await audit(arnsberg.organiserKey, { limit: 200 }).expect(200)).body.items as Entry[];
    expect(arnsbergs.length).toBeGreaterThan(0);
    expect(arnsbergs.every((entry) => entry.organisationIds.includes(arnsberg.id))).toBe(true);
    expect(arnsbergs.some((entry) => entry.recordId === own.id)).toBe(false);
    // The co-hosted city day of the first test concerns Morogoro too.
    const morogoros = (
      await audit(morogoro.organiserKey, { action: 'event.created', limit: 200 }).expect(200)
    ).body.items as Entry[];
    expect(morogoros.map((entry) => entry.recordId)).toEqual(expect.arrayContaining([own.id]));
    expect(morogoros.some((entry) => entry.organisationIds.includes(arnsberg.id))).toBe(true);

    await audit(arnsberg.organiserKey, { organisationId: morogoro.id }).expect(403);
    await audit(arnsberg.viewerKey).expect(403);
    await audit(morogoro.viewerKey, { organisationId: morogoro.id }).expect(403);
    await api.http().get('/api/v1/audit').expect(401);
    const forMorogoro = (await audit(api.adminKey, { organisationId: morogoro.id, limit: 200 }).expect(200))
      .body.items as Entry[];
    expect(forMorogoro.every((entry) => entry.organisationIds.includes(morogoro.id))).toBe(true);
  });

  it('should filter by action, actor and time, and page newest first', async () => {
    const from = new Date().toISOString();
    const event = await createEvent(api, morogoro.organiserKey, { title: 'Kikao 0' });
    for (let index = 1; index <= 4; index += 1) {
      await patchEvent(morogoro.organiserKey, event.id, { title: `Kikao ${index}` }).expect(200);
    }
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { recordType: 'event', recordId: event.id, limit: 2 };
      if (cursor) query.cursor = cursor;
      const page = (await audit(morogoro.organiserKey, query).expect(200)).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((entry) => entry.changes.find((change) => change.field === 'title')?.after)).toEqual([
      'Kikao 4',
      'Kikao 3',
      'Kikao 2',
      'Kikao 1',
      'Kikao 0',
    ]);
    const updates = (await audit(morogoro.organiserKey, { action: 'event.updated', from }).expect(200)).body
      .items;
    expect(updates).toHaveLength(4);
    const keyId = (await api.http().get('/api/v1/api-keys/me').set(bearer(morogoro.organiserKey))).body.keyId;
    const byKey = (await audit(api.adminKey, { actorId: keyId, from, limit: 200 }).expect(200)).body
      .items as Entry[];
    expect(byKey).toHaveLength(5);
    const later = (
      await audit(api.adminKey, { from: new Date(Date.now() + 60_000).toISOString() }).expect(200)
    ).body;
    expect(later.items).toEqual([]);
  });

  it.each([
    ['recordId', { recordId: 'not-a-uuid' }],
    ['action', { action: 'event.exploded' }],
    ['actorKind', { actorKind: 'robot' }],
    ['from', { from: '2027-02-30T10:00:00Z' }],
    ['to', { from: '2027-03-01T10:00:00Z', to: '2027-02-01T10:00:00Z' }],
    ['cursor', { cursor: 'bm90LWEtY3Vyc29y' }],
    ['limit', { limit: 0 }],
    ['unknown', { unknown: 'x' }],
  ])('should answer a wrong %s with a 400 that names it', async (field, query) => {
    const response = await audit(api.adminKey, query).expect(400);
    expect(response.body.code).toBe('invalid_input');
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it("should export a person's entries and, on erasure, anonymise them and record the erasure", async () => {
    const day = await cityDay(api, { host: arnsberg });
    const asha = await addPerson(api, arnsberg.organiserKey, {
      organisationId: arnsberg.id,
      name: 'Asha Kimaro',
    });
    await api
      .http()
      .patch(`/api/v1/people/${asha.id}`)
      .set(bearer(arnsberg.organiserKey))
      .send({ locale: 'en' })
      .expect(200);
    await invite(api, arnsberg.organiserKey, day.event.id, { personIds: [asha.id] }).then((response) =>
      expect(response.status).toBe(201),
    );
    await postAnswer(api, await answerPath(api, day.event.id, asha.id), 'accept').expect(303);
    const invitation = await invitationOf(api, day.event.id, asha.id);

    const exported = await api
      .http()
      .get(`/api/v1/people/${asha.id}/export`)
      .set(bearer(arnsberg.organiserKey))
      .expect(200);
    expect((exported.body.auditTrail as Entry[]).map((entry) => entry.action)).toEqual([
      'person.created',
      'person.updated',
      'invitation.created',
      'invitation.answered',
    ]);
    expect((await history('person', asha.id))[0].action).toBe('person.exported');

    const erased = await api
      .http()
      .delete(`/api/v1/people/${asha.id}`)
      .set(bearer(arnsberg.organiserKey))
      .expect(200);
    expect(erased.body.sections.auditTrail).toEqual({
      auditEntriesAnonymisedAsActor: 1,
      auditEntriesAnonymisedAsSubject: 5,
    });

    const personEntries = await history('person', asha.id);
    expect(personEntries.map((entry) => entry.action)).toEqual([
      'person.erased',
      'person.exported',
      'person.updated',
      'person.created',
    ]);
    expect(personEntries[0].details).toMatchObject({ auditTrail: { auditEntriesAnonymisedAsSubject: 5 } });
    expect(personEntries[2].changes).toEqual([{ field: 'locale', personal: true }]);
    const invitationEntries = await history('invitation', invitation.id);
    expect(invitationEntries.map((entry) => entry.action)).toEqual([
      'invitation.withdrawn',
      'invitation.answered',
      'invitation.created',
    ]);
    expect(invitationEntries[1].actor).toEqual({
      kind: 'invitee',
      id: null,
      label: 'Erased person',
      organisationId: null,
    });
    const everything = JSON.stringify(await api.dataSource.query(`SELECT * FROM audit_entries`));
    expect(everything).not.toContain('Asha Kimaro');
    expect(everything).not.toContain(asha.email);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_entries WHERE subject_person_id = $1 OR actor_id = $1`,
      [asha.id],
    );
    expect(count).toBe(0);
  });

  it('should record a waitlist promotion as the waitlist’s and an invitation withdrawn by an erasure as the erasing key’s', async () => {
    const day = await cityDay(api, { host: arnsberg, capacity: 1 });
    const leaving = await addPerson(api, arnsberg.organiserKey, { organisationId: arnsberg.id });
    const waiting = await addPerson(api, arnsberg.organiserKey, { organisationId: arnsberg.id });
    await invite(api, arnsberg.organiserKey, day.event.id, { personIds: [leaving.id, waiting.id] }).then(
      (response) => expect(response.status).toBe(201),
    );
    await postAnswer(api, await answerPath(api, day.event.id, leaving.id), 'accept').expect(303);
    await postAnswer(api, await answerPath(api, day.event.id, waiting.id), 'accept').expect(303);
    const leavingInvitation = await invitationOf(api, day.event.id, leaving.id);
    const waitingInvitation = await invitationOf(api, day.event.id, waiting.id);
    expect(waitingInvitation.status).toBe('waitlisted');

    await api.http().delete(`/api/v1/people/${leaving.id}`).set(bearer(arnsberg.organiserKey)).expect(200);

    const [withdrawn] = await history('invitation', leavingInvitation.id);
    expect(withdrawn).toMatchObject({
      action: 'invitation.withdrawn',
      actor: { kind: 'api_key', id: arnsbergKeyId },
      organisationIds: [arnsberg.id],
      changes: [{ field: 'status', before: 'accepted', after: 'cancelled' }],
      details: { eventId: day.event.id, byErasure: true },
    });
    const [promoted] = await history('invitation', waitingInvitation.id);
    expect(promoted).toMatchObject({
      action: 'invitation.promoted',
      actor: { kind: 'system', id: null, label: 'waitlist', organisationId: null },
      organisationIds: [arnsberg.id],
      changes: [{ field: 'status', before: 'waitlisted', after: 'accepted' }],
      details: { eventId: day.event.id },
    });
  });

  it('should record organisations created, changed, given a new code and deleted, for the organisation itself', async () => {
    const created = await api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .send({
        name: 'Stadt Meschede',
        code: `MES-${Date.now()}`,
        country: 'DE',
        timeZone: 'Europe/Berlin',
        defaultLocale: 'de',
      })
      .expect(201);
    const { id, code } = created.body as { id: string; code: string };
    const change = (body: Record<string, unknown>) =>
      api.http().patch(`/api/v1/organisations/${id}`).set(bearer(api.adminKey)).send(body).expect(200);
    await change({ name: 'Kreisstadt Meschede' });
    await change({ code: `${code}-NEU`, timeZone: 'Europe/Berlin' });
    await change({ name: 'Kreisstadt Meschede' });
    await api.http().delete(`/api/v1/organisations/${id}`).set(bearer(api.adminKey)).expect(204);

    const entries = await history('organisation', id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'organisation.deleted',
      'organisation.code_changed',
      'organisation.updated',
      'organisation.created',
    ]);
    expect(
      entries.every((entry) => entry.organisationIds.join() === id && entry.actor.kind === 'api_key'),
    ).toBe(true);
    expect(entries[1].changes).toEqual([{ field: 'code', before: code, after: `${code}-NEU` }]);
    expect(entries[2].changes).toEqual([
      { field: 'name', before: 'Stadt Meschede', after: 'Kreisstadt Meschede' },
    ]);
    expect(entries[3].changes).toContainEqual({ field: 'code', before: null, after: code });
  });

  it('should prune entries older than the retention in the worker, and record the pruning', async () => {
    await api.dataSource.query(
      `INSERT INTO audit_entries (occurred_at, actor_kind, actor_label, organisation_ids, record_type, record_id, action)
       SELECT now() - interval '400 days', 'system', 'old', ARRAY[$1::uuid], 'event', $2, 'event.created'
         FROM generate_series(1, 3)`,
      [arnsberg.id, UNKNOWN_ID],
    );
    const recent = await entryCount();
    const sink = await startSmtpSink();
    const worker = await startWorker({ SMTP_URL: sink.url, AUDIT_RETENTION_DAYS: '365' });
    try {
      const [pruned] = await eventually(
        async () => {
          const items = (await audit(api.adminKey, { action: 'audit_trail.pruned' }).expect(200)).body
            .items as Entry[];
          return items.length > 0 ? items : undefined;
        },
        30_000,
        'the worker to prune the audit trail',
      );
      expect(pruned).toMatchObject({
        actor: { kind: 'system', label: 'audit retention' },
        organisationIds: [],
        recordType: 'audit_trail',
        details: { deleted: 3, retentionDays: 365 },
      });
      expect(await entryCount()).toBe(recent - 3 + 1);
      const arnsbergs = (await audit(arnsberg.organiserKey, { action: 'audit_trail.pruned' }).expect(200))
        .body.items;
      expect(arnsbergs).toEqual([]);
    } finally {
      await worker.close();
      await sink.close();
    }
  });
});
