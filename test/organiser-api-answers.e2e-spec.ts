import { randomBytes } from 'node:crypto';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { eventually } from './email-fixtures';
import { addPerson, cityDay, invitationOf, invite } from './invitation-fixtures';
import { fastMailSettings, startWorker, WorkerHarness } from './worker-harness';

/**
 * What the console's answers and people screens do, through the JSON API for machines: answering
 * on someone's behalf, resending the link, and importing people from a CSV file.
 */
describe('Organiser API: answers on behalf, resending, people import', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let worker: WorkerHarness;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({ env: () => fastMailSettings(sink.url) });
    worker = await startWorker(fastMailSettings(sink.url));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const auditOf = (action: string, recordId: string): Promise<Array<{ details: Record<string, unknown> }>> =>
    api.dataSource.query(`SELECT details FROM audit_entries WHERE action = $1 AND record_id = $2`, [
      action,
      recordId,
    ]);

  describe('answering on behalf', () => {
    it('should take the seat, answer with the invitation and record that the organiser answered for the invitee', async () => {
      const { host, event, workshops } = await cityDay(api, {
        workshops: [{ title: 'Digitalisierung', capacity: 1 }],
      });
      const anna = await addPerson(api, host.organiserKey);
      const ben = await addPerson(api, host.organiserKey);
      await invite(api, host.organiserKey, event.id, { personIds: [anna.id, ben.id] }).then((r) =>
        expect(r.status).toBe(201),
      );
      const annas = await invitationOf(api, event.id, anna.id);
      const path = `/api/v1/events/${event.id}/invitations/${annas.id}/answer`;

      const answered = await api
        .http()
        .post(path)
        .set(bearer(host.organiserKey))
        .send({ answer: 'accept', workshopIds: [workshops[0].id], expectedStatus: 'invited' })
        .expect(200);
      expect(answered.body).toMatchObject({
        id: annas.id,
        status: 'accepted',
        choices: [expect.objectContaining({ workshopId: workshops[0].id, status: 'confirmed' })],
      });
      expect(await auditOf('invitation.answered', annas.id)).toEqual([
        { details: expect.objectContaining({ onBehalf: true, answer: 'accept' }) },
      ]);

      const bens = await invitationOf(api, event.id, ben.id);
      const waitlisted = await api
        .http()
        .post(`/api/v1/events/${event.id}/invitations/${bens.id}/answer`)
        .set(bearer(host.organiserKey))
        .send({ answer: 'accept', workshopIds: [workshops[0].id] })
        .expect(200);
      expect(waitlisted.body.choices).toEqual([
        expect.objectContaining({ workshopId: workshops[0].id, status: 'waitlisted' }),
      ]);
    });

    it('should change nothing when the answer changed since the organiser looked (409), or for a viewer (403)', async () => {
      const { host, event } = await cityDay(api);
      const carla = await addPerson(api, host.organiserKey);
      await invite(api, host.organiserKey, event.id, { personIds: [carla.id] });
      const invitation = await invitationOf(api, event.id, carla.id);
      const path = `/api/v1/events/${event.id}/invitations/${invitation.id}/answer`;

      const stale = await api
        .http()
        .post(path)
        .set(bearer(host.organiserKey))
        .send({ answer: 'decline', workshopIds: [], expectedStatus: 'accepted' })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'invitation_changed' });
      await api
        .http()
        .post(path)
        .set(bearer(host.viewerKey))
        .send({ answer: 'decline', workshopIds: [] })
        .expect(403);
      const wrong = await api
        .http()
        .post(path)
        .set(bearer(host.organiserKey))
        .send({ answer: 'maybe', workshopIds: [] })
        .expect(400);
      expect(JSON.stringify(wrong.body)).toContain('answer');

      expect((await invitationOf(api, event.id, carla.id)).status).toBe('invited');
      expect(await auditOf('invitation.answered', invitation.id)).toEqual([]);
    });

    it('should take the registration answers with the answer, refusing a missing required one by name and auditing the rest', async () => {
      const { host, event } = await cityDay(api);
      const questions = await api
        .http()
        .put(`/api/v1/events/${event.id}/questions`)
        .set(bearer(host.organiserKey))
        .send({
          questions: [
            { type: 'single_choice', label: 'Ernährung', options: ['Vegan', 'Alles'], required: true },
            { type: 'text', label: 'Passnummer', sensitive: true },
          ],
        })
        .expect(200);
      const [diet, passport] = questions.body.questions as Array<{ id: string }>;
      const dora = await addPerson(api, host.organiserKey);
      await invite(api, host.organiserKey, event.id, { personIds: [dora.id] });
      const invitation = await invitationOf(api, event.id, dora.id);
      const path = `/api/v1/events/${event.id}/invitations/${invitation.id}/answer`;

      const missing = await api
        .http()
        .post(path)
        .set(bearer(host.organiserKey))
        .send({ answer: 'accept', workshopIds: [], registrationAnswers: { [passport.id]: 'C01X00T47' } })
        .expect(400);
      expect(missing.body).toMatchObject({ code: 'registration_answers_invalid' });
      expect(missing.body.message).toContain('Ernährung');
      expect((await invitationOf(api, event.id, dora.id)).status).toBe('invited');

      await api
        .http()
        .post(path)
        .set(bearer(host.organiserKey))
        .send({
          answer: 'accept',
          workshopIds: [],
          registrationAnswers: { [diet.id]: 'Vegan', [passport.id]: 'C01X00T47' },
        })
        .expect(200);
      const stored = await api
        .http()
        .get(`/api/v1/events/${event.id}/registration-answers?includeSensitive=true`)
        .set(bearer(host.organiserKey))
        .expect(200);
      expect(stored.body.registrations).toEqual([
        expect.objectContaining({ answers: { [diet.id]: 'Vegan', [passport.id]: 'C01X00T47' } }),
      ]);
      const [entry]: Array<{ actor_kind: string; details: Record<string, unknown> }> =
        await api.dataSource.query(
          `SELECT * FROM audit_entries WHERE action = 'registration.answers_recorded' AND record_id = $1`,
          [invitation.id],
        );
      expect(entry.actor_kind).not.toBe('invitee');
      expect(entry.details).toMatchObject({ questionIds: [diet.id, passport.id], sensitiveChanged: 1 });
      expect(JSON.stringify(entry)).not.toContain('C01X00T47');
    });
  });

  describe('resending the link', () => {
    it('should send the invitation email again, audited, and refuse it once the invitee declined', async () => {
      const { host, event } = await cityDay(api, { title: `Städtetag ${randomBytes(3).toString('hex')}` });
      const dora = await addPerson(api, host.organiserKey);
      await invite(api, host.organiserKey, event.id, { personIds: [dora.id] });
      const invitation = await invitationOf(api, event.id, dora.id);
      const invitationsTo = () =>
        sink.received.filter(
          (mail) => mail.recipients.includes(dora.email) && mail.parsed?.subject?.includes(event.title),
        );
      await eventually(
        () => (invitationsTo().length === 1 ? true : undefined),
        30_000,
        'the first invitation',
      );

      await api
        .http()
        .post(`/api/v1/events/${event.id}/invitations/${invitation.id}/resend`)
        .set(bearer(host.organiserKey))
        .expect(204);
      const [first, again] = await eventually(
        () => (invitationsTo().length === 2 ? invitationsTo() : undefined),
        30_000,
        'the resent invitation',
      );
      expect(again.parsed?.text).toContain('/answer/');
      expect(again.messageId).not.toBe(first.messageId);
      expect(await auditOf('invitation.resent', invitation.id)).toEqual([
        { details: expect.objectContaining({ eventId: event.id }) },
      ]);

      await api
        .http()
        .post(`/api/v1/events/${event.id}/invitations/${invitation.id}/answer`)
        .set(bearer(host.organiserKey))
        .send({ answer: 'decline', workshopIds: [] })
        .expect(200);
      const declined = await api
        .http()
        .post(`/api/v1/events/${event.id}/invitations/${invitation.id}/resend`)
        .set(bearer(host.organiserKey))
        .expect(409);
      expect(declined.body).toMatchObject({ code: 'invitation_declined' });
    });
  });

  describe('importing people', () => {
    const importCsv = (key: string, csv: string | Buffer, query = '') =>
      api
        .http()
        .post(`/api/v1/people/import${query}`)
        .set(bearer(key))
        .set('Content-Type', 'text/csv')
        .send(csv);

    it('should preview without storing, then import the valid rows and leave them unchanged the second time', async () => {
      const { host } = await cityDay(api);
      const tag = randomBytes(4).toString('hex');
      const csv = [
        'Name;E-Mail-Adresse;Sprache;Zeitzone;Abteilung',
        `Amani Mushi;amani-${tag}@morogoro.example;Swahili;Africa/Dar_es_Salaam;Mipango`,
        `Jörg Müller;joerg-${tag}@arnsberg.example;de;Europe/Berlin;Umwelt`,
        `Ohne Adresse;;de;Europe/Berlin;`,
      ].join('\r\n');
      const file = Buffer.from(`\ufeff${csv}`);

      const preview = await importCsv(host.organiserKey, file, '?dryRun=true').expect(200);
      expect(preview.body).toMatchObject({
        organisationId: host.id,
        counts: { new: 2, update: 0, unchanged: 0, error: 1 },
        imported: null,
      });
      expect(preview.body.rows[2]).toMatchObject({
        line: 4,
        outcome: 'error',
        errors: [{ column: 'email', problem: 'missing' }],
      });
      const stored = async (): Promise<number> =>
        Number(
          (
            await api.dataSource.query(`SELECT count(*) AS n FROM people WHERE email LIKE $1`, [`%-${tag}@%`])
          )[0].n,
        );
      expect(await stored()).toBe(0);

      const imported = await importCsv(
        host.organiserKey,
        file,
        `?fingerprint=${encodeURIComponent(preview.body.fingerprint)}`,
      ).expect(200);
      expect(imported.body.imported).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
      const [amani] = await api.dataSource.query(`SELECT locale, time_zone FROM people WHERE email = $1`, [
        `amani-${tag}@morogoro.example`,
      ]);
      expect(amani).toEqual({ locale: 'sw', time_zone: 'Africa/Dar_es_Salaam' });

      const again = await importCsv(host.organiserKey, csv).expect(200);
      expect(again.body.imported).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 1 });
      const outdated = await importCsv(
        host.organiserKey,
        csv.replace('Umwelt', 'Klimaschutz'),
        `?fingerprint=${encodeURIComponent(preview.body.fingerprint)}`,
      ).expect(409);
      expect(outdated.body).toMatchObject({ code: 'import_outdated' });
      expect(await stored()).toBe(2);
    });

    it('should refuse a body that is no CSV (400), a file over 1 MB (413) and a viewer (403)', async () => {
      const { host } = await cityDay(api);
      const asJson = await api
        .http()
        .post('/api/v1/people/import')
        .set(bearer(host.organiserKey))
        .send({ name: 'Amani' })
        .expect(400);
      expect(asJson.body).toMatchObject({ code: 'invalid_input' });
      expect(JSON.stringify(asJson.body)).toContain('text/csv');

      await importCsv(host.organiserKey, Buffer.alloc(1024 * 1024 + 1, 'a')).expect(413);
      const noHeader = await importCsv(host.organiserKey, 'just,some\nwords,here').expect(400);
      expect(noHeader.body).toMatchObject({ code: 'import_file_invalid' });
      await importCsv(host.viewerKey, 'name,email\nAmani,amani@example.org').expect(403);
    });
  });
});
