import { EventRecord } from './programme.types';
import { ALBA_IULIA_CITY_HALL, BERLIN, BUCHAREST, DORTMUND_AIRPORT, RATHAUS_ARNSBERG } from './places';

const WARREN = 'climate-smart-arnsberg-warren';
const ALBA_IULIA = 'arnsberg-alba-iulia';

export const WARREN_EVENTS: EventRecord[] = [
  {
    key: 'csm-online-energieeffizienz-2023',
    kind: 'virtual_meeting',
    title: 'Climate Smart Municipalities: Online exchange on energy efficiency in municipal buildings',
    description:
      'Staff from Warren and Arnsberg compare how they cut energy use in city buildings: LED street lighting, ' +
      'building retrofits and energy monitoring.\n\n' +
      'Zeiten: 09:00 Uhr in Warren (CDT) = 16:00 Uhr in Arnsberg (MESZ). Sprache: Englisch.',
    startsAt: '2023-04-18T09:00',
    endsAt: '2023-04-18T10:30',
    startZone: 'America/Chicago',
    onlineUrl: 'https://meet.example/climate-smart/warren-arnsberg',
    host: 'WAR',
    coHosts: ['ARN'],
    partnership: WARREN,
    capacity: 30,
    tags: ['climate smart municipalities', 'energie', 'virtuell'],
  },
  {
    key: 'csm-delegation-warren-2023',
    kind: 'delegation_visit',
    title: 'Besuch einer Delegation aus Warren (Minnesota) in Arnsberg',
    description:
      'Gegenbesuch im Rahmen von „Climate Smart Municipalities“: Die Delegation aus Warren lernt kommunalen ' +
      'Klimaschutz in Arnsberg kennen – Photovoltaik auf städtischen Dächern, Bürgerenergie und Wärmeplanung.\n\n' +
      'Delegation from the City of Warren, Minnesota, 12–15 June 2023.',
    startsAt: '2023-06-12',
    endsAt: '2023-06-15',
    allDay: true,
    venue: RATHAUS_ARNSBERG,
    host: 'ARN',
    coHosts: ['WAR'],
    partnership: WARREN,
    capacity: 6,
    tags: ['climate smart municipalities', 'delegation'],
    parts: [
      {
        key: 'unterkunft',
        kind: 'accommodation',
        title: 'Unterkunft der Delegation aus Warren',
        description: 'Hotel in Arnsberg-Neheim, vier Nächte.',
        startsAt: '2023-06-12',
        endsAt: '2023-06-15',
        allDay: true,
        venue: {
          name: 'Partnerhotel der Stadt Arnsberg',
          address: 'Neheimer Markt, 59755 Arnsberg',
          latitude: 51.4518,
          longitude: 7.9607,
        },
        visibility: 'internal',
      },
      {
        key: 'photovoltaik',
        kind: 'site_visit',
        title: 'Photovoltaik auf städtischen Dächern und Bürgerenergie',
        description:
          'Besichtigung einer Schuldach-Anlage und Gespräch mit einer Bürgerenergiegenossenschaft.',
        startsAt: '2023-06-13T10:00',
        endsAt: '2023-06-13T12:30',
        venue: {
          name: 'Schulzentrum Neheim',
          address: '59755 Arnsberg',
          latitude: 51.4547,
          longitude: 7.9733,
        },
        tags: ['energie', 'solar'],
      },
      {
        key: 'workshop-waermeplanung',
        kind: 'workshop',
        title: 'Workshop: Kommunale Wärmeplanung trifft Minnesota GreenStep Cities',
        description:
          'How do a German and a Minnesotan city plan their path to climate neutrality? Vergleich der Instrumente ' +
          'und Verabredung gemeinsamer Pilotprojekte.',
        startsAt: '2023-06-14T09:00',
        endsAt: '2023-06-14T12:30',
        venue: { ...RATHAUS_ARNSBERG, name: 'Rathaus Arnsberg – Sitzungssaal 2' },
        capacity: 20,
        tags: ['klima', 'wärmeplanung'],
      },
    ],
  },
  {
    key: 'csm-online-hochwasser-2024',
    kind: 'virtual_meeting',
    title: 'Online-Austausch: Hochwasserschutz und Klimaanpassung (Red River Valley und Ruhr)',
    description:
      'Warren liegt im hochwassergefährdeten Red River Valley, Arnsberg an der Ruhr: Erfahrungen mit Frühwarnung, ' +
      'Rückhalteflächen und Kommunikation im Ernstfall.\n\n' +
      'Achtung Zeitumstellung: In den USA gilt bereits Sommerzeit, in Deutschland noch nicht – nur sechs Stunden ' +
      'Unterschied: 09:00 Uhr in Warren (CDT) = 15:00 Uhr in Arnsberg (MEZ).',
    startsAt: '2024-03-12T09:00',
    endsAt: '2024-03-12T10:30',
    startZone: 'America/Chicago',
    onlineUrl: 'https://meet.example/climate-smart/hochwasser',
    host: 'WAR',
    coHosts: ['ARN'],
    partnership: WARREN,
    capacity: 30,
    tags: ['climate smart municipalities', 'klimaanpassung', 'virtuell'],
  },
];

export const ALBA_IULIA_EVENTS: EventRecord[] = [
  {
    key: 'alba-online-smart-city-2023',
    kind: 'virtual_meeting',
    title: 'Online workshop: Smart City Alba Iulia – lessons for Arnsberg',
    description:
      'Alba Iulia presents its smart city pilot projects (public Wi-Fi, smart lighting, digital services for citizens). ' +
      'Arnsberg stellt seine Digitalisierungsstrategie vor.\n\n' +
      'Zeiten: 15:00 Uhr in Alba Iulia (OEZ) = 14:00 Uhr in Arnsberg (MEZ).',
    startsAt: '2023-11-08T15:00',
    endsAt: '2023-11-08T16:30',
    startZone: BUCHAREST,
    onlineUrl: 'https://meet.example/alba-iulia/smart-city',
    host: 'ALBA',
    coHosts: ['ARN'],
    partnership: ALBA_IULIA,
    capacity: 40,
    tags: ['smart city', 'digitalisierung', 'virtuell'],
  },
  {
    key: 'alba-fachbesuch-2024',
    kind: 'exchange_trip',
    title: 'Fachbesuch in Alba Iulia: Smart City und Altstadtentwicklung',
    description:
      'Entwurf: Eine kleine Gruppe aus Digitalisierung und Stadtplanung besucht Alba Iulia. Programm noch in ' +
      'Abstimmung mit der Stadtverwaltung von Alba Iulia.',
    startsAt: '2024-05-13',
    endsAt: '2024-05-16',
    allDay: true,
    venue: ALBA_IULIA_CITY_HALL,
    host: 'ARN',
    coHosts: ['ALBA'],
    partnership: ALBA_IULIA,
    status: 'draft',
    visibility: 'internal',
    capacity: 5,
    tags: ['smart city', 'stadtentwicklung'],
    parts: [
      {
        key: 'flug-hinreise',
        kind: 'travel_leg',
        title: 'Flug Dortmund (DTM) – Sibiu (SBZ)',
        description: 'Abflug 10:40 Uhr Ortszeit Dortmund, Ankunft 14:10 Uhr Ortszeit Sibiu.',
        startsAt: '2024-05-13T10:40',
        startZone: BERLIN,
        endsAt: '2024-05-13T14:10',
        endZone: BUCHAREST,
        venue: DORTMUND_AIRPORT,
        tags: ['flug'],
      },
      {
        key: 'transfer-alba-iulia',
        kind: 'travel_leg',
        title: 'Transfer Sibiu – Alba Iulia',
        description: 'Mietwagen, rund 75 km über die A1.',
        startsAt: '2024-05-13T14:45',
        endsAt: '2024-05-13T16:15',
        startZone: BUCHAREST,
      },
      {
        key: 'unterkunft',
        kind: 'accommodation',
        title: 'Unterkunft in Alba Iulia',
        description: 'Hotel nahe der Zitadelle Alba Carolina.',
        startsAt: '2024-05-13T16:30',
        endsAt: '2024-05-16T10:00',
        startZone: BUCHAREST,
        venue: {
          name: 'Hotel in Alba Iulia',
          address: 'Alba Iulia, Romania',
          latitude: 46.0692,
          longitude: 23.5712,
        },
      },
      {
        key: 'zitadelle',
        kind: 'site_visit',
        title: 'Rundgang Zitadelle Alba Carolina: Denkmalschutz und Tourismus',
        description: 'Wie Alba Iulia die sanierte Festung für Tourismus und Stadtleben nutzt.',
        startsAt: '2024-05-14T10:00',
        endsAt: '2024-05-14T12:30',
        startZone: BUCHAREST,
        venue: {
          name: 'Cetatea Alba Carolina',
          address: 'Alba Iulia, Romania',
          latitude: 46.0686,
          longitude: 23.57,
        },
      },
      {
        key: 'smart-city-projekte',
        kind: 'workshop',
        title: 'Smart-City-Projekte der Stadtverwaltung Alba Iulia',
        description: 'Arbeitssitzung mit dem Smart-City-Team: Datenplattform, Bürger-App, Beleuchtung.',
        startsAt: '2024-05-15T09:30',
        endsAt: '2024-05-15T13:00',
        startZone: BUCHAREST,
        venue: ALBA_IULIA_CITY_HALL,
        capacity: 15,
        tags: ['smart city', 'digitalisierung'],
      },
      {
        key: 'flug-rueckreise',
        kind: 'travel_leg',
        title: 'Flug Sibiu (SBZ) – Dortmund (DTM)',
        description: 'Abflug 15:00 Uhr Ortszeit Sibiu, Ankunft 16:35 Uhr Ortszeit Dortmund.',
        startsAt: '2024-05-16T15:00',
        startZone: BUCHAREST,
        endsAt: '2024-05-16T16:35',
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
  },
];
