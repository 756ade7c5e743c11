import { ApiHarness, bearer, startApi } from './api-harness';
import { countRows, uniqueCode } from './planning-fixtures';

/** A JSON text nested `depth` arrays deep, written by hand: JSON.stringify would recurse as deep. */
function nested(depth: number): string {
  return `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

function organisation(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Stadt Meschede',
    code: uniqueCode(),
    country: 'DE',
    timeZone: 'Europe/Berlin',
    defaultLocale: 'de',
    ...overrides,
  };
}

describe('Input limits', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const postOrganisation = (body: string | object) =>
    api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('should refuse a body nested 1,500 levels deep with 400, on every JSON POST, storing nothing', async () => {
    const before = await countRows(api, 'organisations');
    const response = await postOrganisation(nested(1500)).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
    expect(response.body.message).toMatch(/must not nest more than 32 levels deep/);
    await api
      .http()
      .post('/api/v1/people')
      .set(bearer(api.adminKey))
      .set('Content-Type', 'application/json')
      .send(nested(1500))
      .expect(400);
    await expect(countRows(api, 'organisations')).resolves.toBe(before);
  });

  it('should refuse a lone UTF-16 surrogate in an email address, a name or a field name with 400', async () => {
    const people = await countRows(api, 'people');
    // JSON.stringify writes a lone surrogate as the escape \ud800, as an attacker would send it.
    const email = await api
      .http()
      .post('/api/v1/people')
      .set(bearer(api.adminKey))
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({
          name: 'Anna',
          email: 'anna\ud800@example.org',
          locale: 'de',
          timeZone: 'Europe/Berlin',
        }),
      )
      .expect(400);
    expect(email.body.problems).toEqual([
      { field: 'email', message: 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)' },
    ]);
    const key = await postOrganisation({ ...organisation(), ['x\udc00']: 1 }).expect(400);
    expect(key.body.problems[0].field).toBe('x\ufffd');
    await expect(countRows(api, 'people')).resolves.toBe(people);
  });

  it('should keep well-formed text from every script, emoji included, as sent', async () => {
    const name = 'Ōsaka 大阪市 — Ärzte 👩🏽‍⚕️ Sønderborg';
    const response = await postOrganisation(organisation({ name })).expect(201);
    expect(response.body.name).toBe(name);
  });

  it.each([
    ['NUL', '\u0000'],
    ['escape', '\u001b[31m'],
    ['DEL', '\u007f'],
  ])(
    'should refuse a %s character in a title with 400, where PostgreSQL would fail',
    async (_, character) => {
      const response = await postOrganisation(organisation({ name: `Stadt${character}Brilon` })).expect(400);
      expect(response.body.problems).toEqual([
        { field: 'name', message: 'must not contain control characters such as NUL' },
      ]);
    },
  );

  it('should refuse NUL in a query parameter and in a path parameter with 400', async () => {
    await api.http().get('/api/v1/organisations?q=a%00b').set(bearer(api.adminKey)).expect(400);
    const path = await api.http().get('/api/v1/organisations/a%00b').set(bearer(api.adminKey)).expect(400);
    expect(path.body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
  });

  it('should allow a tab in text', async () => {
    await postOrganisation(organisation({ name: 'Stadt\tWarstein' })).expect(201);
  });

  it('should answer a body over 100 kB with 413 and a problem body', async () => {
    const response = await postOrganisation(organisation({ name: 'x'.repeat(120_000) })).expect(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Payload Too Large',
      status: 413,
      detail: 'The request body is too large.',
      instance: '/api/v1/organisations',
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large.',
    });
  });

  it('should answer a body of megabytes with 413 that the client gets to read', async () => {
    const json = await postOrganisation(organisation({ name: 'x'.repeat(3_000_000) })).expect(413);
    expect(json.body).toMatchObject({ statusCode: 413 });
    const form = await api
      .http()
      .post(`/answer/${'A'.repeat(43)}`)
      .type('form')
      .send(`answer=accept&${'workshop=0&'.repeat(300_000)}`)
      .expect(413);
    expect(form.body).toMatchObject({ statusCode: 413 });
  });

  it('should answer malformed JSON with 400 and a problem body', async () => {
    const response = await postOrganisation('{"name": ').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});
