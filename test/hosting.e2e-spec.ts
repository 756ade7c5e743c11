import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext } from 'playwright-core';
import { launchChromium, readCalendar } from '@app/testing';
import { ApiHarness, bearer, textParser } from './api-harness';
import { expectWellShown, listenForBrowser, signInMember } from './console-fixtures';
import { eventually } from './email-fixtures';
import { addPerson, answerPath, invite, Person } from './invitation-fixtures';
import { createEvent, OrganisationKeys, organisationWithKeys, UNKNOWN_ID } from './planning-fixtures';
import { MailingStack, removeQueueKeys, startMailingStack } from './worker-harness';

/** The text of a PDF as poppler's pdftotext reads it, one string per page. */
function pdfPages(pdf: Buffer): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'itinerary-'));
  try {
    const file = path.join(folder, 'itinerary.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Besides the API: a worker sending mail, and Chromium taking two screenshots and two axe runs per look. */
jest.setTimeout(180_000);

describe('Hosting a delegation visit', () => {
  let stack: MailingStack;
  let api: ApiHarness;
  let arnsberg: OrganisationKeys;
  let stranger: OrganisationKeys;
  const ids: Record<string, string> = {};
  let neema: Person;
  let rehema: Person;
  let outsider: Person;
  let family: Person;
  let driver: Person;
  let baseUrl: string;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;

  const hosting = (suffix = '') => `/api/v1/events/${ids.visit}/hosting${suffix}`;
  /** The schedule emails a host received so far, oldest first, once there are `count`. */
  const schedulesTo = (host: Person, count: number) =>
    eventually(
      () => {
        const mails = stack.sink.received.filter(
          (mail) => mail.recipients.includes(host.email) && mail.parsed?.subject?.includes('Gastgeber'),
        );
        return mails.length >= count ? mails : undefined;
      },
      60_000,
      `${count} schedules to ${host.name}`,
    );
  const post = (suffix: string, body: object, key = arnsberg.organiserKey) =>
    api.http().post(hosting(suffix)).set(bearer(key)).send(body);

  beforeAll(async () => {
    // Plain http, so that the console's session cookie is the one signInMember sets.
    stack = await startMailingStack('http://treffpunkt.example.org');
    api = stack.api;
    arnsberg = await organisationWithKeys(api);
    stranger = await organisationWithKeys(api);
    const part = async (body: Record<string, unknown>) =>
      (await createEvent(api, arnsberg.organiserKey, { parentId: ids.visit, status: 'published', ...body }))
        .id;
    ids.visit = (
      await createEvent(api, arnsberg.organiserKey, {
        kind: 'delegation_visit',
        title: 'Delegationsbesuch aus Morogoro',
        startsAt: '2027-10-27',
        endsAt: '2027-11-02',
        allDay: true,
        startZone: 'Europe/Berlin',
        status: 'published',
      })
    ).id;
    ids.flight = await part({
      kind: 'travel_leg',
      title: 'Flight Dar es Salaam – Berlin',
      startsAt: '2027-10-27T16:40',
      startZone: 'Africa/Dar_es_Salaam',
      endsAt: '2027-10-28T06:15',
      endZone: 'Europe/Berlin',
    });
    ids.transfer = await part({
      kind: 'travel_leg',
      title: 'Transfer BER – Arnsberg',
      startsAt: '2027-10-28T07:30',
      endsAt: '2027-10-28T11:45',
      startZone: 'Europe/Berlin',
    });
    ids.hotel = await part({
      kind: 'accommodation',
      title: 'Hotel in Neheim',
      startsAt: '2027-10-28',
      endsAt: '2027-11-01',
      allDay: true,
      startZone: 'Europe/Berlin',
      venue: { name: 'Hotel Neheim', address: 'Hauptstraße 1, 59755 Arnsberg' },
    });
    ids.waterworks = await part({
      kind: 'site_visit',
      title: 'Wasserwerk an der Ruhr',
      startsAt: '2027-10-29T09:30',
      endsAt: '2027-10-29T12:00',
      startZone: 'Europe/Berlin',
    });
    ids.solar = await part({
      kind: 'site_visit',
      title: 'Solaranlagen auf Schuldächern',
      startsAt: '2027-10-30T09:30',
      endsAt: '2027-10-30T12:00',
      startZone: 'Europe/Berlin',
    });
    ids.cityDay = (
      await createEvent(api, arnsberg.organiserKey, {
        kind: 'city_day',
        title: 'Städtetag',
        startsAt: '2027-10-29T09:00',
        endsAt: '2027-10-29T17:00',
        startZone: 'Europe/Berlin',
      })
    ).id;
    const morogoro = { timeZone: 'Africa/Dar_es_Salaam' };
    neema = await addPerson(api, arnsberg.organiserKey, {
      name: 'Neema Mwakyusa',
      locale: 'en',
      ...morogoro,
    });
    rehema = await addPerson(api, arnsberg.organiserKey, {
      name: 'Rehema Kibwana',
      locale: 'sw',
      ...morogoro,
    });
    outsider = await addPerson(api, arnsberg.organiserKey, { name: 'Nicht eingeladen' });
    family = await addPerson(api, arnsberg.organiserKey, { name: 'Ute Wiese' });
    driver = await addPerson(api, arnsberg.organiserKey, { name: 'Jonas Weber' });
    const invited = await invite(api, arnsberg.organiserKey, ids.visit, { personIds: [neema.id, rehema.id] });
    expect(invited.status).toBe(201);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stack.close();
    await removeQueueKeys();
  });

  it('should assign a host family per night and a driver per programme item, and list them', async () => {
    const night = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'host_family',
      night: '2027-10-30',
      phone: '+49 2932 555 0142',
      address: 'Am Sonnenhang 4, 59821 Arnsberg',
    }).expect(201);
    ids.familyAssignment = night.body.id;
    await post('/hosts', {
      guestId: rehema.id,
      hostId: family.id,
      role: 'host_family',
      night: '2027-10-30',
      address: 'Am Sonnenhang 4, 59821 Arnsberg',
    }).expect(201);
    for (const guest of [neema, rehema]) {
      await post('/hosts', {
        guestId: guest.id,
        hostId: driver.id,
        role: 'driver',
        partId: ids.transfer,
        phone: '+49 2932 555 0170',
        notes: 'Pick-up at Berlin airport, Terminal 1',
      }).expect(201);
    }
    const solarGuide = await post('/hosts', {
      guestId: neema.id,
      hostId: driver.id,
      role: 'guide',
      partId: ids.solar,
    });
    ids.solarGuide = solarGuide.body.id;
    await post('/rooms', {
      accommodationId: ids.hotel,
      night: '2027-10-28',
      room: '12',
      guestIds: [neema.id],
    }).expect(201);
    await post('/rooms', {
      accommodationId: ids.hotel,
      night: '2027-10-28',
      room: '14',
      guestIds: [rehema.id],
    }).expect(201);

    const plan = await api.http().get(hosting()).set(bearer(arnsberg.viewerKey)).expect(200);
    expect(plan.body.nights).toEqual([
      '2027-10-27',
      '2027-10-28',
      '2027-10-29',
      '2027-10-30',
      '2027-10-31',
      '2027-11-01',
    ]);
    expect(plan.body.guests.map((guest: { name: string }) => guest.name).sort()).toEqual([
      'Neema Mwakyusa',
      'Rehema Kibwana',
    ]);
    expect(plan.body.hosts).toHaveLength(5);
    expect(
      plan.body.rooms.map((room: { room: string; guestName: string }) => [room.room, room.guestName]),
    ).toEqual([
      ['12', 'Neema Mwakyusa'],
      ['14', 'Rehema Kibwana'],
    ]);
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_entries WHERE record_type IN ('host_assignment', 'room_assignment')`,
    );
    expect(audit).toHaveLength(7);
  });

  it('should refuse bad input with a clear 4xx and write nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM host_assignments`);
    const taken = await post('/hosts', {
      guestId: neema.id,
      hostId: driver.id,
      role: 'host_family',
      night: '2027-10-30',
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'host_family_taken']);
    const stranger_ = await post('/hosts', {
      guestId: outsider.id,
      hostId: family.id,
      role: 'guide',
      partId: ids.waterworks,
    });
    expect([stranger_.status, stranger_.body.code]).toEqual([400, 'guest_not_invited']);
    const both = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'guide',
      night: '2027-10-30',
      partId: ids.waterworks,
    });
    expect([both.status, both.body.code]).toEqual([400, 'invalid_input']);
    const outside = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'host_family',
      night: '2027-12-24',
    });
    expect([outside.status, outside.body.problems[0].field]).toEqual([400, 'night']);
    const badDate = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'host_family',
      night: '30.10.2027',
    });
    expect(badDate.status).toBe(400);
    const badRole = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'cook',
      night: '2027-10-29',
    });
    expect(badRole.status).toBe(400);
    const foreignPart = await post('/hosts', {
      guestId: neema.id,
      hostId: family.id,
      role: 'guide',
      partId: ids.cityDay,
    });
    expect([foreignPart.status, foreignPart.body.problems[0].field]).toEqual([400, 'partId']);
    const noHost = await post('/hosts', {
      guestId: neema.id,
      hostId: UNKNOWN_ID,
      role: 'guide',
      partId: ids.waterworks,
    });
    expect([noHost.status, noHost.body.code]).toEqual([404, 'person_not_found']);
    const viewer = await post(
      '/hosts',
      { guestId: neema.id, hostId: family.id, role: 'guide', partId: ids.waterworks },
      arnsberg.viewerKey,
    );
    expect([viewer.status, viewer.body.code]).toEqual([403, 'forbidden']);
    const other = await post(
      '/hosts',
      { guestId: neema.id, hostId: family.id, role: 'guide', partId: ids.waterworks },
      stranger.organiserKey,
    );
    expect([other.status, other.body.code]).toEqual([404, 'event_not_found']);
    const roomStranger = await post('/rooms', {
      accommodationId: ids.hotel,
      night: '2027-10-29',
      room: '3',
      guestIds: [outsider.id],
    });
    expect([roomStranger.status, roomStranger.body.code]).toEqual([400, 'guest_not_invited']);
    const roomNight = await post('/rooms', {
      accommodationId: ids.hotel,
      night: '2027-11-01',
      room: '3',
      guestIds: [neema.id],
    });
    expect([roomNight.status, roomNight.body.problems[0].field]).toEqual([400, 'night']);
    const notAccommodation = await post('/rooms', {
      accommodationId: ids.waterworks,
      night: '2027-10-29',
      room: '3',
      guestIds: [neema.id],
    });
    expect([notAccommodation.status, notAccommodation.body.problems[0].field]).toEqual([
      400,
      'accommodationId',
    ]);
    const notVisit = await api
      .http()
      .get(`/api/v1/events/${ids.cityDay}/hosting`)
      .set(bearer(arnsberg.organiserKey));
    expect([notVisit.status, notVisit.body.code]).toEqual([409, 'not_a_visit']);
    for (const response of [taken, stranger_, both, outside, badDate, badRole, foreignPart, noHost, viewer]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    await expect(api.dataSource.query(`SELECT count(*)::int AS n FROM host_assignments`)).resolves.toEqual(
      before,
    );
  });

  it('should flag an assignment whose programme item was cancelled, and take no new ones there', async () => {
    await api
      .http()
      .patch(`/api/v1/events/${ids.solar}`)
      .set(bearer(arnsberg.organiserKey))
      .send({ status: 'cancelled' })
      .expect(200);
    const plan = await api.http().get(hosting()).set(bearer(arnsberg.organiserKey)).expect(200);
    const flagged = plan.body.hosts.filter((host: { partCancelled: boolean }) => host.partCancelled);
    expect(flagged.map((host: { id: string }) => host.id)).toEqual([ids.solarGuide]);
    const refused = await post('/hosts', {
      guestId: rehema.id,
      hostId: driver.id,
      role: 'guide',
      partId: ids.solar,
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'part_cancelled']);
  });

  it("should print a guest's itinerary one page per day, each flight time local at its end", async () => {
    const token = (await answerPath(api, ids.visit, neema.id)).split('/').pop()!;
    const programme = await api.http().get(`/answer/${token}/programme`).expect(200);
    expect(programme.text).toMatch(new RegExp(`/answer/${token}/itinerary">Your itinerary, day by day`));
    const page = await api.http().get(`/answer/${token}/itinerary`).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Your itinerary: Delegationsbesuch aus Morogoro');
    const pdf = await api.http().get(`/answer/${token}/itinerary/pdf`).responseType('blob').expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = pdfPages(pdf.body as Buffer);
    expect(pages).toHaveLength(7);
    expect(pages[0]).toContain('Day 1: Wednesday, 27 October 2027');
    // Departure in Dar es Salaam time (EAT, +03:00), arrival in Berlin time (CEST, +02:00).
    expect(pages[0]).toMatch(/16:40 Dar es Salaam \(EAT\) – Thu 28 Oct, 06:15 Berlin \(CEST\)/);
    expect(pages[1]).toMatch(/07:30 – 11:45 Berlin \(CEST\)/);
    expect(pages[1]).toContain(
      'Driver: Jonas Weber, Phone +49 2932 555 0170: Pick-up at Berlin airport, Terminal 1',
    );
    expect(pages[1]).toContain('Hotel Neheim, Hauptstraße 1, 59755 Arnsberg, room 12');
    expect(pages[3]).toContain('With Ute Wiese, Am Sonnenhang 4, 59821 Arnsberg, Phone +49 2932 555 0142');
    expect(pages[3]).toContain('Cancelled');
  });

  it('should write the itinerary of a Swahili guest in Swahili', async () => {
    const token = (await answerPath(api, ids.visit, rehema.id)).split('/').pop()!;
    const pdf = await api.http().get(`/answer/${token}/itinerary/pdf`).responseType('blob').expect(200);
    const pages = pdfPages(pdf.body as Buffer);
    expect(pages[0]).toContain('Ratiba yako ya safari: Delegationsbesuch aus Morogoro');
    expect(pages[0]).toMatch(/Siku ya 1: Jumatano, 27 Oktoba 2027/);
    // Local at each end, with the arrival's weekday and month in Swahili.
    expect(pages[0]).toMatch(/16:40 Dar es Salaam \(EAT\) – Alhamisi, 28 Okt, 06:15 Berlin \(CEST\)/);
    expect(pages[1]).toMatch(/07:30 – 11:45 Berlin \(CEST\)/);
    expect(pages[1]).toContain('Dereva: Jonas Weber, Simu +49 2932 555 0170');
    expect(pages[1]).toContain('Utalala wapi');
    expect(pages[1]).toContain('chumba 14');
    expect(pages[3]).toContain('Kwa Ute Wiese');
    expect(pages.join('\n')).not.toMatch(/\b(Day \d|Driver|Phone|Where you sleep|room \d|Cancelled)\b/);
    const json = await api
      .http()
      .get(hosting(`/itineraries/${rehema.id}`))
      .set(bearer(arnsberg.viewerKey))
      .expect(200);
    expect(json.body.language).toBe('sw');
  });

  it('should answer an unknown answer link with the friendly 404 page', async () => {
    const response = await api.http().get(`/answer/${'A'.repeat(43)}/itinerary`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('should mail each host their schedule once, and again only after it changed', async () => {
    const first = await post('/schedules', {}).expect(200);
    expect(first.body).toEqual({ hosts: 2, queued: 2 });
    const [toFamily] = await schedulesTo(family, 1);
    const [toDriver] = await schedulesTo(driver, 1);
    expect(toDriver.parsed!.text).toContain('Fahrer:in: Gast: Rehema Kibwana, Telefon +49 2932 555 0170');
    expect(toDriver.parsed!.text).not.toMatch(/\b(Driver|Guest|Phone)\b/);
    expect(toFamily.parsed!.subject).toBe('Ihr Plan als Gastgeber:in: Delegationsbesuch aus Morogoro');
    expect(toFamily.parsed!.text).toContain('Gast: Neema Mwakyusa');
    expect(toFamily.parsed!.text).toContain('Gast: Rehema Kibwana');
    expect(toFamily.parsed!.text).toContain('Nacht vom Samstag, 30. Oktober 2027');
    const again = await post('/schedules', {}).expect(200);
    expect(again.body).toEqual({ hosts: 2, queued: 0 });
    await api
      .http()
      .delete(hosting(`/hosts/${ids.familyAssignment}`))
      .set(bearer(arnsberg.organiserKey))
      .expect(204);
    const changed = await post('/schedules', {}).expect(200);
    expect(changed.body).toEqual({ hosts: 2, queued: 1 });
    const third = (await schedulesTo(family, 2))[1];
    expect(third.parsed!.text).not.toContain('Neema Mwakyusa');
    expect(third.parsed!.text).toContain('Rehema Kibwana');
  });

  it("should write an English host's schedule with the visit's and the items' English titles", async () => {
    const interpreter = await addPerson(api, arnsberg.organiserKey, { name: 'Grace Mollel', locale: 'en' });
    const translate = (id: string, title: string) =>
      api
        .http()
        .put(`/api/v1/events/${id}/translations/en`)
        .set(bearer(arnsberg.organiserKey))
        .send({ title })
        .expect(200);
    await translate(ids.visit, 'Delegation visit from Morogoro');
    await translate(ids.waterworks, 'Waterworks on the Ruhr');
    await post('/hosts', {
      guestId: rehema.id,
      hostId: interpreter.id,
      role: 'interpreter',
      partId: ids.waterworks,
    }).expect(201);
    await post('/schedules', {}).expect(200);

    const [schedule] = await eventually(
      () => {
        const mails = stack.sink.received.filter((mail) => mail.recipients.includes(interpreter.email));
        return mails.length > 0 ? mails : undefined;
      },
      60_000,
      `the schedule to ${interpreter.name}`,
    );
    expect(schedule.parsed!.subject).toBe('Your schedule as host: Delegation visit from Morogoro');
    expect(schedule.parsed!.text).toContain('Waterworks on the Ruhr');
    expect(schedule.parsed!.text).toContain('Guest: Rehema Kibwana');
    expect(schedule.parsed!.text).not.toMatch(/Delegationsbesuch|Wasserwerk/);
  });

  it("should show the hosting in the guest's and the host's personal feeds, and re-render on a change", async () => {
    const feedOf = async (person: Person) => {
      const issued = await api
        .http()
        .post(`/api/v1/people/${person.id}/feed-token`)
        .set(bearer(arnsberg.organiserKey))
        .expect(201);
      const url = new URL(issued.body.url as string);
      return async () => {
        const response = await api.http().get(url.pathname).buffer(true).parse(textParser).expect(200);
        return readCalendar(response.body as string).events;
      };
    };
    const guestFeed = await feedOf(neema);
    const transfer = (await guestFeed()).find((event) => event.summary === 'Transfer BER – Arnsberg')!;
    expect(transfer.description).toContain(
      'Driver: Jonas Weber, Phone +49 2932 555 0170: Pick-up at Berlin airport, Terminal 1',
    );
    // The driver reads German: their own feed is in their language.
    const driverFeed = await feedOf(driver);
    const driven = (await driverFeed()).find((event) => event.summary === 'Transfer BER – Arnsberg')!;
    expect(driven.description).toContain('Fahrer:in: Gast: Neema Mwakyusa');
    expect(driven.description).toContain('Fahrer:in: Gast: Rehema Kibwana');

    const plan = await api.http().get(hosting()).set(bearer(arnsberg.organiserKey)).expect(200);
    const neemasDriver = plan.body.hosts.find(
      (host: { guestId: string; role: string }) => host.guestId === neema.id && host.role === 'driver',
    );
    await api
      .http()
      .delete(hosting(`/hosts/${neemasDriver.id}`))
      .set(bearer(arnsberg.organiserKey))
      .expect(204);
    const after = (await guestFeed()).find((event) => event.summary === 'Transfer BER – Arnsberg')!;
    expect(after.description ?? '').not.toContain('Jonas Weber');
    const drivenAfter = (await driverFeed()).find((event) => event.summary === 'Transfer BER – Arnsberg')!;
    expect(drivenAfter.description).not.toContain('Neema Mwakyusa');
  });

  it('should show the hosting grid, the programme items and the rooming list in the console, at 390 and 1280 px', async () => {
    baseUrl = await listenForBrowser(api);
    ({ browser, close: closeBrowser } = await launchChromium());
    await signInMember(api, browser, baseUrl, {
      email: 'olga.organiser@arnsberg.example',
      name: 'Olga Organiser',
      language: 'en',
      timeZone: 'Europe/Berlin',
      organisationId: arnsberg.id,
      role: 'organiser',
    });
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${baseUrl}/console/hosting`);
    await expectWellShown(page, 'console-hosting-visits', ['Hosting', 'Delegationsbesuch aus Morogoro']);
    await page.getByRole('link', { name: 'Delegationsbesuch aus Morogoro' }).click();
    await page.getByLabel('Guest', { exact: true }).selectOption({ label: 'Neema Mwakyusa' });
    await page.getByLabel('Host (a person in People)').selectOption({ label: 'Ute Wiese' });
    await page.getByLabel('Role').selectOption({ label: 'Guide' });
    await page
      .getByLabel('Or programme item (for guides, interpreters, drivers)')
      .selectOption({ label: 'Wasserwerk an der Ruhr' });
    await page.getByLabel('Phone (optional)').fill('+49 2932 555 0199');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await expectWellShown(page, 'console-hosting', [
      'Host families by night',
      'Rehema Kibwana',
      'Guide → Neema Mwakyusa',
      'Cancelled: check this assignment',
      'Rooming list',
      'Send schedules to hosts',
    ]);
    await page.goto(`${baseUrl}/console/hosting/${ids.visit}/rooming-list`);
    await expectWellShown(page, 'console-hosting-rooming-list', [
      'Rooming list: Delegationsbesuch aus Morogoro',
      'Neema Mwakyusa',
      '14',
    ]);
    const pdf = await page.request.get(`${baseUrl}/console/hosting/${ids.visit}/rooming-list/pdf`);
    const csrf = await page.request.get(`${baseUrl}/console/hosting/${ids.visit}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(await csrf.text())![1];
    const tampered = await page.request.post(`${baseUrl}/console/hosting/${ids.visit}/hosts`, {
      form: { _csrf: token, guestId: neema.id, hostId: 'not-an-id', role: 'guide', partId: ids.waterworks },
      headers: { Origin: baseUrl },
    });
    expect(tampered.status()).toBe(400);
    expect(await tampered.text()).toContain('hostId: must be a UUID.');
    await page.goto(`${baseUrl}${await answerPath(api, ids.visit, rehema.id)}/itinerary`);
    await expectWellShown(page, 'itinerary-sw', ['Ratiba yako ya safari', 'Siku ya 1', 'Chapisha kama PDF']);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfPages(await pdf.body())[0]).toMatch(/12\s+Neema Mwakyusa/);
  });
});
