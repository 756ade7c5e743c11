import { ApiHarness, bearer, startApi, textParser } from './api-harness';
import { answerPath, addPerson, cityDay, invite } from './invitation-fixtures';
import { createEvent, organisationWithKeys, OrganisationKeys } from './planning-fixtures';

/** What every answer carries, whichever path wrote it. */
const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

describe('Security headers', () => {
  let api: ApiHarness;
  let host: OrganisationKeys;

  beforeAll(async () => {
    api = await startApi();
    host = await organisationWithKeys(api, { name: 'Stadt Soest' });
    await createEvent(api, host.organiserKey, {
      kind: 'city_day',
      title: 'Soester Stadttag',
      startsAt: '2027-05-20T09:00',
      endsAt: '2027-05-20T17:00',
      status: 'published',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  function expectSecurityHeaders(headers: Record<string, string>): void {
    expect(headers).toMatchObject(EXPECTED);
    expect(headers['x-powered-by']).toBeUndefined();
  }

  it('should send them with JSON answers and errors of the API, without X-Powered-By', async () => {
    const ok = await api.http().get('/api/v1/organisations').set(bearer(api.adminKey)).expect(200);
    expectSecurityHeaders(ok.headers);
    expect(ok.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const unauthorised = await api.http().get('/api/v1/organisations').expect(401);
    expectSecurityHeaders(unauthorised.headers);
    const tooLarge = await api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .send({ name: 'x'.repeat(200_000) })
      .expect(413);
    expectSecurityHeaders(tooLarge.headers);
  });

  it('should send them with a feed answered by Express and with the same feed answered warm, before Express', async () => {
    const path = `/feeds/organisations/${host.code.toLowerCase()}.ics`;
    const cold = await api.http().get(path).buffer(true).parse(textParser).expect(200);
    const warm = await api.http().get(path).buffer(true).parse(textParser).expect(200);
    expectSecurityHeaders(cold.headers);
    expectSecurityHeaders(warm.headers);
    for (const name of Object.keys(cold.headers).filter((header) => header !== 'date')) {
      expect([name, warm.headers[name]]).toEqual([name, cold.headers[name]]);
    }
    const notModified = await api.http().get(path).set('If-None-Match', cold.headers.etag).expect(304);
    expectSecurityHeaders(notModified.headers);
  });

  it('should keep the own, stricter policy of the public calendar page, with its inline styles and own script', async () => {
    const page = await api.http().get('/calendar').expect(200);
    expectSecurityHeaders(page.headers);
    expect(page.text).toContain('<style>');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
    );
  });

  it('should keep the stricter policy of the answer pages, which carry a secret in their URL', async () => {
    const { event } = await cityDay(api, { host });
    const person = await addPerson(api, host.organiserKey);
    expect((await invite(api, host.organiserKey, event.id, { personIds: [person.id] })).status).toBe(201);
    const page = await api
      .http()
      .get(await answerPath(api, event.id, person.id))
      .expect(200);
    expectSecurityHeaders(page.headers);
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('should let Swagger UI load its scripts from this origin', async () => {
    const docs = await api.http().get('/docs/').expect(200);
    expectSecurityHeaders(docs.headers);
    const scripts = [...docs.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((src) => !/^https?:/.test(src))).toBe(true);
  });
});
