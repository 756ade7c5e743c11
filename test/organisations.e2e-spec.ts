import { ApiHarness, bearer, startApi } from './api-harness';

describe('Organisations API', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('should create an organisation with an admin key and read it back', async () => {
    const created = await api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .send({
        name: 'Stadt Arnsberg',
        code: 'arn',
        country: 'de',
        timeZone: 'Europe/Berlin',
        defaultLocale: 'de',
      })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Stadt Arnsberg', code: 'ARN', country: 'DE' });
    const fetched = await api
      .http()
      .get(`/api/v1/organisations/${created.body.id}`)
      .set(bearer(api.adminKey))
      .expect(200);
    expect(fetched.body.timeZone).toBe('Europe/Berlin');
  });

  it('should refuse an invalid body with field-level messages', async () => {
    const response = await api
      .http()
      .post('/api/v1/organisations')
      .set(bearer(api.adminKey))
      .send({
        name: '',
        code: 'x',
        country: 'Germany',
        timeZone: 'Berlin/Mars',
        defaultLocale: 'fr',
        extra: 1,
      })
      .expect(400);
    const fields = response.body.problems.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['name', 'code', 'country', 'timeZone', 'defaultLocale', 'extra']),
    );
  });
});
