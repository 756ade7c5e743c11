import { foldLines, ICalCalendar } from 'ical-generator';
import { readCalendar } from '@app/testing';
import { CalendarEntryDetails, CalendarEvent } from './calendar-event';
import { createEventEntry } from './event-entry';
import {
  EncodedEntry,
  feedParts,
  feedFrame,
  FeedHeader,
  renderFeed,
  useIanaTimezones,
} from './feed-calendar';
import { RenderedEntry, renderFeedEntry } from './feed-entry';

const encoded = ({ text, ...zones }: RenderedEntry): EncodedEntry => ({ ...zones, bytes: Buffer.from(text) });

/** A small deterministic generator, so a failure names an event that can be rebuilt. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return { next, pick, chance: (probability: number) => next() < probability };
}

type Random = ReturnType<typeof random>;

const ZONES = [
  'Europe/Berlin',
  'Africa/Dar_es_Salaam',
  'America/Chicago',
  'America/Mexico_City', // no daylight saving since 2022
  'Europe/Kyiv', // a name newer than some zone data
  'Africa/Casablanca', // Ramadan changes, rules changed again recently
  'America/Sao_Paulo', // no daylight saving since 2019
  'Pacific/Apia', // skipped 2011-12-30
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Lord_Howe', // half-hour daylight saving
  'Pacific/Chatham',
  'UTC',
];

const TEXTS = [
  'Workshop Digitalisierung',
  'Städtetag; Arnsberg, Sundern – „Herausforderungen“ 🎉',
  'Zeile 1\nZeile 2\r\nZeile 3\rZeile 4',
  'Backslash \\ und Komma, Semikolon; Doppelpunkt: "Anführung" ^Caret^',
  '🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍',
  'ü'.repeat(80),
  'x'.repeat(73),
  'x'.repeat(74),
  'x'.repeat(75),
  `${'a'.repeat(63)}🎉${'b'.repeat(20)}`,
  `${'a'.repeat(64)}🎉${'b'.repeat(20)}`,
  'Lone surrogates \ud83c and \udf89 in text',
  'Tab\tand control \u0001 characters',
  '',
];

function someText(rng: Random): string {
  const text = rng.pick(TEXTS);
  return rng.chance(0.2) ? `${text} ${rng.pick(TEXTS)}`.repeat(1 + Math.floor(rng.next() * 4)) : text;
}

/** Any instant from 2024 to 2028, often close to a change of offset somewhere. */
function someInstant(rng: Random): Date {
  const switches = [
    '2011-12-30T10:00:00Z',
    '2025-04-05T15:00:00Z',
    '2026-09-20T02:00:00Z',
    '2099-10-25T01:00:00Z',
    '2025-03-30T01:00:00Z',
    '2025-10-26T01:00:00Z',
    '2025-03-09T08:00:00Z',
    '2025-11-02T07:00:00Z',
    '2025-04-06T15:00:00Z',
    '2026-04-05T14:00:00Z',
  ];
  if (rng.chance(0.4)) {
    const around = Date.parse(rng.pick(switches));
    return new Date(around + Math.round((rng.next() - 0.5) * 6) * 30 * 60_000);
  }
  const start = Date.parse('2024-01-01T00:00:00Z');
  return new Date(start + Math.floor(rng.next() * 5 * 365 * 24 * 60) * 60_000);
}

function someEvent(rng: Random, index: number): { event: CalendarEvent; details: CalendarEntryDetails } {
  const startsAt = someInstant(rng);
  const allDay = rng.chance(0.2);
  const length = rng.pick([0, 30, 90, 600, 24 * 60, 3 * 24 * 60, -60]) * 60_000;
  const startZone = rng.pick(ZONES);
  const latitude = rng.pick([null, 51.396, 0, -6.82]);
  const event: CalendarEvent = {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    kind: rng.pick(['workshop', 'accommodation', 'travel_leg', 'session']),
    title: someText(rng),
    description: rng.chance(0.5) ? someText(rng) : '',
    startsAt,
    startZone,
    endsAt: new Date(startsAt.getTime() + length),
    endZone: rng.chance(0.6) ? startZone : rng.pick(ZONES),
    allDay,
    venueName: rng.chance(0.5) ? someText(rng) || null : null,
    venueAddress: rng.chance(0.5) ? someText(rng) || null : null,
    venueLatitude: latitude,
    venueLongitude: latitude === null ? null : rng.pick([8.064, 0, 37.66]),
    onlineUrl: rng.chance(0.3)
      ? rng.pick(['https://meet.example.org/a;b,c', 'https://meet.example.org/x'])
      : null,
    status: rng.pick(['published', 'cancelled', 'draft'] as const),
    tags: rng.chance(0.5) ? [rng.pick(['klima', 'a,b', 'x;y', 'Ümlaut'])] : [],
    sequence: Math.floor(rng.next() * 5),
    createdAt: new Date('2023-06-01T08:00:00.250Z'),
    updatedAt: someInstant(rng),
  };
  const details: CalendarEntryDetails = {
    organizer: rng.chance(0.8)
      ? {
          name: rng.pick([
            'Stadt Arnsberg',
            'Stadt "Arnsberg"\r\nX-EVIL:1',
            'A^B; C',
            "Back\\slash ^n ^^ ^'",
          ]),
          email: 'plan@arnsberg.example',
        }
      : null,
    url: rng.chance(0.6) ? `https://treffpunkt.example.org/calendar/events/${event.id}?a=1,2;3` : null,
    tentative: rng.chance(0.3),
    reminderOffsetsMinutes: rng.chance(0.4) ? [rng.pick([0, 1, 90, 1440, 10080])] : [],
  };
  return { event, details };
}

const header: FeedHeader = {
  name: 'Stadt Arnsberg',
  timeZone: 'Europe/Berlin',
  refreshIntervalSeconds: 3600,
};

describe(renderFeedEntry.name, () => {
  it('should write every entry byte for byte as ical-generator does', () => {
    const rng = random(20270920);
    const calendar = useIanaTimezones(new ICalCalendar());
    for (let index = 0; index < 3000; index++) {
      const { event, details } = someEvent(rng, index);
      const reference = createEventEntry(calendar, event, details);
      const entry = renderFeedEntry(event, details);
      expect({ index, text: entry.text }).toEqual({ index, text: foldLines(reference.toString()) });
      expect(entry.startZone).toBe(reference.timezone());
    }
  });

  it('should write times in a repeated hour, alone or beside a zoned end, byte for byte as ical-generator does', () => {
    const calendar = useIanaTimezones(new ICalCalendar());
    const { event, details } = someEvent(random(1), 0);
    const spans: Array<[string, string, string, string]> = [
      ['2027-10-31T00:30:00Z', 'Europe/Berlin', '2027-10-31T03:00:00Z', 'Europe/Berlin'],
      ['2027-10-31T01:30:00Z', 'Europe/Berlin', '2027-10-31T09:00:00Z', 'Africa/Dar_es_Salaam'],
      ['2027-10-30T20:00:00Z', 'Africa/Dar_es_Salaam', '2027-10-31T01:15:00Z', 'Europe/Berlin'],
      ['2027-10-31T00:45:00Z', 'Europe/Berlin', '2027-10-31T01:45:00Z', 'Europe/Berlin'],
      ['2027-10-31T01:30:00Z', 'Europe/Berlin', '2027-10-31T03:30:00Z', 'UTC'],
    ];
    for (const [startsAt, startZone, endsAt, endZone] of spans) {
      const timed = {
        ...event,
        allDay: false,
        startsAt: new Date(startsAt),
        startZone,
        endsAt: new Date(endsAt),
        endZone,
      };
      const reference = createEventEntry(calendar, timed, details);
      const entry = renderFeedEntry(timed, details);
      expect(entry.text).toBe(foldLines(reference.toString()));
      expect(entry.text).toMatch(/^DTSTART[;:]/m);
      expect(entry.startZone).toBe(reference.timezone());
    }
  });
});

describe(feedParts.name, () => {
  it('should put a feed together byte for byte as ical-generator renders it whole', () => {
    const rng = random(4711);
    const entries = Array.from({ length: 400 }, (_, index) => someEvent(rng, index));
    const headers: FeedHeader[] = [
      header,
      {
        ...header,
        name: `Treffpunkt – public events (${'workshop, '.repeat(12)}„Klima“)`,
        timeZone: 'Africa/Dar_es_Salaam',
      },
      {
        ...header,
        name: 'Arnsberg\r\nMETHOD:CANCEL',
        description: 'Beschreibung; mit, Zeichen',
        refreshIntervalSeconds: 90,
      },
    ];
    for (const feedHeader of headers) {
      for (const slice of [entries, entries.slice(0, 1), entries.slice(7, 9), []]) {
        const whole = renderFeed(feedHeader, slice);
        const assembled = Buffer.concat(
          feedParts(
            feedFrame(feedHeader),
            slice.map(({ event, details }) => encoded(renderFeedEntry(event, details))),
          ),
        );
        // Compared byte for byte (latin1 maps each byte to one character, for a readable diff).
        expect(assembled.toString('latin1')).toBe(Buffer.from(whole).toString('latin1'));
      }
    }
  });

  it('should give a calendar client the same events and zones as the whole render', () => {
    const rng = random(1989);
    const entries = Array.from({ length: 200 }, (_, index) => someEvent(rng, index)).filter(
      ({ event }) => event.title !== '',
    );
    const assembled = readCalendar(
      Buffer.concat(
        feedParts(
          feedFrame(header),
          entries.map(({ event, details }) => encoded(renderFeedEntry(event, details))),
        ),
      ).toString('utf8'),
    );
    // A client receives UTF-8 bytes, in which a lone surrogate becomes U+FFFD.
    const whole = readCalendar(Buffer.from(renderFeed(header, entries)).toString('utf8'));
    expect(assembled.events).toHaveLength(entries.length);
    expect(assembled).toEqual(whole);
    expect(assembled.timezones).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/Chicago']));
  });
});
