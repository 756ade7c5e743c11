import { createHash } from 'node:crypto';
import { ApiHarness, bearer, seenElsewhere, startAnotherApi, startApi, timed } from './api-harness';
import { countRows, createOrganisation, issueKey, UNKNOWN_ID } from './planning-fixtures';

describe('API keys API', () => {
  let api: ApiHarness;
  let arnsbergId: string;
  let sundernId: string;

  beforeAll(async () => {
    api = await startApi();
    arnsbergId = (await createOrganisation(api, { name: 'Stadt Arnsberg' })).id;
    sundernId = (await createOrganisation(api, { name: 'Stadt Sundern' })).id;
  });

  afterAll(async () => {
    await api.close();
  });

  const issue = (key: string, body: Record<string, unknown>) =>
    api.http().post('/api/v1/api-keys').set(bearer(key)).send(body);

  it('should show a new key once, bound to its organisation and role', async () => {
    const response = await issue(api.adminKey, {
      name: 'Städtetag-Team',
      organisationId: arnsbergId,
      role: 'organiser',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Städtetag-Team',
      organisationId: arnsbergId,
      role: 'organiser',
      revokedAt: null,
    });
    expect(response.body.key).toMatch(/^tp_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(response.body.key.startsWith(response.body.prefix)).toBe(true);

    const me = await api.http().get('/api/v1/api-keys/me').set(bearer(response.body.key)).expect(200);
    expect(me.body).toMatchObject({ organisationId: arnsbergId, role: 'organiser', keyId: response.body.id });
  });

  it('should never show the key again when listing, only its prefix', async () => {
    const issued = await issue(api.adminKey, { name: 'Einmal', organisationId: sundernId, role: 'viewer' });
    const listed = await api.http().get('/api/v1/api-keys').set(bearer(api.adminKey)).expect(200);
    const entry = listed.body.find((key: { id: string }) => key.id === issued.body.id);
    expect(entry).toMatchObject({ prefix: issued.body.prefix, name: 'Einmal' });
    expect(entry).not.toHaveProperty('key');
    const secret = issued.body.key.slice(issued.body.prefix.length);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('should store only a digest of the secret, never the key', async () => {
    const issued = await issue(api.adminKey, {
      name: 'Gehasht',
      organisationId: arnsbergId,
      role: 'organiser',
    });
    const [row] = await api.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [issued.body.id]);
    const secret: string = issued.body.key.slice(issued.body.prefix.length);
    expect(row.secret_digest).toEqual(createHash('sha256').update(secret).digest());
    const stored = Object.values(row)
      .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
      .join('|');
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(issued.body.key);
  });

  it('should let only an admin issue keys (403) and store none otherwise', async () => {
    const organiser = await issueKey(api, arnsbergId, 'organiser');
    const viewer = await issueKey(api, arnsbergId, 'viewer');
    const before = await countRows(api, 'api_keys');
    expect(
      (await issue(organiser, { name: 'Selbst', organisationId: arnsbergId, role: 'admin' })).status,
    ).toBe(403);
    expect(
      (await issue(viewer, { name: 'Selbst', organisationId: arnsbergId, role: 'organiser' })).status,
    ).toBe(403);
    await expect(countRows(api, 'api_keys')).resolves.toBe(before);
  });

  it.each([
    ['an unknown organisation', { name: 'X', organisationId: UNKNOWN_ID, role: 'viewer' }, 400],
    ['an unknown role', { name: 'X', organisationId: UNKNOWN_ID, role: 'owner' }, 400],
    ['no name', { organisationId: UNKNOWN_ID, role: 'viewer' }, 400],
    ['an organisation id that is no UUID', { name: 'X', organisationId: 'ARN', role: 'viewer' }, 400],
    [
      'an unknown field',
      { name: 'X', organisationId: UNKNOWN_ID, role: 'viewer', expiresAt: '2030-01-01' },
      400,
    ],
  ])('should refuse %s with %i', async (_, body, status) => {
    const before = await countRows(api, 'api_keys');
    expect((await issue(api.adminKey, body)).status).toBe(status);
    await expect(countRows(api, 'api_keys')).resolves.toBe(before);
  });

  it("should list to an organiser only its own organisation's keys", async () => {
    const organiser = await issueKey(api, sundernId, 'organiser');
    const listed = await api.http().get('/api/v1/api-keys').set(bearer(organiser)).expect(200);
    expect(listed.body.length).toBeGreaterThan(0);
    expect(listed.body.every((key: { organisationId: string }) => key.organisationId === sundernId)).toBe(
      true,
    );
  });

  describe('revoking', () => {
    it('should stop a revoked key at once (401)', async () => {
      const issued = await issue(api.adminKey, {
        name: 'Verloren',
        organisationId: arnsbergId,
        role: 'organiser',
      });
      await api.http().get('/api/v1/events').set(bearer(issued.body.key)).expect(200);
      const revoked = await api
        .http()
        .delete(`/api/v1/api-keys/${issued.body.id}`)
        .set(bearer(api.adminKey))
        .expect(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const refused = await api.http().get('/api/v1/events').set(bearer(issued.body.key)).expect(401);
      expect(refused.body.code).toBe('api_key_invalid');
    });

    it('should stop a revoked key at once in the process that revoked it, and in every other as soon as it hears of it', async () => {
      const other = await startAnotherApi();
      try {
        expect(other.listening()).toBe(true);
        const issued = await issue(api.adminKey, {
          name: 'Laptop Rathaus',
          organisationId: arnsbergId,
          role: 'organiser',
        });
        for (let request = 0; request < 3; request++) {
          await other.http().get('/api/v1/events').set(bearer(issued.body.key)).expect(200);
        }
        const revoke = await timed(() =>
          api.http().delete(`/api/v1/api-keys/${issued.body.id}`).set(bearer(api.adminKey)).expect(200),
        );
        await api.http().get('/api/v1/events').set(bearer(issued.body.key)).expect(401);
        const refused = await seenElsewhere(revoke.ms, async () => {
          const response = await other.http().get('/api/v1/events').set(bearer(issued.body.key));
          return response.status === 200 ? undefined : response;
        });
        expect(refused.status).toBe(401);
        expect(refused.body.code).toBe('api_key_invalid');
      } finally {
        await other.close();
      }
    });

    it('should let only an admin revoke, hide other organisations\u2019 keys (404) and refuse bad ids', async () => {
      const target = await issue(api.adminKey, { name: 'Ziel', organisationId: arnsbergId, role: 'viewer' });
      const ownOrganiser = await issueKey(api, arnsbergId, 'organiser');
      const otherOrganiser = await issueKey(api, sundernId, 'organiser');
      await api.http().delete(`/api/v1/api-keys/${target.body.id}`).set(bearer(ownOrganiser)).expect(403);
      await api.http().delete(`/api/v1/api-keys/${target.body.id}`).set(bearer(otherOrganiser)).expect(404);
      await api.http().delete(`/api/v1/api-keys/${UNKNOWN_ID}`).set(bearer(api.adminKey)).expect(404);
      await api.http().delete('/api/v1/api-keys/tp_abc').set(bearer(api.adminKey)).expect(400);
      await api.http().get('/api/v1/api-keys/me').set(bearer(target.body.key)).expect(200);
    });
  });
});
