import { BrowserContext, Page } from 'playwright-core';
import { MemberSeed } from '@app/accounts';
import { launchChromium } from '@app/testing';
import { ApiHarness, bearer, startApi } from './api-harness';
import { csrfTokenOf, expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { createOrganisation, issueKey } from './planning-fixtures';

/** An Excel export: byte order mark, semicolons, German headers, CRLF. 2 new, 1 update, 2 errors. */
const IMPORT_CSV =
  '\uFEFFName;E-Mail;Sprache;Zeitzone;Abteilung\r\n' +
  'Neema Mushi;neema@arnsberg.example;Swahili;Africa/Dar_es_Salaam;Partnerschaften\r\n' +
  'Jonas Weber;jonas@arnsberg.example;de;;\r\n' +
  'Eva Sommer;EVA@arnsberg.example;;Africa/Dar_es_Salaam;\r\n' +
  'Lena Kurz;lena-at-arnsberg;de;;\r\n' +
  'Tom Fischer;tom@arnsberg.example;Klingonisch;;\r\n';

describe('the console People screen in a browser', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let organisationId: string;
  let organiserKey: string;
  let evaId: string;
  let strangerId: string;
  let organiser: MemberSeed;

  async function person(email: string): Promise<Record<string, unknown> | undefined> {
    const response = await api
      .http()
      .get('/api/v1/people')
      .query({ q: email })
      .set(bearer(organiserKey))
      .expect(200);
    return (response.body.items as Array<Record<string, unknown>>).find(
      (item) => String(item.email).toLowerCase() === email,
    );
  }

  async function submit(button: string, path: string): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (candidate) => candidate.request().method() === 'POST' && new URL(candidate.url()).pathname === path,
      ),
      page.getByRole('button', { name: button }).click(),
    ]);
    await page.waitForLoadState();
    return response.status();
  }

  beforeAll(async () => {
    api = await startApi();
    baseUrl = await listenForBrowser(api);
    const organisation = await createOrganisation(api, {
      name: 'Stadt Arnsberg',
      code: 'ARN-PEOPLE',
      defaultLocale: 'de',
    });
    organisationId = organisation.id;
    organiserKey = await issueKey(api, organisationId, 'organiser');
    evaId = (
      await api
        .http()
        .post('/api/v1/people')
        .set(bearer(organiserKey))
        .send({ name: 'Eva Sommer', email: 'eva@arnsberg.example', locale: 'de' })
        .expect(201)
    ).body.id;
    const other = await createOrganisation(api, { name: 'Morogoro MC', timeZone: 'Africa/Dar_es_Salaam' });
    strangerId = (
      await api
        .http()
        .post('/api/v1/people')
        .set(bearer(await issueKey(api, other.id, 'organiser')))
        .send({ name: 'Amani Mwakyusa', email: 'amani@morogoro.example' })
        .expect(201)
    ).body.id;
    organiser = {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    };
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(api, browser, baseUrl, organiser);
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it("should list the organisation's people and details, and never another organisation's", async () => {
    await page.goto(`${baseUrl}/console/people`);
    await expectWellShown(page, 'console-people', ['People', 'Stadt Arnsberg', 'ARN-PEOPLE', 'Eva Sommer']);
    expect(await page.content()).not.toContain('Amani');
    const stranger = await page.goto(`${baseUrl}/console/people/${strangerId}`);
    expect(stranger?.status()).toBe(404);
    await page.goto(`${baseUrl}/console/people?q=amani%40morogoro.example`);
    await page.getByText('Nobody matches').waitFor();
  });

  it('should add a person, showing the form again with a message per wrong field', async () => {
    await page.goto(`${baseUrl}/console/people/new`);
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByLabel('Email address').fill('kofi-at-arnsberg');
    await page.getByLabel('Time zone').fill('Europe/Arnsberg');
    expect(await submit('Save', '/console/people')).toBe(400);
    await expectWellShown(page, 'console-person-form', [
      'Please correct the marked fields.',
      'This is not a valid email address.',
    ]);
    const email = page.getByLabel('Email address');
    expect(await email.inputValue()).toBe('kofi-at-arnsberg');
    expect(await email.getAttribute('aria-describedby')).toBe('person-email-problem');
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Name', { exact: true }).fill('Kofi Mensah');
    await email.fill('eva@arnsberg.example');
    await page.getByLabel('Time zone').fill('Africa/Accra');
    expect(await submit('Save', '/console/people')).toBe(409);
    await page.getByText('Another person has this email address already.').waitFor();
    await email.fill('kofi@arnsberg.example');
    expect(await submit('Save', '/console/people')).toBe(303);
    await page.getByText('The person was added.').waitFor();
    await expect(person('kofi@arnsberg.example')).resolves.toMatchObject({
      name: 'Kofi Mensah',
      locale: 'de',
      timeZone: 'Africa/Accra',
      organisationId,
    });
  });

  it('should change a person and remove one after confirming', async () => {
    await page.goto(`${baseUrl}/console/people`);
    await page.getByRole('link', { name: /^Edit\W+Kofi Mensah$/ }).click();
    await page.getByLabel('Department or function').fill('Städtepartnerschaften');
    await page.getByLabel('Language').selectOption('en');
    expect(await submit('Save', page.url().replace(baseUrl, ''))).toBe(303);
    await page.getByText('The changes were saved.').waitFor();
    await expect(person('kofi@arnsberg.example')).resolves.toMatchObject({
      department: 'Städtepartnerschaften',
      locale: 'en',
    });
    await page.getByRole('link', { name: /^Remove\W+Kofi Mensah$/ }).click();
    await page.getByRole('heading', { name: 'Remove Kofi Mensah?' }).waitFor();
    await page.getByRole('button', { name: 'Remove for good' }).click();
    await page.getByText('The person was removed.').waitFor();
    await expect(person('kofi@arnsberg.example')).resolves.toBeUndefined();
  });

  it('should preview a CSV import with row errors and store the valid rows when confirmed', async () => {
    await page.goto(`${baseUrl}/console/people/import`);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'personen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(IMPORT_CSV, 'utf8'),
    });
    expect(await submit('Show preview', '/console/people/import')).toBe(200);
    await expectWellShown(page, 'console-people-import-preview', [
      'New: 2 · Updates: 1 · Unchanged: 0 · With errors: 2',
      'Update (existing email)',
      'Changes: Time zone',
      'This is not a valid email address. (column “Email address”)',
      'Unknown language: use de, en or sw (or German, English, Swahili). (column “Language”)',
    ]);
    expect(
      await api.dataSource.query(`SELECT 1 FROM people WHERE email = 'neema@arnsberg.example'`),
    ).toHaveLength(0);
    expect(await submit('Import 3 people', '/console/people/import/confirm')).toBe(303);
    await page
      .getByText('Import done: 2 added, 1 updated, 0 unchanged, 2 rows with errors left out.')
      .waitFor();
    await expect(person('neema@arnsberg.example')).resolves.toMatchObject({
      name: 'Neema Mushi',
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
      department: 'Partnerschaften',
    });
    await expect(person('jonas@arnsberg.example')).resolves.toMatchObject({
      locale: 'de',
      timeZone: 'Europe/Berlin',
    });
    await expect(person('eva@arnsberg.example')).resolves.toMatchObject({
      id: evaId,
      email: 'eva@arnsberg.example',
      timeZone: 'Africa/Dar_es_Salaam',
    });
    await expect(person('lena-at-arnsberg')).resolves.toBeUndefined();
  });

  it('should store nothing when people of the file changed since the preview', async () => {
    await page.goto(`${baseUrl}/console/people/import`);
    const file =
      'Name,Email,Time zone\nEva Sommer,eva@arnsberg.example,Europe/Berlin\nIda Roth,ida@arnsberg.example,\n';
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    expect(await submit('Show preview', '/console/people/import')).toBe(200);
    await api
      .http()
      .patch(`/api/v1/people/${evaId}`)
      .set(bearer(organiserKey))
      .send({ department: 'Umwelt' })
      .expect(200);
    expect(await submit('Import 2 people', '/console/people/import/confirm')).toBe(409);
    await page.getByText('People of the file changed since the preview.').waitFor();
    await expect(person('ida@arnsberg.example')).resolves.toBeUndefined();
  });

  it('should refuse a binary or over-large file with a message, storing nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM people`);
    await page.goto(`${baseUrl}/console/people/import`);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    });
    expect(await submit('Show preview', '/console/people/import')).toBe(400);
    await expectWellShown(page, 'console-people-import-refused', ['This is not a text file in UTF-8.']);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(1024 * 1024 + 1, 'a'),
    });
    expect(await submit('Show preview', '/console/people/import')).toBe(413);
    await page.getByText('The file is larger than 1 MB.').waitFor();
    expect(await page.getByLabel('CSV file').getAttribute('aria-describedby')).toBe('import-file-problem');
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM people`)).toEqual(before);
  });

  it('should show viewers the people read-only and refuse their changes', async () => {
    await signInMember(api, browser, baseUrl, {
      ...organiser,
      email: 'vera.viewer@arnsberg.example',
      name: 'Vera Viewer',
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/people`);
    await page.getByText('Eva Sommer').waitFor();
    await page.getByText('You can see the people; organisers change them.').waitFor();
    expect(await page.getByRole('link', { name: 'Add a person' }).count()).toBe(0);
    const _csrf = await csrfTokenOf(page);
    const add = await page.request.post(`${baseUrl}/console/people`, {
      form: { _csrf, name: 'Vera Viewer', email: 'vera@arnsberg.example' },
    });
    expect(add.status()).toBe(403);
    const remove = await page.request.post(`${baseUrl}/console/people/${evaId}/remove`, { form: { _csrf } });
    expect(remove.status()).toBe(403);
    const preview = await page.request.post(`${baseUrl}/console/people/import`, {
      multipart: { _csrf, file: { name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) } },
    });
    expect(preview.status()).toBe(403);
    expect((await page.goto(`${baseUrl}/console/people/new`))?.status()).toBe(403);
    await expect(person('vera@arnsberg.example')).resolves.toBeUndefined();
    await expect(person('eva@arnsberg.example')).resolves.toMatchObject({ id: evaId });
  });
});
