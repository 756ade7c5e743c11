import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { EmailKind, EmailRequest, EmailsService, EmailStatus } from '@app/emails';
import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer } from './api-harness';
import { createEvent, organisationWithKeys, OrganisationKeys } from './planning-fixtures';

export interface EmailRow {
  id: string;
  kind: EmailKind;
  status: EmailStatus;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  skipped_reason: string | null;
  /** The BullMQ job that carries the email. */
  job_id: string | null;
}

export async function createPerson(
  api: ApiHarness,
  key: string,
  body: { locale: string; timeZone: string; organisationId?: string; name?: string; email?: string },
): Promise<{ id: string; email: string; name: string }> {
  const response = await api
    .http()
    .post('/api/v1/people')
    .set(bearer(key))
    .send({
      name: body.name ?? `Person ${randomBytes(3).toString('hex')}`,
      email: body.email ?? `person-${randomBytes(6).toString('hex')}@example.org`,
      ...body,
    })
    .expect(201);
  return response.body;
}

/** A published event a month ahead, hosted by a fresh organisation, with one person per locale. */
export async function eventWithPeople(
  api: ApiHarness,
  people: Array<{ locale: string; timeZone: string }>,
  eventBody: Record<string, unknown> = {},
): Promise<{
  host: OrganisationKeys;
  event: EventView;
  people: Array<{ id: string; email: string; name: string }>;
}> {
  const host = await organisationWithKeys(api);
  const start = DateTime.now()
    .setZone('Europe/Berlin')
    .plus({ days: 30 })
    .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  const event = await createEvent(api, host.organiserKey, {
    kind: 'conference',
    title: 'Städtetag Arnsberg–Sundern',
    description: 'Gemeinsam nachhaltig erfolgreich.',
    startsAt: start.toISO({ includeOffset: false, suppressMilliseconds: true }),
    endsAt: start.plus({ hours: 8 }).toISO({ includeOffset: false, suppressMilliseconds: true }),
    startZone: 'Europe/Berlin',
    endZone: 'Europe/Berlin',
    venue: { name: 'Rathaus Arnsberg', address: 'Rathausplatz 2, 59759 Arnsberg' },
    status: 'published',
    ...eventBody,
  });
  const created = [];
  for (const person of people) {
    created.push(await createPerson(api, host.organiserKey, { ...person, organisationId: host.id }));
  }
  return { host, event, people: created };
}

/** Writes emails the way producers do: in a transaction, then a nudge to the relay. */
export async function queueEmails(api: ApiHarness, requests: EmailRequest[], dispatch = true): Promise<void> {
  const emails = api.app.get(EmailsService);
  await api.dataSource.transaction((manager) => emails.queue(manager, requests));
  if (dispatch) emails.dispatchSoon();
}

export function uniqueKey(kind: string): string {
  return `${kind}:test:${randomBytes(8).toString('hex')}`;
}

export async function emailRows(
  api: ApiHarness,
  where: string,
  parameters: unknown[] = [],
): Promise<EmailRow[]> {
  return api.dataSource.query(
    `SELECT id, kind, status, attempts, message_id, last_error, skipped_reason, job_id
       FROM emails WHERE ${where} ORDER BY created_at, id`,
    parameters,
  );
}

export async function emailByKey(api: ApiHarness, dedupeKey: string): Promise<EmailRow> {
  const [row] = await emailRows(api, 'dedupe_key = $1', [dedupeKey]);
  if (!row) throw new Error(`No email with key ${dedupeKey}`);
  return row;
}

/** Polls until `check` returns a value that is not undefined, or fails with the last state seen. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function waitForStatus(
  api: ApiHarness,
  dedupeKey: string,
  status: EmailStatus,
  timeoutMs = 20_000,
): Promise<EmailRow> {
  let last: EmailRow | undefined;
  try {
    return await eventually(async () => {
      last = await emailByKey(api, dedupeKey);
      return last.status === status ? last : undefined;
    }, timeoutMs);
  } catch {
    throw new Error(`Email ${dedupeKey} did not become ${status}; last seen ${JSON.stringify(last)}`);
  }
}

/**
 * Time allowed per email when a test's timeout is derived from its work: about fifty times what
 * one takes on a quiet machine, so that a loaded CI machine is slow but never too slow.
 */
export const PER_EMAIL_BUDGET_MS = 100;

/** A test timeout for `emails` emails on top of `baseMs` of fixed work (servers, waits). */
export function timeoutFor(emails: number, baseMs = 30_000): number {
  return baseMs + emails * PER_EMAIL_BUDGET_MS;
}

/**
 * Polls `progress` until it reports done. Fails only when its count has not moved for `stallMs`:
 * on a busy machine the work is slow but moves, and a fixed deadline would race it.
 */
export async function whileProgressing(
  progress: () => Promise<{ done: boolean; count: number }>,
  what: string,
  stallMs = 30_000,
): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const { done, count } = await progress();
    if (done) return;
    if (count !== last) {
      last = count;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      throw new Error(`No progress for ${stallMs} ms waiting for ${what} (at ${count})`);
    }
    await sleep(200);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
