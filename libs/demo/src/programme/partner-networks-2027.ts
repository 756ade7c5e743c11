import { FOLLOW_UP_NOTE } from './follow-up';
import { EventRecord } from './programme.types';
import { ALBA_IULIA_CITY_HALL, BERLIN, BUCHAREST, DORTMUND_AIRPORT } from './places';

/**
 * Summer time ends a week later in the USA than in Europe: in that week Warren is six hours
 * behind Arnsberg instead of seven, the classic cause of people joining an hour late.
 */
export const WARREN_CALL_2027: EventRecord = {
  key: 'csm-online-waermepumpen-2027',
  kind: 'virtual_meeting',
  title: 'Climate Smart Municipalities: Online exchange on heat pumps in cold climates',
  description:
    'Follow-up call of the Climate Smart Municipalities exchange: Warren reports on heat pumps through a Minnesota ' +
    'winter, Arnsberg on its municipal heat plan. Sprache: Englisch.\n\n' +
    'Achtung Zeitumstellung: In Europa gilt seit dem 31. Oktober Winterzeit, in den USA erst ab dem 7. November – ' +
    'in dieser Woche nur sechs Stunden Unterschied: 09:00 Uhr in Warren (CDT) = 15:00 Uhr in Arnsberg (MEZ).' +
    FOLLOW_UP_NOTE,
  startsAt: '2027-11-04T09:00',
  endsAt: '2027-11-04T10:30',
  startZone: 'America/Chicago',
  onlineUrl: 'https://meet.example/climate-smart/heat-pumps',
  host: 'WAR',
  coHosts: ['ARN'],
  partnership: 'climate-smart-arnsberg-warren',
  capacity: 30,
  tags: ['climate smart municipalities', 'energie', 'virtuell', 'folgetermin'],
};

/** The trip the 2024 draft planned, now published: flights leave in one zone and land in the other. */
export const ALBA_IULIA_EXCHANGE_2027: EventRecord = {
  key: 'alba-fachaustausch-2027',
  kind: 'exchange_trip',
  title: 'Fachaustausch in Alba Iulia: Smart City, Bürgerdienste und Altstadtentwicklung',
  description:
    'Der 2024 als Entwurf geplante Fachbesuch findet statt: Eine kleine Gruppe aus Digitalisierung, Bürgerdiensten ' +
    'und Stadtplanung besucht die Stadtverwaltung von Alba Iulia. Exchange of experience on the city data platform, ' +
    'digital citizen services and the revitalised citadel.' +
    FOLLOW_UP_NOTE,
  startsAt: '2027-05-10',
  endsAt: '2027-05-13',
  allDay: true,
  venue: ALBA_IULIA_CITY_HALL,
  host: 'ARN',
  coHosts: ['ALBA'],
  partnership: 'arnsberg-alba-iulia',
  capacity: 5,
  tags: ['smart city', 'stadtentwicklung', 'folgetermin'],
  parts: [
    {
      key: 'flug-hinreise',
      kind: 'travel_leg',
      title: 'Flug Dortmund (DTM) – Sibiu (SBZ)',
      description:
        'Abflug 10:40 Uhr Ortszeit Dortmund, Ankunft 14:10 Uhr Ortszeit Sibiu (eine Stunde später als in Deutschland).',
      startsAt: '2027-05-10T10:40',
      startZone: BERLIN,
      endsAt: '2027-05-10T14:10',
      endZone: BUCHAREST,
      venue: DORTMUND_AIRPORT,
      tags: ['flug'],
    },
    {
      key: 'transfer-alba-iulia',
      kind: 'travel_leg',
      title: 'Transfer Sibiu – Alba Iulia',
      description: 'Mietwagen, rund 75 km über die A1.',
      startsAt: '2027-05-10T14:45',
      endsAt: '2027-05-10T16:15',
      startZone: BUCHAREST,
      visibility: 'internal',
    },
    {
      key: 'unterkunft',
      kind: 'accommodation',
      title: 'Unterkunft in Alba Iulia',
      description: 'Hotel nahe der Zitadelle Alba Carolina, drei Nächte.',
      startsAt: '2027-05-10T16:30',
      endsAt: '2027-05-13T10:00',
      startZone: BUCHAREST,
      venue: {
        name: 'Hotel in Alba Iulia',
        address: 'Alba Iulia, Romania',
        latitude: 46.0692,
        longitude: 23.5712,
      },
      visibility: 'internal',
    },
    {
      key: 'datenplattform',
      kind: 'workshop',
      title: 'Workshop: Die städtische Datenplattform von Alba Iulia',
      description:
        'Arbeitssitzung mit dem Smart-City-Team: offene Daten, Sensorik, Bürger-App. Working language English.',
      startsAt: '2027-05-11T09:30',
      endsAt: '2027-05-11T13:00',
      startZone: BUCHAREST,
      venue: ALBA_IULIA_CITY_HALL,
      capacity: 4,
      tags: ['smart city', 'digitalisierung'],
    },
    {
      key: 'zitadelle',
      kind: 'site_visit',
      title: 'Rundgang Zitadelle Alba Carolina: Denkmalschutz und Tourismus',
      description: 'Wie Alba Iulia die sanierte Festung für Tourismus und Stadtleben nutzt.',
      startsAt: '2027-05-11T15:00',
      endsAt: '2027-05-11T17:30',
      startZone: BUCHAREST,
      venue: {
        name: 'Cetatea Alba Carolina',
        address: 'Alba Iulia, Romania',
        latitude: 46.0686,
        longitude: 23.57,
      },
    },
    {
      key: 'buergerdienste-digital',
      kind: 'workshop',
      title: 'Workshop: Digitale Bürgerdienste im Vergleich',
      description:
        'Online-Anträge, Terminvergabe und Bürgerbüro: was beide Städte voneinander übernehmen können.',
      startsAt: '2027-05-12T09:30',
      endsAt: '2027-05-12T12:30',
      startZone: BUCHAREST,
      venue: ALBA_IULIA_CITY_HALL,
      capacity: 3,
      tags: ['bürgerdienste', 'digitalisierung'],
    },
    {
      key: 'altstadtentwicklung',
      kind: 'workshop',
      title: 'Workshop: Altstadtentwicklung und Förderprogramme',
      description:
        'Parallel: Sanierung historischer Quartiere, EU-Förderung und Beteiligung der Bürger:innen.',
      startsAt: '2027-05-12T09:30',
      endsAt: '2027-05-12T12:30',
      startZone: BUCHAREST,
      venue: { ...ALBA_IULIA_CITY_HALL, name: 'Primăria Municipiului Alba Iulia – Urbanism' },
      capacity: 3,
      tags: ['stadtentwicklung'],
    },
    {
      key: 'flug-rueckreise',
      kind: 'travel_leg',
      title: 'Flug Sibiu (SBZ) – Dortmund (DTM)',
      description: 'Abflug 15:00 Uhr Ortszeit Sibiu, Ankunft 16:35 Uhr Ortszeit Dortmund.',
      startsAt: '2027-05-13T15:00',
      startZone: BUCHAREST,
      endsAt: '2027-05-13T16:35',
      endZone: BERLIN,
      venue: {
        name: 'Aeroportul Internațional Sibiu (SBZ)',
        address: 'Sibiu, Romania',
        latitude: 45.7856,
        longitude: 24.0913,
      },
      tags: ['flug'],
    },
  ],
};

export const PARTNER_NETWORKS_2027_EVENTS: EventRecord[] = [ALBA_IULIA_EXCHANGE_2027, WARREN_CALL_2027];
