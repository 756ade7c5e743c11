import { readCalendar } from '@app/testing';
import { CalendarEvent } from './calendar-event';
import { addEventToCalendar } from './event-entry';
import { createFeedCalendar, FeedHeader, renderFeed } from './feed-calendar';

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

  it('should write times of a zone whose rules changed after the generator data in UTC', () => {
    const text = renderFeed(header, [
      {
        event: event({
          startsAt: new Date('2024-05-10T16:00:00Z'),
          endsAt: new Date('2024-05-10T17:00:00Z'),
          startZone: 'America/Mexico_City',
          endZone: 'America/Mexico_City',
        }),
      },
    ]);
    const { calendar, entry } = only(text);
    expect(calendar.timezones).toEqual([]);
    expect(entry.start).toMatchObject({ zone: null, instant: '2024-05-10T16:00:00.000Z' });
  });
});

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
