import { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@app/testing';
import { EventView } from '../apps/api/src/events/event.view';
import { ApiHarness, bearer, startApi } from './api-harness';
import { csrfTokenOf, expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { addPerson, invite } from './invitation-fixtures';
import { createOrganisation, issueKey } from './planning-fixtures';

/** Fields of the new-event form and of the add-part form, by their ids' prefix. */
interface EventFields {
  kind?: string;
  title?: string;
  venue?: string;
  venueAddress?: string;
  startsAt?: string;
  startZone?: string;
  endsAt?: string;
  endZone?: string;
  capacity?: string;
}

describe('the console’s programme editor in a browser', () => {
  let api: ApiHarness;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let organisationId: string;
  let organiserKey: string;
  let cityDayId: string;

  async function fill(prefix: 'event' | 'part', fields: EventFields): Promise<void> {
    for (const [field, value] of Object.entries(fields) as Array<[string, string]>) {
      const control = page.locator(`#${prefix}-${field}`);
      if (field === 'kind' || field.endsWith('Zone')) await control.selectOption(value);
      else await control.fill(value);
    }
  }

  async function addPart(fields: EventFields): Promise<void> {
    await fill('part', fields);
    await page.getByRole('button', { name: 'Add part' }).click();
    await page.getByText('The part was added.').waitFor();
  }

  const event = async (id: string): Promise<EventView> =>
    (await api.http().get(`/api/v1/events/${id}`).set(bearer(organiserKey)).expect(200)).body as EventView;

  const idInUrl = () => new URL(page.url()).pathname.split('/').pop()!;

  const post = async (path: string, form: Record<string, string>) =>
    page.request.post(`${baseUrl}${path}`, {
      form: { _csrf: await csrfTokenOf(page), ...form },
      headers: { Origin: baseUrl },
      maxRedirects: 0,
    });

  beforeAll(async () => {
    api = await startApi();
    baseUrl = await listenForBrowser(api);
    organisationId = (await createOrganisation(api, { name: 'Stadt Arnsberg', timeZone: 'Europe/Berlin' }))
      .id;
    organiserKey = await issueKey(api, organisationId, 'organiser');
    // An English browser: its date inputs read month first, whatever the console's language.
    ({ browser, close: closeBrowser } = await launchChromium({ locale: 'en-US' }));
    await signInMember(api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
  });

  it('should build a city day with two rounds of two workshops through the forms', async () => {
    await page.goto(`${baseUrl}/console/programme`);
    await page.getByRole('link', { name: 'Plan a new event' }).click();
    await fill('event', {
      kind: 'city_day',
      title: 'Städtetag 2031',
      venue: 'Rathaus Arnsberg',
      startsAt: '2031-09-20T09:00',
      endsAt: '2031-09-20T17:00',
    });
    await page.getByRole('button', { name: 'Create as draft' }).click();
    await page.getByText('The event was created as a draft.').waitFor();
    cityDayId = idInUrl();
    const round = (start: string, end: string) => ({
      startsAt: `2031-09-20T${start}`,
      endsAt: `2031-09-20T${end}`,
    });
    await addPart({ title: 'Klima', capacity: '20', ...round('10:00', '11:30') });
    await addPart({ title: 'Mobilität', capacity: '15', ...round('10:00', '11:30') });
    await addPart({ title: 'Wasser', capacity: '20', ...round('13:00', '14:30') });
    await addPart({ title: 'Digitales', capacity: '10', ...round('13:00', '14:30') });

    const slots = page.locator('.slots > li');
    await expect(slots.nth(0).locator('.slot-parts a').allTextContents()).resolves.toEqual([
      'Klima',
      'Mobilität',
    ]);
    await expect(slots.nth(1).locator('.slot-parts a').allTextContents()).resolves.toEqual([
      'Digitales',
      'Wasser',
    ]);
    await expectWellShown(page, 'console-programme-editor', [
      'Städtetag 2031',
      'Draft',
      'Saturday, 20 September 2031, 10:00 – 11:30 Berlin (CEST)',
    ]);
  });

  it('should offer a new workshop after the last round, as long as it, in the city day’s zone', async () => {
    await expect(page.locator('#part-startsAt').inputValue()).resolves.toBe('2031-09-20T14:30');
    await expect(page.locator('#part-endsAt').inputValue()).resolves.toBe('2031-09-20T16:00');
    await expect(page.locator('#part-startZone').inputValue()).resolves.toBe('Europe/Berlin');
    await expect(page.locator('#part-endZone').inputValue()).resolves.toBe('Europe/Berlin');
    await expect(page.locator('#part-kind').inputValue()).resolves.toBe('workshop');
    await expect(page.locator('#part-startsAt-words').textContent()).resolves.toContain(
      'That is Saturday, 20 September 2031 at 14:30.',
    );
  });

  it('should edit a workshop and show a bad entry again with a message at each field', async () => {
    await page.getByRole('link', { name: 'Mobilität' }).click();
    await fill('event', { title: 'Mobilität und Verkehr', capacity: '18' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    const workshopId = idInUrl();
    expect(await event(workshopId)).toMatchObject({ title: 'Mobilität und Verkehr', capacity: 18 });

    await fill('event', { title: ' ', capacity: '-1' });
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.locator('#event-title').getAttribute('aria-describedby')).resolves.toBe(
      'event-title-error',
    );
    await expect(page.locator('#event-title-error').textContent()).resolves.toBe('Enter a title.');
    await expect(page.locator('#event-capacity').inputValue()).resolves.toBe('-1');
    await expect(page.locator('#event-capacity-error').isVisible()).resolves.toBe(true);

    const readAt = await page.locator('input[name="readAt"]').first().inputValue();
    const form = {
      kind: 'workshop',
      title: 'Mobilität',
      startsAt: '2031-09-20T10:00',
      startZone: 'Europe/Berlin',
      endsAt: '2031-09-20T11:30',
      endZone: 'Europe/Berlin',
      capacity: '18',
      readAt,
    };
    const backwards = await post(`/console/programme/events/${workshopId}`, {
      ...form,
      endsAt: '2031-09-20T09:30',
    });
    expect(backwards.status()).toBe(400);
    expect(await backwards.text()).toContain(
      'Enter an end that exists in its zone and does not lie before the start.',
    );
    const outside = await post(`/console/programme/events/${workshopId}`, {
      ...form,
      startsAt: '2031-09-20T08:00',
    });
    expect(await outside.text()).toContain('within the event this is part of');
    const unknownZone = await post(`/console/programme/events/${workshopId}`, {
      ...form,
      endZone: 'Mars/Olympus',
    });
    expect(unknownZone.status()).toBe(400);
    expect(await unknownZone.text()).toContain('Choose a time zone from the list.');
    await api
      .http()
      .patch(`/api/v1/events/${workshopId}`)
      .set(bearer(organiserKey))
      .send({ capacity: 16 })
      .expect(200);
    const stale = await post(`/console/programme/events/${workshopId}`, form);
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('Someone else changed this event after you opened it.');
    expect(await event(workshopId)).toMatchObject({ title: 'Mobilität und Verkehr', capacity: 16 });
  });

  it('should say before publishing who gets an email, and publish the city day with its workshops', async () => {
    const klima = (await event(cityDayId)).children!.find((part) => part.title === 'Klima')!;
    const person = await addPerson(api, organiserKey, { organisationId });
    expect(
      (await invite(api, organiserKey, cityDayId, { personIds: [person.id], workshopIds: [klima.id] }))
        .status,
    ).toBe(201);

    await page.goto(`${baseUrl}/console/programme/events/${cityDayId}`);
    await page.getByRole('link', { name: 'Publish…' }).click();
    await expectWellShown(page, 'console-programme-publish', [
      'Publish Städtetag 2031?',
      '1 invited person gets an email with the new details.',
      'Subscribed calendar feeds will show the event.',
    ]);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('The event is published.').waitFor();
    const published = await event(cityDayId);
    expect([published.status, ...published.children!.map((part) => part.status)]).toEqual(
      Array(5).fill('published'),
    );
  });

  it('should plan a flight from Dar es Salaam to Frankfurt in local times at both ends, and show both', async () => {
    await page.goto(`${baseUrl}/console/programme/new`);
    await fill('event', {
      kind: 'delegation_visit',
      title: 'Delegation aus Morogoro',
      startsAt: '2031-10-04T08:00',
      startZone: 'Africa/Dar_es_Salaam',
      endsAt: '2031-10-12T20:00',
      endZone: 'Europe/Berlin',
    });
    await page.getByRole('button', { name: 'Create as draft' }).click();
    await page.getByText('The event was created as a draft.').waitFor();
    await addPart({
      kind: 'travel_leg',
      title: 'Flug DAR → FRA',
      startsAt: '2031-10-04T23:55',
      startZone: 'Africa/Dar_es_Salaam',
      endsAt: '2031-10-05T07:30',
      endZone: 'Europe/Berlin',
    });
    await page
      .getByText(
        'Saturday, 4 October 2031, 23:55 Dar es Salaam (EAT) – Sunday, 5 October 2031, 07:30 Berlin (CEST)',
      )
      .waitFor();
    // The visit goes on where the flight landed, when it landed.
    await expect(page.locator('#part-startZone').inputValue()).resolves.toBe('Europe/Berlin');
    await expect(page.locator('#part-startsAt').inputValue()).resolves.toBe('2031-10-05T07:30');
    const groups = page.locator('#part-startZone optgroup');
    await expect(groups.evaluateAll((all) => all.map((group) => group.getAttribute('label')))).resolves.toEqual([
      'Used here',
      'Europe',
      'Africa',
      'America',
      'Asia',
      'Australia',
      'Pacific',
      'Atlantic',
      'Indian Ocean',
      'Antarctica',
      'Arctic',
    ]);
    await expect(groups.first().locator('option').allTextContents()).resolves.toEqual([
      'Berlin (CEST)',
      'Dar es Salaam (EAT)',
    ]);
    await expect(page.locator('#part-startZone option[value="Europe/Berlin"]').count()).resolves.toBe(1);
    await expect(
      page.locator('#part-startZone optgroup[label="Africa"] option[value="Africa/Nairobi"]').textContent(),
    ).resolves.toBe('Nairobi (EAT)');
    await expectWellShown(page, 'console-programme-visit-parts', ['Flug DAR → FRA', 'Add a part']);
    await page.getByRole('link', { name: 'Flug DAR → FRA' }).click();
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('When (your time)');
    expect(facts).toContain('Saturday, 4 October 2031, 22:55 – Sunday, 5 October 2031, 07:30 Berlin (CEST)');
    expect(facts).toContain('When (local time at the venue)');
    const flight = await event(idInUrl());
    expect([flight.start.local, flight.start.zone, flight.end.local, flight.end.zone]).toEqual([
      '2031-10-04T23:55:00',
      'Africa/Dar_es_Salaam',
      '2031-10-05T07:30:00',
      'Europe/Berlin',
    ]);
  });

  it('should plan an all-day stay with the address of the place, and turn it back into times', async () => {
    await page.getByRole('link', { name: 'Back to Delegation aus Morogoro' }).click();
    await addPart({
      kind: 'accommodation',
      title: 'Hotel Sauerland',
      venue: 'Hotel Sauerland',
      venueAddress: 'Ringstraße 1, 59821 Arnsberg',
      startsAt: '2031-10-05T00:00',
      startZone: 'Europe/Berlin',
      endsAt: '2031-10-11T00:00',
      endZone: 'Europe/Berlin',
    });
    await page.getByRole('link', { name: 'Hotel Sauerland' }).click();
    const stayId = idInUrl();
    expect(await event(stayId)).toMatchObject({ allDay: false });
    await page.locator('#event-allDay').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    const stay = await event(stayId);
    expect([stay.allDay, stay.start.local, stay.end.local, stay.venue?.address]).toEqual([
      true,
      '2031-10-05',
      '2031-10-11',
      'Ringstraße 1, 59821 Arnsberg',
    ]);
    await expect(page.locator('#event-startsAt').getAttribute('type')).resolves.toBe('date');
    await expectWellShown(page, 'console-programme-all-day', ['Ringstraße 1, 59821 Arnsberg', 'All day']);

    await page.locator('#event-allDay').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes were saved.').waitFor();
    const timed = await event(stayId);
    expect([timed.allDay, timed.start.local, timed.end.local]).toEqual([
      false,
      '2031-10-05T00:00:00',
      '2031-10-12T00:00:00',
    ]);
  });

  it('should copy the city day with its workshops to another date, as a draft', async () => {
    await page.goto(`${baseUrl}/console/programme/events/${cityDayId}/copy`);
    await page.getByLabel('New start date').fill('2031-11-15');
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('This is the copy, a draft.').waitFor();
    const copy = await event(idInUrl());
    expect(copy.id).not.toBe(cityDayId);
    expect([copy.status, copy.start.local]).toEqual(['draft', '2031-11-15T09:00:00']);
    const parts = copy.children!.map((part) => [part.start.local, part.title, part.capacity, part.status]);
    expect(parts.sort()).toEqual([
      ['2031-11-15T10:00:00', 'Klima', 20, 'draft'],
      ['2031-11-15T10:00:00', 'Mobilität und Verkehr', 16, 'draft'],
      ['2031-11-15T13:00:00', 'Digitales', 10, 'draft'],
      ['2031-11-15T13:00:00', 'Wasser', 20, 'draft'],
    ]);
  });

  it('should move the city day after a confirmation, its workshops along', async () => {
    await page.goto(`${baseUrl}/console/programme/events/${cityDayId}`);
    await page.getByRole('link', { name: 'Move…' }).click();
    await expectWellShown(page, 'console-programme-move', [
      'Move Städtetag 2031',
      '1 invited person gets an email with the new details.',
      'Subscribed calendar feeds will show the new times.',
    ]);
    await page.locator('#move-startsAt').fill('2031-09-27T09:00');
    await page.locator('#move-endsAt').fill('2031-09-27T17:00');
    await expect(page.locator('#move-startsAt-words').textContent()).resolves.toContain(
      'That is Saturday, 27 September 2031 at 09:00.',
    );
    await page.getByRole('button', { name: 'Move now' }).click();
    await page.getByText('The event was moved.').waitFor();
    const moved = await event(cityDayId);
    expect(moved.start.local).toBe('2031-09-27T09:00:00');
    expect(moved.children!.map((part) => part.start.local)).toEqual([
      '2031-09-27T10:00:00',
      '2031-09-27T10:00:00',
      '2031-09-27T13:00:00',
      '2031-09-27T13:00:00',
    ]);
  });

  it('should show its own page, with the way back, when someone else changed the event before a publish, move or cancel', async () => {
    await page.goto(`${baseUrl}/console/programme/events/${cityDayId}/move`);
    const readAt = await page.locator('input[name="readAt"]').inputValue();
    await api
      .http()
      .patch(`/api/v1/events/${cityDayId}`)
      .set(bearer(organiserKey))
      .send({ description: 'Mit Abendprogramm' })
      .expect(200);
    for (const action of ['publish', 'cancel', 'move']) {
      const late = await post(`/console/programme/events/${cityDayId}/${action}`, {
        readAt,
        startsAt: '2031-10-04T09:00',
        endsAt: '2031-10-04T17:00',
      });
      expect(late.status()).toBe(409);
      expect(await late.text()).toContain('was changed by someone else after you opened the page');
    }
    await page.locator('#move-startsAt').fill('2031-10-04T09:00');
    await page.locator('#move-endsAt').fill('2031-10-04T17:00');
    await page.getByRole('button', { name: 'Move now' }).click();
    await expectWellShown(page, 'console-programme-changed-meanwhile', [
      'Someone else changed this event',
      'Open Städtetag 2031 again',
    ]);
    await page.getByRole('link', { name: 'Open Städtetag 2031 again' }).click();
    await page.getByRole('heading', { level: 1, name: /Städtetag 2031/ }).waitFor();
    const unchanged = await event(cityDayId);
    expect([unchanged.status, unchanged.start.local]).toEqual(['published', '2031-09-27T09:00:00']);
  });

  it('should cancel a workshop after saying that its attendee gets a cancellation', async () => {
    await page.getByRole('link', { name: 'Klima' }).click();
    await page.getByRole('link', { name: 'Cancel this part…' }).click();
    await page.getByText('1 invited person gets a cancellation email.').waitFor();
    await page.getByText('The event stays in subscribed feeds, marked as cancelled').waitFor();
    await page.getByRole('button', { name: 'Cancel now' }).click();
    await page.getByText('The event is cancelled.').waitFor();
    expect((await event(idInUrl())).status).toBe('cancelled');
  });

  it('should list the events with their parts, drafts marked', async () => {
    await page.goto(`${baseUrl}/console/programme`);
    await expectWellShown(page, 'console-programme-list', [
      'Programme',
      'Städtetag 2031',
      'Delegation aus Morogoro',
      'Flug DAR → FRA',
      'Draft',
    ]);
  });

  it('should say a date in German words to a German organiser whose browser shows dates the American way', async () => {
    await browser.clearCookies();
    await signInMember(api, browser, baseUrl, {
      email: 'dana.deutsch@arnsberg.example',
      name: 'Dana Deutsch',
      language: 'de',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'organiser',
    });
    await page.goto(`${baseUrl}/console/programme/new`);
    await expect(page.locator('#event-startsAt-words').textContent()).resolves.toContain('Noch kein Datum gewählt.');
    await page.locator('#event-startsAt').fill('2031-03-04T09:00');
    await expect(page.locator('#event-startsAt-words').textContent()).resolves.toContain(
      'Das ist Dienstag, 4. März 2031 um 09:00.',
    );
    await expect(page.locator('#event-startZone optgroup').first().getAttribute('label')).resolves.toBe(
      'Hier verwendet',
    );
    await expectWellShown(page, 'console-programme-new-de', ['Das ist Dienstag, 4. März 2031 um 09:00.', 'Berlin (MEZ/CET)']);
    await page.locator('#event-title').fill('Partnerschaftstag');
    await page.locator('#event-endsAt').fill('2031-03-05T18:00');
    await page.locator('#event-allDay').check();
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await page.getByText('Die Veranstaltung wurde als Entwurf angelegt.').waitFor();
    await expect(page.locator('#event-startsAt-words').textContent()).resolves.toContain('Das ist Dienstag, 4. März 2031.');
  });

  it('should show a viewer everything read-only and refuse their changes', async () => {
    await signInMember(api, browser, baseUrl, {
      email: 'vera.viewer@arnsberg.example',
      name: 'Vera Viewer',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId,
      role: 'viewer',
    });
    await page.goto(`${baseUrl}/console/programme/events/${cityDayId}`);
    await page.getByText('You can read the programme; changing it needs the organiser role.').waitFor();
    await expect(page.locator('form[action$="/parts"]').count()).resolves.toBe(0);
    const refused = await post(`/console/programme/events/${cityDayId}/cancel`, {});
    expect(refused.status()).toBe(403);
    const copy = await post(`/console/programme/events/${cityDayId}/copy`, {});
    expect(copy.status()).toBe(403);
    expect((await event(cityDayId)).status).toBe('published');
  });
});
