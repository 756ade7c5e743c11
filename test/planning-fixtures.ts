import { randomBytes } from 'node:crypto';
import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer } from './api-harness';

export interface OrganisationKeys {
  id: string;
  code: string;
  organiserKey: string;
  viewerKey: string;
}

/** A code no other organisation in the suite has. */
export function uniqueCode(prefix = 'ORG'): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`.toUpperCase();
}

export async function createOrganisation(
  api: ApiHarness,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string; timeZone: string }> {
  const response = await api
    .http()
    .post('/api/v1/organisations')
    .set(bearer(api.adminKey))
    .send({
      name: `Stadt ${randomBytes(3).toString('hex')}`,
      code: uniqueCode(),
      country: 'DE',
      timeZone: 'Europe/Berlin',
      defaultLocale: 'de',
      ...overrides,
    })
    .expect(201);
  return response.body;
}

export async function issueKey(
  api: ApiHarness,
  organisationId: string,
  role: 'admin' | 'organiser' | 'viewer',
): Promise<string> {
  const response = await api
    .http()
    .post('/api/v1/api-keys')
    .set(bearer(api.adminKey))
    .send({ name: `${role} key`, organisationId, role })
    .expect(201);
  return response.body.key;
}

/** An organisation with an organiser key and a viewer key, as the access rules need them. */
export async function organisationWithKeys(
  api: ApiHarness,
  overrides: Record<string, unknown> = {},
): Promise<OrganisationKeys> {
  const organisation = await createOrganisation(api, overrides);
  return {
    id: organisation.id,
    code: organisation.code,
    organiserKey: await issueKey(api, organisation.id, 'organiser'),
    viewerKey: await issueKey(api, organisation.id, 'viewer'),
  };
}

export async function createEvent(
  api: ApiHarness,
  key: string,
  body: Record<string, unknown>,
): Promise<EventView> {
  const response = await api
    .http()
    .post('/api/v1/events')
    .set(bearer(key))
    .send({
      kind: 'workshop',
      title: 'Workshop',
      startsAt: '2023-09-20T09:00',
      endsAt: '2023-09-20T10:00',
      ...body,
    });
  if (response.status !== 201) {
    throw new Error(`creating an event failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as EventView;
}

export async function countRows(api: ApiHarness, table: string): Promise<number> {
  const [row] = await api.dataSource.query<Array<{ count: string }>>(`SELECT count(*) FROM ${table}`);
  return Number(row.count);
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
