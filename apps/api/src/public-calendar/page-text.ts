import { EventKind } from '@app/planning';

export const PAGE_LANGUAGES = ['de', 'en'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface PageText {
  calendarTitle: string;
  skipToContent: string;
  filterLabel: string;
  search: string;
  kind: string;
  allKinds: string;
  organisation: string;
  allOrganisations: string;
  filter: string;
  resetFilter: string;
  upcoming: string;
  noEvents: string;
  more: string;
  subscribeHeading: string;
  subscribeHint: string;
  subscribe: string;
  googleCalendar: string;
  download: string;
  when: string;
  where: string;
  online: string;
  host: string;
  topics: string;
  programme: string;
  cancelled: string;
  backToCalendar: string;
  notFoundTitle: string;
  notFoundText: string;
  otherLanguage: string;
  kinds: Record<EventKind, string>;
}

export const PAGE_TEXT: Record<PageLanguage, PageText> = {
  de: {
    calendarTitle: 'Veranstaltungskalender',
    skipToContent: 'Zum Inhalt springen',
    filterLabel: 'Termine filtern',
    search: 'Suche',
    kind: 'Art',
    allKinds: 'Alle Arten',
    organisation: 'Veranstalter',
    allOrganisations: 'Alle Veranstalter',
    filter: 'Anzeigen',
    resetFilter: 'Filter zurücksetzen',
    upcoming: 'Kommende Termine',
    noEvents: 'Keine kommenden Termine gefunden.',
    more: 'Weitere Termine',
    subscribeHeading: 'Kalender abonnieren',
    subscribeHint:
      'Ein Abonnement hält Ihren Kalender aktuell: verschobene und abgesagte Termine werden dort ebenfalls geändert.',
    subscribe: 'Abonnieren (Outlook, Apple, Thunderbird)',
    googleCalendar: 'In Google Kalender hinzufügen',
    download: '.ics herunterladen',
    when: 'Wann',
    where: 'Wo',
    online: 'Online',
    host: 'Veranstalter',
    topics: 'Themen',
    programme: 'Programm',
    cancelled: 'Abgesagt',
    backToCalendar: 'Zurück zum Kalender',
    notFoundTitle: 'Termin nicht gefunden',
    notFoundText: 'Diesen Termin gibt es nicht oder er ist nicht öffentlich.',
    otherLanguage: 'English',
    kinds: {
      city_day: 'Städtetag',
      workshop: 'Workshop',
      conference: 'Konferenz',
      session: 'Sitzung',
      virtual_meeting: 'Online-Treffen',
      delegation_visit: 'Delegationsbesuch',
      exchange_trip: 'Austauschreise',
      travel_leg: 'Reiseabschnitt',
      site_visit: 'Besichtigung',
      accommodation: 'Unterkunft',
      other: 'Sonstiges',
    },
  },
  en: {
    calendarTitle: 'Event calendar',
    skipToContent: 'Skip to content',
    filterLabel: 'Filter events',
    search: 'Search',
    kind: 'Kind',
    allKinds: 'All kinds',
    organisation: 'Organiser',
    allOrganisations: 'All organisers',
    filter: 'Show',
    resetFilter: 'Reset filter',
    upcoming: 'Upcoming events',
    noEvents: 'No upcoming events found.',
    more: 'More events',
    subscribeHeading: 'Subscribe to this calendar',
    subscribeHint: 'A subscription keeps your calendar current: moved and cancelled events change there too.',
    subscribe: 'Subscribe (Outlook, Apple, Thunderbird)',
    googleCalendar: 'Add to Google Calendar',
    download: 'Download .ics',
    when: 'When',
    where: 'Where',
    online: 'Online',
    host: 'Organiser',
    topics: 'Topics',
    programme: 'Programme',
    cancelled: 'Cancelled',
    backToCalendar: 'Back to the calendar',
    notFoundTitle: 'Event not found',
    notFoundText: 'This event does not exist or is not public.',
    otherLanguage: 'Deutsch',
    kinds: {
      city_day: 'City day',
      workshop: 'Workshop',
      conference: 'Conference',
      session: 'Session',
      virtual_meeting: 'Online meeting',
      delegation_visit: 'Delegation visit',
      exchange_trip: 'Exchange trip',
      travel_leg: 'Travel leg',
      site_visit: 'Site visit',
      accommodation: 'Accommodation',
      other: 'Other',
    },
  },
};
