import { VenueInput } from '@app/planning';
import { FOLLOW_UP_NOTE } from './follow-up';
import { EventRecord, HostingRecord } from './programme.types';
import { BERLIN, DAR_AIRPORT, FRANKFURT_AIRPORT, MOROGORO, RATHAUS_ARNSBERG } from './places';

const PARTNERSHIP = 'knp-arnsberg-morogoro';

const HOTEL_NEHEIM: VenueInput = {
  name: 'Partnerhotel der Stadt Arnsberg',
  address: 'Neheimer Markt, 59755 Arnsberg',
  latitude: 51.4518,
  longitude: 7.9607,
};
/**
 * The next virtual meeting of the partnership. The demo invites only Arnsberg's team to it, so
 * that a newcomer can invite the Morogoro delegation through the API and watch the emails go out.
 */
export const PARTNERSHIP_MEETING_2027_01: EventRecord = {
  key: 'knp-virtuelles-treffen-2027-01',
  kind: 'virtual_meeting',
  title: 'Virtuelles Partnerschaftstreffen Arnsberg–Morogoro: Jahresplanung 2027 / Annual planning',
  description:
    'Folgetreffen der Kernteams: Stand der Maßnahmen aus dem Handlungskonzept Agenda 2030 (Wasser, Abfall, Klima, ' +
    'Bildung), Jahresplanung 2027 und erste Absprachen zum Gegenbesuch der Delegation aus Morogoro im Herbst.\n\n' +
    'Follow-up meeting of the core teams; held in English. Times: 10:00–11:30 in Arnsberg (CET) = 12:00–13:30 in ' +
    'Morogoro (EAT) – in winter the difference is two hours.' +
    FOLLOW_UP_NOTE,
  startsAt: '2027-01-19T10:00',
  endsAt: '2027-01-19T11:30',
  startZone: BERLIN,
  onlineUrl: 'https://meet.example/arnsberg-morogoro/jahresplanung-2027',
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  capacity: 30,
  tags: ['knp', 'virtuell', 'agenda2030', 'folgetermin'],
};

/** Morogoro hosts this one, in its own zone: the difference to Arnsberg is one hour in summer. */
export const PARTNERSHIP_MEETING_2027_09: EventRecord = {
  key: 'knp-virtuelles-treffen-2027-09',
  kind: 'virtual_meeting',
  title: 'Virtual partnership meeting Morogoro–Arnsberg: preparing the delegation visit',
  originalLanguage: 'en',
  translations: {
    sw: {
      title: 'Mkutano wa ushirikiano kwa mtandao Morogoro–Arnsberg: maandalizi ya ziara ya ujumbe',
      description:
        'Halmashauri ya Manispaa ya Morogoro inawaalika wanachama wa timu kuu kuandaa ziara ya ujumbe mjini ' +
        'Arnsberg mwezi Oktoba: programu, ziara za maeneo, safari na malazi, na nani atasafiri.',
      venueNotes: '',
    },
  },
  description:
    'Morogoro Municipal Council invites the core teams to prepare the delegation visit to Arnsberg in October: ' +
    'programme, site visits, travel and accommodation, who travels.\n\n' +
    'Zeiten: 14:00–15:30 Uhr in Morogoro (EAT) = 13:00–14:30 Uhr in Arnsberg (MESZ) – im Sommer nur eine Stunde ' +
    'Unterschied.' +
    FOLLOW_UP_NOTE,
  startsAt: '2027-09-14T14:00',
  endsAt: '2027-09-14T15:30',
  startZone: MOROGORO,
  onlineUrl: 'https://meet.example/morogoro-arnsberg/visit-preparation',
  host: 'MORO',
  coHosts: ['ARN'],
  partnership: PARTNERSHIP,
  capacity: 30,
  tags: ['knp', 'virtuell', 'delegation', 'folgetermin'],
};

/**
 * The return visit of a Morogoro delegation. Its days span the end of summer time in Europe
 * (31 October 2027): the weekend with host families starts at +02:00 and ends at +01:00, while
 * Morogoro stays at +03:00 all year. Flights start in the zone they leave and end in the zone
 * they land in.
 */
export const DELEGATION_VISIT_2027: EventRecord = {
  key: 'knp-delegationsbesuch-morogoro-2027',
  kind: 'delegation_visit',
  title: 'Zweiter Delegationsbesuch aus Morogoro in Arnsberg',
  translations: {
    en: {
      title: 'Second delegation visit from Morogoro to Arnsberg',
      description:
        'Return visit after the Arnsberg delegation of 2024: a delegation of Morogoro Municipal Council comes to ' +
        'Arnsberg for the second time. Mid-term review of the Agenda 2030 action plan, site visits on drinking ' +
        'water and heating, a weekend with host families and meetings with schools and the partnership ' +
        'association. Summer time ends in Germany on 31 October: from then on Arnsberg is two hours behind Morogoro.',
      venueNotes: '',
    },
    sw: {
      title: 'Ziara ya pili ya ujumbe kutoka Morogoro mjini Arnsberg',
      description:
        'Ziara ya marudio baada ya ujumbe wa Arnsberg wa mwaka 2024: ujumbe wa Halmashauri ya Manispaa ya ' +
        'Morogoro unakuja Arnsberg kwa mara ya pili. Tathmini ya kati ya mpango kazi wa Agenda 2030, ziara za ' +
        'maeneo kuhusu maji safi na nishati ya joto, wikendi na familia wenyeji, na mikutano na shule na chama ' +
        'cha ushirikiano. Tarehe 31 Oktoba saa za majira ya joto zinaisha Ujerumani: kuanzia hapo Arnsberg iko ' +
        'nyuma ya Morogoro kwa saa mbili.',
      venueNotes: '',
    },
  },
  description:
    'Gegenbesuch nach der Entsendung aus Arnsberg 2024: Eine Delegation des Morogoro Municipal Council kommt zum ' +
    'zweiten Mal nach Arnsberg. Zwischenbilanz des Handlungskonzepts Agenda 2030, Ortstermine zu Trinkwasser und ' +
    'Wärmewende, ein Wochenende bei Gastfamilien und Begegnungen mit Schulen und dem Partnerschaftsverein.\n\n' +
    'Second delegation of Morogoro Municipal Council visiting Arnsberg, 27 October – 3 November 2027 (departure ' +
    'from and return to Dar es Salaam included). Note: summer time ends in Germany on 31 October – from then on ' +
    'Arnsberg is two hours behind Morogoro.' +
    FOLLOW_UP_NOTE,
  startsAt: '2027-10-27',
  endsAt: '2027-11-03',
  allDay: true,
  venue: { name: 'Arnsberg', address: '59759 Arnsberg', latitude: 51.39639, longitude: 8.06444 },
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  capacity: 8,
  tags: ['knp', 'delegation', 'morogoro', 'folgetermin'],
  parts: [
    {
      key: 'flug-hinreise',
      kind: 'travel_leg',
      title: 'Flug Dar es Salaam (DAR) – Frankfurt (FRA) über Doha',
      description:
        'Abflug 16:40 Uhr Ortszeit Dar es Salaam, Ankunft 06:15 Uhr Ortszeit Frankfurt am Folgetag. ' +
        'Departure 16:40 local time Dar es Salaam, arrival 06:15 local time Frankfurt the next morning.',
      startsAt: '2027-10-27T16:40',
      startZone: MOROGORO,
      endsAt: '2027-10-28T06:15',
      endZone: BERLIN,
      venue: DAR_AIRPORT,
      tags: ['flug'],
    },
    {
      key: 'transfer-arnsberg',
      kind: 'travel_leg',
      title: 'Transfer Flughafen Frankfurt – Arnsberg-Neheim (Kleinbus)',
      description: 'Abholung am Terminal 1, Ankunft im Hotel gegen 11 Uhr.',
      startsAt: '2027-10-28T07:30',
      endsAt: '2027-10-28T10:45',
      startZone: BERLIN,
      venue: FRANKFURT_AIRPORT,
      visibility: 'internal',
    },
    {
      key: 'unterkunft',
      kind: 'accommodation',
      title: 'Unterkunft der Delegation in Arnsberg-Neheim',
      description: 'Einzelzimmer mit Frühstück, fünf Nächte; Abrechnung über das Projektbudget.',
      startsAt: '2027-10-28',
      endsAt: '2027-11-02',
      allDay: true,
      startZone: BERLIN,
      venue: HOTEL_NEHEIM,
      visibility: 'internal',
    },
    {
      key: 'empfang-rathaus',
      kind: 'other',
      title: 'Empfang durch den Bürgermeister / Welcome at the town hall',
      description:
        'Begrüßung der Delegation im Rathaus, Rückblick auf Hamm 2023 und Morogoro 2024, Pressetermin.',
      translations: {
        en: {
          title: 'Welcome by the mayor at the town hall',
          description:
            'The delegation is welcomed at the town hall, looking back on Hamm 2023 and Morogoro 2024; press photos.',
          venueNotes: 'Entrance via the town hall courtyard; the hall is on the first floor.',
        },
        sw: {
          title: 'Mapokezi ya Meya katika ukumbi wa mji',
          description:
            'Ujumbe unakaribishwa katika ukumbi wa mji, kukumbuka Hamm 2023 na Morogoro 2024; picha za waandishi wa habari.',
          venueNotes: 'Mlango kupitia uwanja wa ndani wa ukumbi wa mji; ukumbi uko ghorofa ya kwanza.',
        },
      },
      startsAt: '2027-10-28T14:00',
      endsAt: '2027-10-28T15:30',
      startZone: BERLIN,
      venue: {
        ...RATHAUS_ARNSBERG,
        notes: 'Eingang über den Rathausinnenhof; der Saal liegt im ersten Stock.',
      },
    },
    {
      key: 'wasserwerk',
      kind: 'site_visit',
      title: 'Wasserwerk an der Ruhr: Trinkwasser aus Uferfiltrat',
      translations: {
        en: {
          title: 'Waterworks on the Ruhr: drinking water from bank filtration',
          description:
            'How Arnsberg draws its drinking water from the Ruhr and protects the catchment area, compared with the ' +
            'Mindu dam in Morogoro. A small group because of the hygiene rules.',
          venueNotes: '',
        },
        sw: {
          title: 'Kiwanda cha maji cha mto Ruhr: maji ya kunywa kutoka uchujaji wa kingo za mto',
          description:
            'Jinsi Arnsberg inavyopata maji yake ya kunywa kutoka mto Ruhr na kulinda eneo la vyanzo, ikilinganishwa ' +
            'na bwawa la Mindu mjini Morogoro. Kikundi kidogo kwa sababu ya kanuni za usafi.',
          venueNotes: '',
        },
      },
      description:
        'Wie Arnsberg sein Trinkwasser aus der Ruhr gewinnt und das Einzugsgebiet schützt – Vergleich mit dem ' +
        'Mindu-Staudamm in Morogoro. Kleine Gruppe wegen der Hygienevorschriften.',
      startsAt: '2027-10-29T09:30',
      endsAt: '2027-10-29T12:00',
      startZone: BERLIN,
      venue: { name: 'Wasserwerk Arnsberg', address: '59759 Arnsberg', latitude: 51.4405, longitude: 7.9981 },
      capacity: 6,
      tags: ['wasser'],
    },
    {
      key: 'nahwaermenetz',
      kind: 'site_visit',
      title: 'Nahwärmenetz und Photovoltaik: die Wärmewende im Quartier',
      description:
        'Parallel zum Wasserwerk: ein neues Nahwärmenetz in Neheim und Solaranlagen auf Schuldächern.',
      startsAt: '2027-10-29T09:30',
      endsAt: '2027-10-29T12:00',
      startZone: BERLIN,
      venue: { name: 'Schulzentrum Neheim', address: '59755 Arnsberg', latitude: 51.4547, longitude: 7.9733 },
      capacity: 6,
      tags: ['energie', 'klima'],
    },
    {
      key: 'fachworkshop-zwischenbilanz',
      kind: 'workshop',
      title: 'Fachworkshop: Zwischenbilanz Handlungskonzept Agenda 2030 / Mid-term review',
      description:
        'Was ist seit 2024 umgesetzt, was hakt, was kommt als Nächstes? Arbeitssprache Englisch, working ' +
        'language English.',
      startsAt: '2027-10-29T14:00',
      endsAt: '2027-10-29T17:00',
      startZone: BERLIN,
      venue: { ...RATHAUS_ARNSBERG, name: 'Rathaus Arnsberg – Sitzungssaal 1' },
      capacity: 24,
      tags: ['agenda2030', 'workshop'],
    },
    {
      key: 'wochenende-gastfamilien',
      kind: 'other',
      title: 'Wochenende bei Gastfamilien / Weekend with host families',
      translations: {
        sw: {
          title: 'Wikendi na familia wenyeji',
          description:
            'Kuanzia Jumamosi asubuhi hadi Jumapili jioni na familia za chama cha ushirikiano mjini Arnsberg na ' +
            'Sundern. Tahadhari: usiku wa kuamkia Jumapili, 31 Oktoba, saa za majira ya joto zinaisha Ujerumani – saa ' +
            'zinarudishwa nyuma saa moja.',
          venueNotes: '',
        },
      },
      description:
        'Von Samstagmorgen bis Sonntagabend bei Familien des Partnerschaftsvereins in Arnsberg und Sundern. ' +
        'Achtung: In der Nacht zum Sonntag, 31. Oktober, endet die Sommerzeit – die Uhren werden um 03:00 Uhr auf ' +
        '02:00 Uhr zurückgestellt. Clocks go back one hour in Germany that night.',
      startsAt: '2027-10-30T10:00',
      endsAt: '2027-10-31T18:00',
      startZone: BERLIN,
      venue: { name: 'Arnsberg und Sundern', address: 'Sauerland', latitude: 51.39639, longitude: 8.06444 },
    },
    {
      key: 'partnerschaftsverein',
      kind: 'other',
      title: 'Begegnung mit dem Partnerschaftsverein und Schulen (Allerheiligen)',
      description:
        'Allerheiligen ist in Nordrhein-Westfalen ein Feiertag: Nachmittag mit dem Partnerschaftsverein, ' +
        'Schüler:innen der Eine-Welt-AGs und Fairtrade-Initiativen im Kulturzentrum.',
      startsAt: '2027-11-01T15:00',
      endsAt: '2027-11-01T18:00',
      startZone: BERLIN,
      venue: {
        name: 'Kulturzentrum Berliner Platz',
        address: 'Berliner Platz, 59759 Arnsberg',
        latitude: 51.4432,
        longitude: 7.9669,
      },
    },
    {
      key: 'abschlussgespraech',
      kind: 'other',
      title: 'Abschlussgespräch und Vereinbarungen für 2028',
      description: 'Vereinbarungen zu Maßnahmen, Zuständigkeiten und dem nächsten Treffen.',
      startsAt: '2027-11-02T09:00',
      endsAt: '2027-11-02T11:00',
      startZone: BERLIN,
      venue: RATHAUS_ARNSBERG,
    },
    {
      key: 'transfer-flughafen',
      kind: 'travel_leg',
      title: 'Transfer Arnsberg – Flughafen Frankfurt (FRA)',
      description: 'Kleinbus ab Rathaus.',
      startsAt: '2027-11-02T12:30',
      endsAt: '2027-11-02T15:30',
      startZone: BERLIN,
      venue: RATHAUS_ARNSBERG,
      visibility: 'internal',
    },
    {
      key: 'flug-rueckreise',
      kind: 'travel_leg',
      title: 'Flug Frankfurt (FRA) – Dar es Salaam (DAR) über Doha',
      description:
        'Abflug 18:25 Uhr Ortszeit Frankfurt (MEZ), Ankunft 09:40 Uhr Ortszeit Dar es Salaam am Folgetag. ' +
        'Departure 18:25 local time Frankfurt, arrival 09:40 local time Dar es Salaam the next morning.',
      startsAt: '2027-11-02T18:25',
      startZone: BERLIN,
      endsAt: '2027-11-03T09:40',
      endZone: MOROGORO,
      venue: FRANKFURT_AIRPORT,
      tags: ['flug'],
    },
  ],
};

export const MOROGORO_PARTNERSHIP_2027_EVENTS: EventRecord[] = [
  PARTNERSHIP_MEETING_2027_01,
  PARTNERSHIP_MEETING_2027_09,
  DELEGATION_VISIT_2027,
];

const NEEMA = 'neema.mwakyusa@morogoro-mc.example';
const REHEMA = 'rehema.kibwana@morogoro-mc.example';
const ZAWADI = 'zawadi.mtui@morogoro-mc.example';
const HALIMA = 'halima.salum@morogoro-mc.example';
const JUMA = 'juma.mfinanga@morogoro-mc.example';
const DELEGATES = [NEEMA, REHEMA, ZAWADI, HALIMA, JUMA];
const WIESE = 'familie.wiese@partnerschaftsverein-arnsberg.example';
const BREMER = 'familie.bremer@partnerschaftsverein-arnsberg.example';
const SAUERWALD = 'familie.sauerwald@partnerschaftsverein-arnsberg.example';
const DRIVER = 'j.weber@arnsberg.example';
const DRIVER_PHONE = '+49 2932 555 0170';

/**
 * Who hosts the delegation: three families of the partnership association for the Saturday night
 * of the host-family weekend, guides for the site visits, an interpreter for the Swahili speakers
 * in the workshop, the driver of both transfers, and single rooms in Neheim the other nights.
 */
export const DELEGATION_VISIT_2027_HOSTING: HostingRecord = {
  visit: DELEGATION_VISIT_2027.key,
  hosts: [
    ...[NEEMA, ZAWADI].map((guest) => ({
      guest,
      host: WIESE,
      role: 'host_family' as const,
      night: '2027-10-30',
      phone: '+49 2932 555 0142',
      address: 'Am Sonnenhang 4, 59821 Arnsberg',
      notes: 'Pick-up at Neheim station on Saturday at 10:00',
    })),
    ...[REHEMA, HALIMA].map((guest) => ({
      guest,
      host: BREMER,
      role: 'host_family' as const,
      night: '2027-10-30',
      phone: '+49 2933 555 0188',
      address: 'Lindenweg 12, 59846 Sundern',
      notes: 'Pick-up at the hotel on Saturday at 10:00',
    })),
    {
      guest: JUMA,
      host: SAUERWALD,
      role: 'host_family',
      night: '2027-10-30',
      phone: '+49 2932 555 0119',
      address: 'Mühlenstraße 7, 59759 Arnsberg',
      notes: 'Pick-up at the hotel on Saturday at 10:00',
    },
    ...DELEGATES.flatMap((guest) => [
      {
        guest,
        host: DRIVER,
        role: 'driver' as const,
        part: 'transfer-arnsberg',
        phone: DRIVER_PHONE,
        notes: 'Pick-up at Frankfurt airport, Terminal 1, arrivals hall B, with a Treffpunkt sign',
      },
      {
        guest,
        host: DRIVER,
        role: 'driver' as const,
        part: 'transfer-flughafen',
        phone: DRIVER_PHONE,
        notes: 'In front of the town hall',
      },
    ]),
    ...[NEEMA, REHEMA].map((guest) => ({
      guest,
      host: 'm.okafor@arnsberg.example',
      role: 'guide' as const,
      part: 'wasserwerk',
      phone: '+49 2932 555 0105',
      notes: 'Meets the group at the hotel at 09:00',
    })),
    ...[ZAWADI, HALIMA, JUMA].map((guest) => ({
      guest,
      host: 'l.feldmann@arnsberg.example',
      role: 'guide' as const,
      part: 'nahwaermenetz',
      phone: '+49 2932 555 0111',
      notes: 'Meets the group at the hotel at 09:00',
    })),
    ...[REHEMA, HALIMA, JUMA].map((guest) => ({
      guest,
      host: 'g.lyimo@arnsberg.example',
      role: 'interpreter' as const,
      part: 'fachworkshop-zwischenbilanz',
      phone: '+49 2932 555 0123',
      notes: 'Kiswahili–English',
    })),
  ],
  rooms: DELEGATES.map((guest, index) => ({
    accommodation: 'unterkunft',
    nights: ['2027-10-28', '2027-10-29', '2027-10-31', '2027-11-01'],
    room: String(11 + index),
    guest,
  })),
};
