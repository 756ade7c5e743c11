import { FeedLink } from '@app/feeds';
import { Language, LANGUAGES } from '@app/presentation';
import { PublicEvent } from '@app/public-programme';
import { describeOnScreen } from '@app/testing';
import { archivePage, calendarListPage, eventPage } from './public-calendar.page';

function row(overrides: Partial<PublicEvent>): PublicEvent {
  return {
    id: '3f9d8e2a-5b1c-4f6e-9a7d-2c4b6e8f0a13',
    kind: 'city_day',
    title: 'Städtetag Arnsberg–Sundern: Herausforderungen gemeinsam angehen',
    description:
      'Ein interdisziplinärer Austausch beider Verwaltungen.\n\nThemen: Digitalisierung, Klimaschutz, Wirtschaftsförderung.',
    startsAt: new Date('2027-09-20T07:00:00Z'),
    startZone: 'Europe/Berlin',
    endsAt: new Date('2027-09-20T15:00:00Z'),
    endZone: 'Europe/Berlin',
    allDay: false,
    venueName: 'Rathaus Arnsberg',
    venueAddress: 'Rathausplatz 2, 59759 Arnsberg',
    venueLatitude: null,
    venueLongitude: null,
    onlineUrl: null,
    status: 'published',
    tags: ['Digitalisierung', 'Klima'],
    sequence: 0,
    createdAt: new Date('2027-01-01T00:00:00Z'),
    updatedAt: new Date('2027-01-01T00:00:00Z'),
    hostName: 'Stadt Arnsberg',
    hostCode: 'ARN',
    parentId: null,
    previousStartsAt: null,
    previousStartZone: null,
    ...overrides,
  };
}

const feed: FeedLink = {
  url: 'https://treffpunkt.example.org/feeds/public.ics',
  webcal: 'webcal://treffpunkt.example.org/feeds/public.ics',
  googleCalendar:
    'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Ftreffpunkt.example.org%2Ffeeds%2Fpublic.ics',
};

const cityDay = row({});
const events = [
  cityDay,
  row({
    id: '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a45',
    kind: 'delegation_visit',
    title: 'Delegationsbesuch Morogoro',
    allDay: true,
    startsAt: new Date('2027-09-22T22:00:00Z'),
    endsAt: new Date('2027-09-27T22:00:00Z'),
  }),
  row({
    id: '8b2f3c4d-5e6f-4a70-9b8c-0d1e2f3a4b56',
    kind: 'travel_leg',
    title: 'Flug Frankfurt – Dar es Salaam',
    status: 'cancelled',
    startsAt: new Date('2027-10-09T18:00:00Z'),
    endsAt: new Date('2027-10-10T05:30:00Z'),
    endZone: 'Africa/Dar_es_Salaam',
    venueName: 'Flughafen Frankfurt',
  }),
];
const organisations = [
  { code: 'ARN', name: 'Stadt Arnsberg' },
  { code: 'MMC', name: 'Morogoro Municipal Council' },
];

/** The page at `path` in each language, keeping its other query parameters. */
function languageUrlsOf(path: string): Record<Language, string> {
  const separator = path.includes('?') ? '&' : '?';
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, `${path}${separator}lang=${language}`]),
  ) as Record<Language, string>;
}

const workshop = row({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e57',
  kind: 'workshop',
  title: 'Workshop Klima',
  startsAt: new Date('2027-09-20T12:00:00Z'),
  endsAt: new Date('2027-09-20T13:30:00Z'),
});

const pastCityDay = row({
  id: '2b4d6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b',
  title: 'Städtetag Arnsberg–Sundern 2022: Herausforderungen gemeinsam angehen',
  startsAt: new Date('2022-09-28T07:00:00Z'),
  endsAt: new Date('2022-09-28T14:30:00Z'),
});

const pages = [
  {
    name: 'calendar-list-de',
    html: calendarListPage({
      language: 'de',
      filter: {},
      heading: { kind: 'upcoming' },
      organisations,
      events,
      feed,
      previousPageUrl: null,
      nextPageUrl: '/calendar?lang=de&page=2',
      languageUrls: languageUrlsOf('/calendar'),
    }),
    shows: [
      'Veranstaltungskalender',
      'Kommende Termine',
      'Berlin (MESZ/CEST)',
      'Dar es Salaam (EAT)',
      'Abgesagt',
      'Weitere Termine',
      'Archiv',
    ],
  },
  {
    name: 'calendar-search-en',
    html: calendarListPage({
      language: 'en',
      filter: { text: 'Staedtetag', from: '2022-01-01', organisationCode: 'ARN' },
      heading: { kind: 'search' },
      organisations,
      events: [pastCityDay, cityDay],
      feed,
      previousPageUrl: '/calendar?lang=en&q=Staedtetag',
      nextPageUrl: '/calendar?lang=en&q=Staedtetag&page=3',
      languageUrls: languageUrlsOf('/calendar?q=Staedtetag'),
    }),
    shows: ['Search results', 'Previous page', 'More events', 'suggestions appear as you type'],
  },
  {
    name: 'calendar-archive-de',
    html: archivePage({
      language: 'de',
      months: [
        { year: 2023, month: 9, count: 3 },
        { year: 2023, month: 2, count: 1 },
        { year: 2022, month: 9, count: 1 },
      ],
      languageUrls: languageUrlsOf('/calendar/archive'),
    }),
    shows: ['Vergangene Veranstaltungen', 'September 2023', '3 Veranstaltungen', '1 Veranstaltung'],
  },
  {
    name: 'calendar-archive-month-de',
    html: calendarListPage({
      language: 'de',
      filter: { from: '2022-09-01', to: '2022-09-30' },
      heading: { kind: 'month', year: 2022, month: 9 },
      organisations,
      events: [pastCityDay],
      feed: null,
      previousPageUrl: null,
      nextPageUrl: null,
      languageUrls: languageUrlsOf('/calendar/archive/2022/09'),
    }),
    shows: ['September 2022', 'Städtetag Arnsberg–Sundern 2022'],
  },
  {
    name: 'calendar-past-event-en',
    html: eventPage({
      language: 'en',
      event: pastCityDay,
      parts: [
        row({
          id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e57',
          kind: 'workshop',
          title: 'Workshop Klimaschutz: Klimaschutzkonzepte und kommunale Wärmeplanung',
          startsAt: new Date('2022-09-28T09:00:00Z'),
          endsAt: new Date('2022-09-28T10:30:00Z'),
          parentId: pastCityDay.id,
        }),
      ],
      feed,
      past: true,
      languageUrls: languageUrlsOf(`/calendar/events/${pastCityDay.id}`),
    }),
    shows: [
      'Städtetag Arnsberg–Sundern 2022',
      'This event has taken place.',
      'Programme',
      'Workshop Klimaschutz',
    ],
  },
  {
    name: 'calendar-event-en',
    html: eventPage({
      language: 'en',
      event: cityDay,
      parts: [workshop],
      feed,
      past: false,
      languageUrls: languageUrlsOf(`/calendar/events/${cityDay.id}`),
    }),
    shows: [
      'Städtetag Arnsberg–Sundern',
      'Berlin (CEST)',
      'Programme',
      'Workshop Klima',
      'Subscribe to this calendar',
    ],
  },
  {
    name: 'calendar-list-sw',
    html: calendarListPage({
      language: 'sw',
      filter: {},
      heading: { kind: 'upcoming' },
      organisations,
      events,
      feed,
      previousPageUrl: null,
      nextPageUrl: '/calendar?lang=sw&page=2',
      languageUrls: languageUrlsOf('/calendar'),
    }),
    shows: [
      'Kalenda ya matukio',
      'Dar es Salaam (EAT)',
      'Ziara ya ujumbe',
      'Imeghairiwa',
      'Deutsch',
      'English',
    ],
  },
  {
    name: 'calendar-moved-event-de',
    html: eventPage({
      language: 'de',
      event: {
        ...cityDay,
        previousStartsAt: new Date('2027-09-13T07:00:00Z'),
        previousStartZone: 'Europe/Berlin',
      },
      parts: [workshop],
      feed,
      past: false,
      languageUrls: languageUrlsOf(`/calendar/events/${cityDay.id}`),
    }),
    shows: [
      'Städtetag Arnsberg–Sundern',
      'Verschoben vom Montag, 13. September 2027, 09:00 Berlin (MESZ/CEST).',
    ],
  },
  {
    name: 'calendar-event-sw',
    html: eventPage({
      language: 'sw',
      event: cityDay,
      parts: [workshop],
      feed,
      past: false,
      languageUrls: languageUrlsOf(`/calendar/events/${cityDay.id}`),
    }),
    shows: ['Siku ya miji', 'Ratiba', 'Warsha', 'Fuatilia kalenda hii', 'Rudi kwenye kalenda'],
  },
];

describeOnScreen('public calendar on screen', 'page', pages);
