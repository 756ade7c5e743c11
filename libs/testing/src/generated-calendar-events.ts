/**
 * A small deterministic generator, for specs that compare a calendar writer with ical-generator
 * over many events: a failing spec names an event that can be rebuilt.
 */
export function seededRandom(seed: number) {
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

export type SeededRandom = ReturnType<typeof seededRandom>;

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

/** Texts that need escaping, folding at every kind of boundary, or cleaning. */
export const AWKWARD_TEXTS = [
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

export function someText(rng: SeededRandom): string {
  const text = rng.pick(AWKWARD_TEXTS);
  return rng.chance(0.2) ? `${text} ${rng.pick(AWKWARD_TEXTS)}`.repeat(1 + Math.floor(rng.next() * 4)) : text;
}

/** Any instant from 2024 to 2028, often close to a change of offset somewhere. */
function someInstant(rng: SeededRandom): Date {
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

/** An event with the texts, zones and instants that break calendar writers: escaping, folding, offsets changing. */
export function someCalendarEvent(rng: SeededRandom, index: number) {
  const startsAt = someInstant(rng);
  const allDay = rng.chance(0.2);
  const length = rng.pick([0, 30, 90, 600, 24 * 60, 3 * 24 * 60, -60]) * 60_000;
  const startZone = rng.pick(ZONES);
  const latitude = rng.pick([null, 51.396, 0, -6.82]);
  const event = {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    kind: rng.pick(['workshop', 'accommodation', 'travel_leg', 'session'] as const),
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
  const details = {
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
