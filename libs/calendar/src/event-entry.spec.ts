import { readCalendar, readWithNodeIcal, readWithPythonIcalendar } from '@app/testing';
import { CalendarEvent } from './calendar-event';
import { addEventToCalendar } from './event-entry';
import { createFeedCalendar, FeedHeader, feedFrame, feedParts, renderFeed } from './feed-calendar';
import { renderFeedEntry } from './feed-entry';
import { renderInvitationCalendar } from './invitation-calendar';

const header: FeedHeader = {
  name: 'Stadt Arnsberg',
  timeZone: 'Europe/Berlin',
  refreshIntervalSeconds: 3600,
};

function event(overrides: Partial<CalendarEvent>): CalendarEvent {
  return {
    id: '6f1c1f4e-4a53-4b8c-9c1e-0c6c7e0d8a01',
    kind: 'workshop',
    title: 'Workshop Digitalisierung',
    description: '',
    startsAt: new Date('2023-09-20T07:30:00Z'),
    startZone: 'Europe/Berlin',
    endsAt: new Date('2023-09-20T10:00:00Z'),
    endZone: 'Europe/Berlin',
    allDay: false,
    venueName: null,
    venueAddress: null,
    venueLatitude: null,
    venueLongitude: null,
    onlineUrl: null,
    status: 'published',
    tags: [],
    sequence: 0,
    createdAt: new Date('2023-06-01T08:00:00Z'),
    updatedAt: new Date('2023-06-02T09:15:00Z'),
    ...overrides,
  };
}

function only(text: string) {
  const calendar = readCalendar(text);
  expect(calendar.events).toHaveLength(1);
  return { calendar, entry: calendar.events[0] };
}

describe(addEventToCalendar.name, () => {
  it('should keep an event that crosses the end of daylight saving at its real length', () => {
    const text = renderFeed(header, [
      {
        event: event({
          title: 'Nachtwanderung',
          startsAt: new Date('2023-10-28T22:00:00Z'),
          endsAt: new Date('2023-10-29T03:00:00Z'),
        }),
      },
    ]);
    const { calendar, entry } = only(text);
    expect(calendar.timezones).toEqual(['Europe/Berlin']);
    expect(entry.start).toMatchObject({
      zone: 'Europe/Berlin',
      local: '2023-10-29T00:00:00',
      instant: '2023-10-28T22:00:00.000Z',
    });
    expect(entry.end).toMatchObject({
      zone: 'Europe/Berlin',
      local: '2023-10-29T04:00:00',
      instant: '2023-10-29T03:00:00.000Z',
    });
  });

  it('should write a flight from Berlin to Dar es Salaam with each end in its own zone', () => {
    const text = renderFeed(header, [
      {
        event: event({
          kind: 'travel_leg',
          title: 'Flug FRA → DAR',
          startsAt: new Date('2023-09-20T20:00:00Z'),
          endsAt: new Date('2023-09-21T05:30:00Z'),
          endZone: 'Africa/Dar_es_Salaam',
        }),
      },
    ]);
    const { calendar, entry } = only(text);
    expect([...calendar.timezones].sort()).toEqual(['Africa/Dar_es_Salaam', 'Europe/Berlin']);
    expect(entry.start).toMatchObject({
      zone: 'Europe/Berlin',
      local: '2023-09-20T22:00:00',
      instant: '2023-09-20T20:00:00.000Z',
    });
    expect(entry.end).toMatchObject({
      zone: 'Africa/Dar_es_Salaam',
      local: '2023-09-21T08:30:00',
      instant: '2023-09-21T05:30:00.000Z',
    });
  });

  it('should place a meeting in America/Chicago at its local time with a VTIMEZONE for it', () => {
    const text = renderFeed(header, [
      {
        event: event({
          kind: 'virtual_meeting',
          title: 'Climate Smart Municipalities call',
          startsAt: new Date('2024-03-12T14:00:00Z'),
          endsAt: new Date('2024-03-12T15:00:00Z'),
          startZone: 'America/Chicago',
          endZone: 'America/Chicago',
          onlineUrl: 'https://meet.example.org/warren-arnsberg',
        }),
      },
    ]);
    const { calendar, entry } = only(text);
    expect(calendar.timezones).toEqual(['America/Chicago']);
    expect(entry.start).toMatchObject({
      zone: 'America/Chicago',
      local: '2024-03-12T09:00:00',
      instant: '2024-03-12T14:00:00.000Z',
    });
    expect(entry.description).toContain('https://meet.example.org/warren-arnsberg');
    expect(entry.location).toBe('https://meet.example.org/warren-arnsberg');
  });

  it('should write all-day accommodation as dates that do not block free/busy', () => {
    const text = renderFeed(header, [
      {
        event: event({
          kind: 'accommodation',
          title: 'Hotel Morogoro',
          allDay: true,
          startsAt: new Date('2023-09-20T21:00:00Z'),
          endsAt: new Date('2023-09-24T21:00:00Z'),
          startZone: 'Africa/Dar_es_Salaam',
          endZone: 'Africa/Dar_es_Salaam',
        }),
      },
    ]);
    const { calendar, entry } = only(text);
    expect(calendar.timezones).toEqual([]);
    expect(entry.start).toMatchObject({ isDate: true, local: '2023-09-21', zone: null });
    expect(entry.end).toMatchObject({ isDate: true, local: '2023-09-25' });
    expect(entry.transparency).toBe('TRANSPARENT');
  });

  it('should keep commas, semicolons, line breaks, emoji and umlauts intact', () => {
    const title = 'Städtetag; Arnsberg, Sundern – „Herausforderungen“ 🎉';
    const description = 'Zeile 1; mit Komma, und Backslash \\\nZeile 2: Grüße aus Morogoro 🌍';
    const text = renderFeed(header, [
      {
        event: event({
          title,
          description,
          venueName: 'Rathaus, Saal 1',
          venueAddress: 'Rathausplatz 2; 59759 Arnsberg',
          venueLatitude: 51.396,
          venueLongitude: 8.064,
          tags: ['klima', 'digitalisierung'],
        }),
        details: {
          organizer: { name: 'Stadt "Arnsberg"\r\nX-EVIL:1', email: 'treffpunkt@arnsberg.example' },
        },
      },
    ]);
    const { entry } = only(text);
    expect(entry.summary).toBe(title);
    expect(entry.description).toBe(description);
    expect(entry.location).toBe('Rathaus, Saal 1\nRathausplatz 2; 59759 Arnsberg');
    expect(entry.geo).toEqual([51.396, 8.064]);
    expect(entry.categories).toEqual(['klima', 'digitalisierung']);
    expect(entry.organizer).toEqual({
      name: "Stadt 'Arnsberg' X-EVIL:1",
      address: 'mailto:treffpunkt@arnsberg.example',
    });
    expect(text).not.toMatch(/^X-EVIL/m);
  });

  it('should take UID, DTSTAMP, LAST-MODIFIED and SEQUENCE from the stored event, not the clock', () => {
    const moved = event({ sequence: 3, updatedAt: new Date('2023-07-01T12:00:00Z') });
    const first = renderFeed(header, [{ event: moved }]);
    const second = renderFeed(header, [{ event: moved }]);
    expect(second).toBe(first);
    const { calendar, entry } = only(first);
    expect(entry).toMatchObject({
      uid: 'event-6f1c1f4e-4a53-4b8c-9c1e-0c6c7e0d8a01@treffpunkt',
      sequence: 3,
      stamp: '2023-07-01T12:00:00.000Z',
      lastModified: '2023-07-01T12:00:00.000Z',
      status: 'CONFIRMED',
    });
    expect(calendar.method).toBeNull();
    expect(first).toMatch(/^DTSTAMP:20230701T120000Z\r$/m);
  });

  it('should mark cancelled events and unconfirmed ones, and add reminders as alarms', () => {
    const calendar = createFeedCalendar(header);
    addEventToCalendar(calendar, event({ id: '00000000-0000-4000-8000-000000000001', status: 'cancelled' }));
    addEventToCalendar(calendar, event({ id: '00000000-0000-4000-8000-000000000002' }), {
      tentative: true,
      reminderOffsetsMinutes: [10080, 1440],
    });
    const [cancelled, tentative] = readCalendar(calendar.toString()).events;
    expect(cancelled.status).toBe('CANCELLED');
    expect(tentative.status).toBe('TENTATIVE');
    expect(tentative.alarmsMinutesBefore).toEqual([10080, 1440]);
  });

  it('should keep the zone names of zones whose rules changed recently, at the right instants', () => {
    const cases = [
      { zone: 'America/Mexico_City', at: '2024-05-10T16:00:00.000Z', local: '2024-05-10T10:00:00' },
      { zone: 'America/Sao_Paulo', at: '2024-01-10T13:00:00.000Z', local: '2024-01-10T10:00:00' },
      { zone: 'Africa/Casablanca', at: '2025-03-10T10:00:00.000Z', local: '2025-03-10T10:00:00' },
      { zone: 'Africa/Casablanca', at: '2025-06-10T09:00:00.000Z', local: '2025-06-10T10:00:00' },
      { zone: 'Pacific/Apia', at: '2024-01-09T21:00:00.000Z', local: '2024-01-10T10:00:00' },
      { zone: 'Europe/Kyiv', at: '2024-07-10T07:00:00.000Z', local: '2024-07-10T10:00:00' },
    ];
    const text = renderFeed(
      header,
      cases.map(({ zone, at }, index) => ({
        event: event({
          id: `00000000-0000-4000-8000-00000000000${index}`,
          startsAt: new Date(at),
          endsAt: new Date(Date.parse(at) + 3_600_000),
          startZone: zone,
          endZone: zone,
        }),
      })),
    );
    const calendar = readCalendar(text);
    expect([...calendar.timezones].sort()).toEqual([...new Set(cases.map(({ zone }) => zone))].sort());
    expect(calendar.events.map((entry) => entry.start)).toEqual(
      cases.map(({ zone, at, local }) => ({ zone, instant: at, local, isDate: false })),
    );
    expect(readWithNodeIcal(text).map(({ start, startZone }) => ({ start, startZone }))).toEqual(
      cases.map(({ zone, at }) => ({ start: at, startZone: zone })),
    );
    expect(readWithPythonIcalendar(text).map(({ start, startZone }) => ({ start, startZone }))).toEqual(
      cases.map(({ zone, at }) => ({ start: at, startZone: zone })),
    );
  });

  it('should write both occurrences of a repeated hour in UTC, so every reader takes the stored instant', () => {
    const cases = [
      { zone: 'Europe/Berlin', at: '2027-10-31T00:30:00.000Z', repeated: true }, // first 02:30
      { zone: 'Europe/Berlin', at: '2027-10-31T01:30:00.000Z', repeated: true }, // second 02:30
      { zone: 'Europe/Berlin', at: '2027-10-30T23:59:00.000Z', repeated: false }, // 01:59, once
      { zone: 'Europe/Berlin', at: '2027-10-31T02:00:00.000Z', repeated: false }, // 03:00, once
      { zone: 'Australia/Lord_Howe', at: '2027-04-03T14:45:00.000Z', repeated: true }, // first 01:45
      { zone: 'Australia/Lord_Howe', at: '2027-04-03T15:15:00.000Z', repeated: true }, // second 01:45
      { zone: 'America/Chicago', at: '2027-11-07T07:30:00.000Z', repeated: true }, // second 01:30
    ];
    const entries = cases.map(({ zone, at }, index) => ({
      event: event({
        id: `00000000-0000-4000-8000-00000000000${index}`,
        startsAt: new Date(at),
        endsAt: new Date('2027-12-01T12:00:00Z'),
        startZone: zone,
        endZone: zone,
      }),
    }));
    const text = renderFeed(header, entries);
    const read = readCalendar(text).events;
    expect(read.map((entry) => entry.start.instant)).toEqual(cases.map(({ at }) => at));
    expect(read.map((entry) => entry.start.zone)).toEqual(
      cases.map(({ zone, repeated }) => (repeated ? null : zone)),
    );
    expect(read.map((entry) => entry.end?.zone)).toEqual(cases.map(({ zone }) => zone));
    expect(readWithNodeIcal(text).map((entry) => entry.start)).toEqual(cases.map(({ at }) => at));
    expect(readWithPythonIcalendar(text).map((entry) => entry.start)).toEqual(cases.map(({ at }) => at));
  });

  it('should write an end in the repeated hour in UTC and keep the start in its zone', () => {
    const text = renderFeed(header, [
      {
        event: event({
          kind: 'travel_leg',
          title: 'Nachtzug',
          startsAt: new Date('2027-10-30T21:00:00Z'),
          endsAt: new Date('2027-10-31T01:15:00Z'),
        }),
      },
      {
        event: event({
          id: '00000000-0000-4000-8000-000000000002',
          kind: 'travel_leg',
          title: 'Flug BER → DAR',
          startsAt: new Date('2027-10-31T01:15:00Z'),
          endsAt: new Date('2027-10-31T09:00:00Z'),
          endZone: 'Africa/Dar_es_Salaam',
        }),
      },
    ]);
    const calendar = readCalendar(text);
    const [train, flight] = calendar.events;
    expect(train.start).toMatchObject({ zone: 'Europe/Berlin', instant: '2027-10-30T21:00:00.000Z' });
    expect(train.end).toMatchObject({ zone: null, instant: '2027-10-31T01:15:00.000Z' });
    expect(flight.start).toMatchObject({ zone: null, instant: '2027-10-31T01:15:00.000Z' });
    expect(flight.end).toMatchObject({ zone: 'Africa/Dar_es_Salaam', instant: '2027-10-31T09:00:00.000Z' });
    expect([...calendar.timezones].sort()).toEqual(['Africa/Dar_es_Salaam', 'Europe/Berlin']);
    expect(readWithNodeIcal(text).map(({ start, end }) => [start, end])).toEqual([
      ['2027-10-30T21:00:00.000Z', '2027-10-31T01:15:00.000Z'],
      ['2027-10-31T01:15:00.000Z', '2027-10-31T09:00:00.000Z'],
    ]);
    expect(readWithPythonIcalendar(text).map(({ start, end }) => [start, end])).toEqual([
      ['2027-10-30T21:00:00.000Z', '2027-10-31T01:15:00.000Z'],
      ['2027-10-31T01:15:00.000Z', '2027-10-31T09:00:00.000Z'],
    ]);
  });

  it("should tell through the VTIMEZONE the offsets of Node's Intl, now and in 2099", () => {
    const zones = [
      'Europe/Berlin',
      'America/Mexico_City',
      'America/Sao_Paulo',
      'Africa/Casablanca',
      'Pacific/Apia',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Asia/Tehran',
    ];
    // Every 23 hours meets every hour of the day across a year.
    const step = 23 * 3_600_000;
    for (const zone of zones) {
      const instants: number[] = [];
      for (const year of [2026, 2099]) {
        for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += step) instants.push(at);
      }
      // Put together by the fast path, which a spec beside it holds to ical-generator's bytes.
      const entries = instants.map((at, index) => {
        const { text, ...zones } = renderFeedEntry(
          event({
            id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
            startsAt: new Date(at),
            endsAt: new Date(at + 60_000),
            startZone: zone,
            endZone: zone,
          }),
        );
        return { ...zones, bytes: Buffer.from(text) };
      });
      const text = Buffer.concat(feedParts(feedFrame(header), entries)).toString();
      const read = readCalendar(text).events.map((entry) => entry.start);
      expect({ zone, instants: read.map((start) => start.instant) }).toEqual({
        zone,
        instants: instants.map((at) => new Date(at).toISOString()),
      });
      const zoned = read.filter((start) => start.zone !== null);
      expect(zoned.length).toBeGreaterThan(instants.length * 0.99);
      expect({ zone, local: zoned.map((start) => start.local) }).toEqual({
        zone,
        local: zoned.map((start) => intlWallTime(zone, Date.parse(start.instant))),
      });
    }
  });

  it('should write names as quoted parameters without escapes that readers take apart', () => {
    const text = renderInvitationCalendar({
      method: 'REQUEST',
      event: event({}),
      organizer: { name: 'Stadt\\Arnsberg ^n', email: 'plan@arnsberg.example' },
      attendee: { name: 'Back\\slash "Quote" ^^ ^\'', email: 'a@example.org', participation: 'ACCEPTED' },
    });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/^ORGANIZER;CN="Stadt\\Arnsberg \u02c6n":mailto:/m);
    expect(unfolded).toMatch(/;CN="Back\\slash 'Quote' \u02c6\u02c6 \u02c6'":MAILTO:/m);
    const { entry } = only(text);
    expect(entry.organizer?.name).toBe('Stadt\\Arnsberg \u02c6n');
    const [read] = readWithNodeIcal(text);
    expect(read.organizerName).toBe('Stadt\\Arnsberg \u02c6n');
    expect(read.attendeeNames).toEqual(["Back\\slash 'Quote' \u02c6\u02c6 \u02c6'"]);
    expect(readWithPythonIcalendar(text)[0].attendeeNames).toEqual([
      "Back\\slash 'Quote' \u02c6\u02c6 \u02c6'",
    ]);
  });
});

describe(renderInvitationCalendar.name, () => {
  it('should end every line, the last one included, with CRLF', () => {
    const text = renderInvitationCalendar({
      method: 'CANCEL',
      event: event({ title: 'x'.repeat(200) }),
      organizer: { name: 'Stadt Arnsberg', email: 'plan@arnsberg.example' },
      attendee: { name: 'Ana', email: 'a@example.org', participation: 'DECLINED' },
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(only(text).calendar.method).toBe('CANCEL');
  });
});

/** The wall-clock time Intl itself gives, without luxon, as ical.js writes local times. */
function intlWallTime(zone: string, at: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

describe(createFeedCalendar.name, () => {
  it('should name the calendar without letting the name add lines', () => {
    const text = renderFeed({ ...header, name: 'Arnsberg\r\nMETHOD:CANCEL\nX-INJECTED:yes, really; no' }, []);
    const calendar = readCalendar(text);
    expect(calendar.name).toBe('Arnsberg METHOD:CANCEL X-INJECTED:yes, really; no');
    expect(calendar.method).toBeNull();
    expect(text).not.toMatch(/^(METHOD|X-INJECTED)/m);
    expect(calendar).toMatchObject({
      timeZone: 'Europe/Berlin',
      productId: '-//Treffpunkt//Treffpunkt Calendar//EN',
      refreshInterval: 'PT1H',
      publishedTtl: 'PT1H',
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
