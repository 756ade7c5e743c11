import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { InvitationsService } from '@app/invitations';
import { ApiHarness, bearer } from './api-harness';
import { createEvent, OrganisationKeys, organisationWithKeys } from './planning-fixtures';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export async function addPerson(
  api: ApiHarness,
  key: string,
  body: {
    organisationId?: string;
    locale?: string;
    timeZone?: string;
    name?: string;
    department?: string;
  } = {},
): Promise<Person> {
  const response = await api
    .http()
    .post('/api/v1/people')
    .set(bearer(key))
    .send({
      name: `Gast ${randomBytes(3).toString('hex')}`,
      email: `gast-${randomBytes(6).toString('hex')}@example.org`,
      locale: 'de',
      timeZone: 'Europe/Berlin',
      ...body,
    });
  if (response.status !== 201) throw new Error(`adding a person failed: ${JSON.stringify(response.body)}`);
  return response.body as Person;
}

export function wallTime(instant: DateTime): string {
  return instant.toISO({ includeOffset: false, suppressMilliseconds: true })!;
}

/** A published city day a month ahead in Arnsberg, optionally with workshops that have seats. */
export async function cityDay(
  api: ApiHarness,
  options: {
    host?: OrganisationKeys;
    title?: string;
    start?: DateTime;
    capacity?: number | null;
    reminderOffsetsMinutes?: number[];
    workshops?: Array<{ title: string; capacity: number | null; reminderOffsetsMinutes?: number[] }>;
  } = {},
) {
  const host = options.host ?? (await organisationWithKeys(api));
  const start =
    options.start ??
    DateTime.now()
      .setZone('Europe/Berlin')
      .plus({ days: 30 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  const event = await createEvent(api, host.organiserKey, {
    kind: 'city_day',
    title: options.title ?? 'Städtetag Arnsberg',
    startsAt: wallTime(start),
    endsAt: wallTime(start.plus({ hours: 8 })),
    startZone: 'Europe/Berlin',
    venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
    status: 'published',
    capacity: options.capacity ?? null,
    ...(options.reminderOffsetsMinutes ? { reminderOffsetsMinutes: options.reminderOffsetsMinutes } : {}),
  });
  const workshops = [];
  for (const [index, workshop] of (options.workshops ?? []).entries()) {
    workshops.push(
      await createEvent(api, host.organiserKey, {
        kind: 'workshop',
        title: workshop.title,
        parentId: event.id,
        startsAt: wallTime(start.plus({ hours: 1 + index })),
        endsAt: wallTime(start.plus({ hours: 2 + index })),
        startZone: 'Europe/Berlin',
        status: 'published',
        capacity: workshop.capacity,
        ...(workshop.reminderOffsetsMinutes
          ? { reminderOffsetsMinutes: workshop.reminderOffsetsMinutes }
          : {}),
      }),
    );
  }
  return { host, event, workshops, start };
}

export async function invite(api: ApiHarness, key: string, eventId: string, body: Record<string, unknown>) {
  return api.http().post(`/api/v1/events/${eventId}/invitations`).set(bearer(key)).send(body);
}

export async function invitationOf(
  api: ApiHarness,
  eventId: string,
  personId: string,
): Promise<{ id: string; status: string; responded_at: Date | null; updated_at: Date }> {
  const [row] = await api.dataSource.query(
    `SELECT id, status, responded_at, updated_at FROM invitations WHERE event_id = $1 AND person_id = $2`,
    [eventId, personId],
  );
  if (!row) throw new Error(`No invitation of ${personId} to ${eventId}`);
  return row;
}

/** The path of a person's answer link, as the mail job builds it. */
export async function answerPath(api: ApiHarness, eventId: string, personId: string): Promise<string> {
  const invitation = await invitationOf(api, eventId, personId);
  const url = await api.app.get(InvitationsService).answerUrl(invitation.id);
  if (!url) throw new Error('The invitation has no answer link');
  return new URL(url).pathname;
}

/** Posts the answer form the way a browser does. */
export function postAnswer(api: ApiHarness, path: string, answer: string, workshopIds: string[] = []) {
  const form = new URLSearchParams([['answer', answer], ...workshopIds.map((id) => ['workshop', id])]);
  return api.http().post(path).type('form').send(form.toString());
}

export async function emailsOf(
  api: ApiHarness,
  where: string,
  parameters: unknown[],
): Promise<
  Array<{
    kind: string;
    status: string;
    event_id: string;
    person_id: string;
    send_at: Date;
    event_starts_at: Date | null;
    offset_minutes: number | null;
    dedupe_key: string;
  }>
> {
  return api.dataSource.query(
    `SELECT kind, status, event_id, person_id, send_at, event_starts_at, offset_minutes, dedupe_key
       FROM emails WHERE ${where} ORDER BY send_at, dedupe_key`,
    parameters,
  );
}
