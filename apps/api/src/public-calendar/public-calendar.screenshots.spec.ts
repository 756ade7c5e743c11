import { FeedLink, FeedRow } from '@app/feeds';
import { describeOnScreen } from '@app/testing';
import { calendarListPage, eventPage } from './public-calendar.page';

function row(overrides: Partial<FeedRow>): FeedRow {
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
    visibility: 'public',
    hostName: 'Stadt Arnsberg',
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

const listUrls = { de: '/calendar?lang=de', en: '/calendar?lang=en', sw: '/calendar?lang=sw' };
const eventUrls = {
  de: `/calendar/events/${cityDay.id}?lang=de`,
  en: `/calendar/events/${cityDay.id}?lang=en`,
  sw: `/calendar/events/${cityDay.id}?lang=sw`,
};
const workshop = row({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e57',
  kind: 'workshop',
  title: 'Workshop Klima',
  startsAt: new Date('2027-09-20T12:00:00Z'),
  endsAt: new Date('2027-09-20T13:30:00Z'),
});

const pages = [
  {
    name: 'calendar-list-de',
    html: calendarListPage({
      language: 'de',
      filter: {},
      organisations,
      events,
      feed,
      nextPageUrl: '/calendar?lang=de&after=x',
      languageUrls: listUrls,
    }),
    shows: [
      'Veranstaltungskalender',
      'Berlin (MESZ/CEST)',
      'Dar es Salaam (EAT)',
      'Abgesagt',
      'Weitere Termine',
    ],
  },
  {
    name: 'calendar-event-en',
    html: eventPage({
      language: 'en',
      event: cityDay,
      parts: [workshop],
      feed,
      languageUrls: eventUrls,
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
      organisations,
      events,
      feed,
      nextPageUrl: '/calendar?lang=sw&after=x',
      languageUrls: listUrls,
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
    name: 'calendar-event-sw',
    html: eventPage({ language: 'sw', event: cityDay, parts: [workshop], feed, languageUrls: eventUrls }),
    shows: ['Siku ya miji', 'Ratiba', 'Warsha', 'Fuatilia kalenda hii', 'Rudi kwenye kalenda'],
  },
];

describeOnScreen('public calendar on screen', 'page', pages);
