import { VenueInput } from '@app/planning';
import { EventRecord } from './programme.types';
import { BERLIN, DAR_AIRPORT, FRANKFURT_AIRPORT, MOROGORO, RATHAUS_ARNSBERG } from './places';

const PARTNERSHIP = 'knp-arnsberg-morogoro';

const KURHAUS_HAMM: VenueInput = {
  name: 'Kurhaus Bad Hamm',
  address: 'Ostenallee 87, 59071 Hamm',
  latitude: 51.68194,
  longitude: 7.85139,
};
const COUNCIL_MOROGORO: VenueInput = {
  name: 'Morogoro Municipal Council',
  address: 'Boma Road, Morogoro, Tanzania',
  latitude: -6.8235,
  longitude: 37.6612,
};

export const SIGNING: EventRecord = {
  key: 'knp-unterzeichnung',
  kind: 'other',
  title: 'Unterzeichnung der Partnerschaftsvereinbarung Arnsberg–Morogoro',
  description:
    'Die Stadt Arnsberg und das Morogoro Municipal Council unterzeichnen die Vereinbarung über ihre Kommunale ' +
    'Nachhaltigkeitspartnerschaft. Die Partnerschaft erfolgt „auf Augenhöhe“: Kompetenzen und Potenziale aller ' +
    'Beteiligten werden ausgelotet, unterschiedliche Erfahrungen fließen in konkrete Lösungen ein. Die Delegation aus ' +
    'Morogoro ist per Video zugeschaltet (11:00 Uhr Ortszeit Morogoro).\n\n' +
    'Signing of the partnership agreement; the Morogoro team joins by video.',
  startsAt: '2023-05-10T10:00',
  endsAt: '2023-05-10T11:00',
  venue: RATHAUS_ARNSBERG,
  onlineUrl: 'https://meet.example/arnsberg-morogoro/unterzeichnung',
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  tags: ['knp', 'agenda2030', 'partnerschaft'],
};

export const FIRST_VIRTUAL_MEETING: EventRecord = {
  key: 'knp-erstes-virtuelles-treffen',
  kind: 'virtual_meeting',
  title: 'Erstes virtuelles Treffen Arnsberg–Morogoro / First virtual meeting',
  description:
    'Erstes Treffen der Kernteams aus Arnsberg und Morogoro: Vorstellungsrunde, Erwartungen an die Partnerschaft, ' +
    'mögliche Themenfelder (Wasser und Abwasser, Abfall, Klimaschutz, Bildung) und Planung der gegenseitigen Besuche.\n\n' +
    'Times: 10:00–11:30 in Arnsberg (CEST) = 11:00–12:30 in Morogoro (EAT). Participants join from Europe/Berlin and ' +
    'Africa/Dar_es_Salaam; the meeting is held in English.',
  startsAt: '2023-06-13T10:00',
  endsAt: '2023-06-13T11:30',
  startZone: BERLIN,
  onlineUrl: 'https://meet.example/arnsberg-morogoro/kickoff',
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  visibility: 'internal',
  capacity: 20,
  tags: ['knp', 'virtuell', 'agenda2030'],
};

const CONFERENCE_DAY = ['2023-09-20', '2023-09-21', '2023-09-22'] as const;

function session(
  key: string,
  day: 0 | 1 | 2,
  from: string,
  to: string,
  title: string,
  description: string,
  extra: Partial<EventRecord> = {},
): EventRecord {
  return {
    key,
    kind: 'session',
    title,
    description,
    startsAt: `${CONFERENCE_DAY[day]}T${from}`,
    endsAt: `${CONFERENCE_DAY[day]}T${to}`,
    venue: KURHAUS_HAMM,
    ...extra,
  };
}

export const KICKOFF_CONFERENCE_HAMM: EventRecord = {
  key: 'knp-auftaktkonferenz-hamm-2023',
  kind: 'conference',
  title: 'Auftaktkonferenz Kommunale Nachhaltigkeitspartnerschaften 2023 in Hamm',
  description:
    'Auftaktkonferenz aller 16 Partnerkommunen der acht geförderten Partnerschaften im Projekt „Kommunale ' +
    'Nachhaltigkeitspartnerschaften“, darunter Arnsberg und Morogoro. Essenzieller Bestandteil des Projekts ist das ' +
    'gegenseitige Kennenlernen und der fachliche Austausch zwischen den beteiligten Kommunen. Veranstaltet von ' +
    'Engagement Global / SKEW, Gastgeberin ist die Stadt Hamm.\n\n' +
    'Kick-off conference of all 16 partner municipalities, 20–22 September 2023, Hamm (Westphalia). ' +
    'Conference languages: German and English with interpretation.',
  startsAt: '2023-09-20T12:00',
  endsAt: '2023-09-22T13:00',
  venue: KURHAUS_HAMM,
  host: 'SKEW',
  coHosts: ['HAMM'],
  partnership: 'knp-netzwerk-2023',
  capacity: 120,
  tags: ['knp', 'agenda2030', 'sdg', 'konferenz'],
  parts: [
    session(
      'registrierung',
      0,
      '12:00',
      '13:00',
      'Registrierung und Mittagsimbiss / Registration',
      'Anmeldung, Ausgabe der Tagungsunterlagen und Dolmetschtechnik.',
    ),
    session(
      'eroeffnung',
      0,
      '13:00',
      '14:00',
      'Eröffnung und Grußworte / Opening',
      'Grußworte der Stadt Hamm und von Engagement Global; Überblick über das Programm der nächsten zweieinhalb Jahre.',
      { capacity: 120 },
    ),
    session(
      'agenda-2030',
      0,
      '14:00',
      '15:30',
      'Keynote und Podium: Kommunen als Schlüssel zur Agenda 2030',
      'Die Kommunen spielen eine entscheidende Rolle für die globalen Nachhaltigkeitsziele (SDGs). Kommunale ' +
        'Entwicklungspolitik als Instrument: Informations- und Bildungsarbeit, faires Handeln, strategische ' +
        'Partnerschaften mit Kommunen im Ausland.',
      { tags: ['sdg', 'podium'] },
    ),
    session(
      'partnerschaften-stellen-sich-vor',
      0,
      '16:00',
      '17:30',
      'Die acht Partnerschaften stellen sich vor / Meet the partnerships',
      'Jedes Partnerschaftsteam stellt in zehn Minuten seine Kommunen, Ausgangslage und Themen vor.',
    ),
    {
      key: 'abendempfang',
      kind: 'other',
      title: 'Abendempfang der Stadt Hamm / Evening reception',
      description: 'Empfang und gemeinsames Abendessen auf Einladung der Stadt Hamm.',
      startsAt: '2023-09-20T19:00',
      endsAt: '2023-09-20T22:00',
      venue: KURHAUS_HAMM,
      host: 'HAMM',
      coHosts: ['SKEW'],
    },
    session(
      'handlungskonzept',
      1,
      '09:00',
      '12:30',
      'Arbeitsphase: Auf dem Weg zum Handlungskonzept Agenda 2030',
      'In den Partnerschaftsteams: Bestandsaufnahme, Bezug zu den SDGs, Auswahl der Handlungsfelder. ' +
        'Working session in the partnership teams.',
      { tags: ['workshop', 'sdg'] },
    ),
    session(
      'fachforen',
      1,
      '13:30',
      '15:30',
      'Fachforen: Wasser, Abfall, Klima, Bildung / Thematic forums',
      'Parallele Foren mit Praxisbeispielen aus deutschen und afrikanischen, asiatischen und lateinamerikanischen ' +
        'Partnerkommunen.',
    ),
    {
      key: 'exkursion-maximilianpark',
      kind: 'site_visit',
      title: 'Exkursion: Strukturwandel und Klimaschutz in Hamm – Maximilianpark',
      description:
        'Vom Zechengelände zum Park: Führung durch den Maximilianpark auf dem Gelände der ehemaligen Zeche ' +
        'Maximilian, mit Beispielen aus Hamms Klimaschutzarbeit.',
      startsAt: '2023-09-21T16:00',
      endsAt: '2023-09-21T18:00',
      venue: {
        name: 'Maximilianpark Hamm',
        address: 'Alter Grenzweg 2, 59071 Hamm',
        latitude: 51.67778,
        longitude: 7.88944,
      },
      capacity: 40,
    },
    session(
      'arbeitsplanung-arnsberg-morogoro',
      2,
      '09:00',
      '11:00',
      'Partnerschaftsteam Arnsberg–Morogoro: Arbeitsplanung',
      'Das Team Arnsberg–Morogoro plant den anschließenden Delegationsbesuch in Arnsberg und die Entsendung nach ' +
        'Morogoro im Februar 2024.',
      { partnership: PARTNERSHIP, capacity: 12, tags: ['knp', 'morogoro'] },
    ),
    session(
      'abschluss',
      2,
      '11:30',
      '13:00',
      'Abschlussplenum und Ausblick / Closing plenary',
      'Zusammenfassung, nächste Schritte im Programm und organisatorische Hinweise zu den Delegationsbesuchen.',
    ),
  ],
};

export const DELEGATION_VISIT_2023: EventRecord = {
  key: 'knp-delegationsbesuch-morogoro-2023',
  kind: 'delegation_visit',
  title: 'Delegationsbesuch aus Morogoro in Arnsberg',
  description:
    'Im Anschluss an die Auftaktkonferenz in Hamm besucht eine Delegation des Morogoro Municipal Council Arnsberg. ' +
    'Fachlicher Austausch und Ortstermine zu Wasser und Abwasser, Abfallwirtschaft, Wald und Klimaanpassung sowie ' +
    'Bildung für nachhaltige Entwicklung; gemeinsame Vorbereitung des Handlungskonzepts zur Agenda 2030.\n\n' +
    'Delegation of Morogoro Municipal Council visiting Arnsberg, 23–27 September 2023.',
  startsAt: '2023-09-23',
  endsAt: '2023-09-27',
  allDay: true,
  venue: { name: 'Arnsberg', address: '59759 Arnsberg', latitude: 51.39639, longitude: 8.06444 },
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  capacity: 8,
  tags: ['knp', 'delegation', 'morogoro'],
  parts: [
    {
      key: 'unterkunft',
      kind: 'accommodation',
      title: 'Unterkunft der Delegation in Arnsberg-Neheim',
      description: 'Einzelzimmer mit Frühstück für sechs Delegierte; Abrechnung über das Projektbudget.',
      startsAt: '2023-09-23',
      endsAt: '2023-09-27',
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
      key: 'transfer-hamm-arnsberg',
      kind: 'travel_leg',
      title: 'Transfer Hamm – Arnsberg (Kleinbus)',
      description: 'Abholung am Kurhaus Bad Hamm, Fahrt über die A 445 nach Arnsberg-Neheim.',
      startsAt: '2023-09-23T10:00',
      endsAt: '2023-09-23T11:15',
      venue: KURHAUS_HAMM,
      visibility: 'internal',
    },
    {
      key: 'stadtrundgang',
      kind: 'site_visit',
      title: 'Stadtrundgang durch die Altstadt Arnsberg',
      description:
        'Glockenturm, Schlossruine und Alter Markt – Geschichte der Stadt und der Region Sauerland.',
      startsAt: '2023-09-23T14:00',
      endsAt: '2023-09-23T16:00',
      venue: {
        name: 'Glockenturm Arnsberg',
        address: 'Alter Markt, 59821 Arnsberg',
        latitude: 51.39722,
        longitude: 8.06611,
      },
    },
    {
      key: 'waldbegehung',
      kind: 'site_visit',
      title: 'Waldbegehung: Klimawandel und Wiederbewaldung im Arnsberger Wald',
      description:
        'Mit der Forstverwaltung durch Schadflächen nach Dürre und Borkenkäfer; wie aus Monokulturen klimastabile ' +
        'Mischwälder werden. Parallelen zu Aufforstungsprojekten in den Uluguru-Bergen bei Morogoro.',
      startsAt: '2023-09-24T10:00',
      endsAt: '2023-09-24T13:30',
      venue: {
        name: 'Arnsberger Wald',
        address: 'Treffpunkt Wanderparkplatz, 59759 Arnsberg',
        latitude: 51.4302,
        longitude: 8.0417,
      },
      tags: ['klimaanpassung', 'wald'],
    },
    {
      key: 'empfang-rathaus',
      kind: 'other',
      title: 'Offizieller Empfang durch den Bürgermeister',
      description: 'Begrüßung der Delegation im Rathaus, Eintrag ins Goldene Buch der Stadt, Pressetermin.',
      startsAt: '2023-09-25T09:30',
      endsAt: '2023-09-25T11:00',
      venue: RATHAUS_ARNSBERG,
    },
    {
      key: 'klaeranlage',
      kind: 'site_visit',
      title: 'Besuch der Kläranlage Arnsberg-Neheim',
      description:
        'Abwasserreinigung und Gewässerschutz an der Ruhr – ein Themenfeld, das in Morogoro mit dem Wachstum der ' +
        'Stadt an Bedeutung gewinnt.',
      startsAt: '2023-09-25T13:30',
      endsAt: '2023-09-25T15:30',
      venue: { name: 'Kläranlage Neheim', address: 'Arnsberg-Neheim', latitude: 51.4611, longitude: 7.9514 },
      tags: ['wasser', 'abwasser'],
    },
    {
      key: 'fachworkshop-handlungskonzept',
      kind: 'workshop',
      title: 'Fachworkshop: Handlungskonzept Agenda 2030 – Wasser, Abfall, Klima, Bildung',
      description:
        'Gemeinsame Arbeitssitzung der Fachleute beider Verwaltungen: Handlungsfelder auswählen, Ziele und erste ' +
        'Maßnahmen skizzieren. Working language English.',
      startsAt: '2023-09-26T09:00',
      endsAt: '2023-09-26T12:30',
      venue: { ...RATHAUS_ARNSBERG, name: 'Rathaus Arnsberg – Sitzungssaal 1' },
      capacity: 24,
      tags: ['agenda2030', 'workshop'],
    },
    {
      key: 'wertstoffhof',
      kind: 'site_visit',
      title: 'Abfallwirtschaft: Wertstoffhof und Umweltbildung',
      description: 'Getrennte Sammlung, Kompostierung und Abfallberatung für Schulen und Haushalte.',
      startsAt: '2023-09-26T14:00',
      endsAt: '2023-09-26T16:00',
      venue: {
        name: 'Wertstoffhof Arnsberg',
        address: '59759 Arnsberg',
        latitude: 51.4468,
        longitude: 7.9858,
      },
      tags: ['abfall'],
    },
    {
      key: 'abschlussgespraech',
      kind: 'other',
      title: 'Abschlussgespräch und Vorbereitung der Entsendung nach Morogoro',
      description: 'Vereinbarungen zu Programm, Teilnehmenden und Themen der Entsendung im Februar 2024.',
      startsAt: '2023-09-27T09:00',
      endsAt: '2023-09-27T11:00',
      venue: RATHAUS_ARNSBERG,
    },
    {
      key: 'transfer-flughafen',
      kind: 'travel_leg',
      title: 'Transfer zum Flughafen Frankfurt (FRA)',
      description: 'Kleinbus ab Rathaus; Rückflug der Delegation am Abend.',
      startsAt: '2023-09-27T12:00',
      endsAt: '2023-09-27T14:45',
      venue: RATHAUS_ARNSBERG,
      visibility: 'internal',
    },
  ],
};

/** Times of the travel legs are in the zone where each leg departs and arrives. */
export const EXCHANGE_TRIP_2024: EventRecord = {
  key: 'knp-entsendung-morogoro-2024',
  kind: 'exchange_trip',
  title: 'Entsendung von Akteur:innen aus Arnsberg nach Morogoro',
  description:
    'Gegenbesuch: Fachleute aus der Arnsberger Verwaltung, aus Schulen und der lokalen Wirtschaft reisen nach ' +
    'Morogoro. Ortstermine zu Trinkwasser, Abfallwirtschaft und klimaangepasster Landwirtschaft, gemeinsame ' +
    'Workshops zum Handlungskonzept Agenda 2030 und Begegnungen mit der Zivilgesellschaft.\n\n' +
    'Arnsberg delegation to Morogoro, 10–17 February 2024. Karibu Morogoro!',
  startsAt: '2024-02-10',
  endsAt: '2024-02-17',
  allDay: true,
  venue: { name: 'Morogoro', address: 'Morogoro, Tanzania', latitude: -6.8211, longitude: 37.6617 },
  host: 'ARN',
  coHosts: ['MORO'],
  partnership: PARTNERSHIP,
  capacity: 8,
  tags: ['knp', 'entsendung', 'morogoro'],
  parts: [
    {
      key: 'bahn-hinreise',
      kind: 'travel_leg',
      title: 'Bahnfahrt Arnsberg – Frankfurt Flughafen',
      description: 'Treffpunkt Bahnhof Neheim-Hüsten, Gruppenticket.',
      startsAt: '2024-02-10T08:15',
      endsAt: '2024-02-10T12:10',
      startZone: BERLIN,
      venue: {
        name: 'Bahnhof Neheim-Hüsten',
        address: 'Bahnhofstraße, 59759 Arnsberg',
        latitude: 51.4566,
        longitude: 7.9587,
      },
      visibility: 'internal',
    },
    {
      key: 'flug-hinreise',
      kind: 'travel_leg',
      title: 'Flug Frankfurt (FRA) – Dar es Salaam (DAR) über Doha',
      description:
        'Abflug 16:20 Uhr Ortszeit Frankfurt, Ankunft 07:35 Uhr Ortszeit Dar es Salaam am Folgetag.',
      startsAt: '2024-02-10T16:20',
      startZone: BERLIN,
      endsAt: '2024-02-11T07:35',
      endZone: MOROGORO,
      venue: FRANKFURT_AIRPORT,
      tags: ['flug'],
    },
    {
      key: 'transfer-morogoro',
      kind: 'travel_leg',
      title: 'Transfer Dar es Salaam – Morogoro',
      description: 'Rund 190 km über die Morogoro Road; Fahrzeug gestellt vom Morogoro Municipal Council.',
      startsAt: '2024-02-11T09:30',
      endsAt: '2024-02-11T13:30',
      startZone: MOROGORO,
      venue: DAR_AIRPORT,
    },
    {
      key: 'unterkunft',
      kind: 'accommodation',
      title: 'Unterkunft in Morogoro',
      description: 'Hotel im Stadtzentrum, fußläufig zum Municipal Council.',
      startsAt: '2024-02-11',
      endsAt: '2024-02-16',
      allDay: true,
      startZone: MOROGORO,
      venue: {
        name: 'Partnerhotel in Morogoro',
        address: 'Old Dar es Salaam Road, Morogoro, Tanzania',
        latitude: -6.8198,
        longitude: 37.6689,
      },
      visibility: 'internal',
    },
    {
      key: 'empfang-council',
      kind: 'other',
      title: 'Empfang beim Morogoro Municipal Council / Courtesy call',
      description: 'Begrüßung durch den Municipal Director und den Mayor, Vorstellung der Fachabteilungen.',
      startsAt: '2024-02-12T09:00',
      endsAt: '2024-02-12T11:00',
      startZone: MOROGORO,
      venue: COUNCIL_MOROGORO,
    },
    {
      key: 'mindu-staudamm',
      kind: 'site_visit',
      title: 'Mindu-Staudamm: Trinkwasserversorgung für Morogoro',
      description:
        'Besuch mit dem Wasserversorger MORUWASA: Wasserqualität, Schutz des Einzugsgebiets in den Uluguru-Bergen, ' +
        'Versorgung einer schnell wachsenden Stadt.',
      startsAt: '2024-02-12T13:30',
      endsAt: '2024-02-12T16:30',
      startZone: MOROGORO,
      venue: { name: 'Mindu Dam', address: 'Morogoro, Tanzania', latitude: -6.8561, longitude: 37.6214 },
      tags: ['wasser'],
    },
    {
      key: 'workshop-bestandsaufnahme',
      kind: 'workshop',
      title: 'Workshop: Bestandsaufnahme für das Handlungskonzept Agenda 2030',
      description:
        'Gemeinsame Analyse der Ausgangslage in beiden Städten entlang der SDGs. Working language English.',
      startsAt: '2024-02-13T09:00',
      endsAt: '2024-02-13T13:00',
      startZone: MOROGORO,
      venue: COUNCIL_MOROGORO,
      capacity: 30,
      tags: ['agenda2030', 'sdg'],
    },
    {
      key: 'abfallwirtschaft',
      kind: 'site_visit',
      title: 'Abfallwirtschaft: Deponie und Kompostierungsinitiative',
      description:
        'Wie Morogoro Abfälle sammelt und verwertet; Besuch einer Frauengruppe, die Kompost herstellt.',
      startsAt: '2024-02-13T14:30',
      endsAt: '2024-02-13T17:00',
      startZone: MOROGORO,
      venue: {
        name: 'Städtische Deponie Morogoro',
        address: 'Morogoro, Tanzania',
        latitude: -6.7905,
        longitude: 37.6321,
      },
      tags: ['abfall'],
    },
    {
      key: 'sokoine-university',
      kind: 'site_visit',
      title: 'Sokoine University of Agriculture: Klimaangepasste Landwirtschaft',
      description:
        'Forschung zu Bodenschutz und Agroforstwirtschaft; Möglichkeiten für Kooperationen mit Schulen.',
      startsAt: '2024-02-14T09:00',
      endsAt: '2024-02-14T12:00',
      startZone: MOROGORO,
      venue: {
        name: 'Sokoine University of Agriculture',
        address: 'Morogoro, Tanzania',
        latitude: -6.8467,
        longitude: 37.6585,
      },
      tags: ['klima', 'bildung'],
    },
    {
      key: 'markt',
      kind: 'site_visit',
      title: 'Zentralmarkt: Lokale Wirtschaft und faire Lieferketten',
      description:
        'Gespräche mit Händler:innen und Kleinunternehmen; Bezug zu Fairtrade-Initiativen in Arnsberg.',
      startsAt: '2024-02-14T14:00',
      endsAt: '2024-02-14T16:00',
      startZone: MOROGORO,
      venue: {
        name: 'Zentralmarkt Morogoro',
        address: 'Morogoro, Tanzania',
        latitude: -6.8229,
        longitude: 37.6637,
      },
      tags: ['wirtschaft', 'fairtrade'],
    },
    {
      key: 'schulbesuch-baumpflanzung',
      kind: 'site_visit',
      title: 'Schulbesuch und Baumpflanzaktion',
      description: 'Globales Lernen: Schülerinnen und Schüler pflanzen gemeinsam mit der Delegation Bäume.',
      startsAt: '2024-02-15T09:00',
      endsAt: '2024-02-15T12:00',
      startZone: MOROGORO,
      venue: {
        name: 'Primary School, Morogoro',
        address: 'Morogoro, Tanzania',
        latitude: -6.8302,
        longitude: 37.6551,
      },
      tags: ['bildung', 'klima'],
    },
    {
      key: 'abschlussworkshop',
      kind: 'workshop',
      title: 'Abschlussworkshop: Maßnahmen, Zuständigkeiten und nächste Schritte',
      description:
        'Ergebnisse der Woche, Maßnahmenliste für das Handlungskonzept, Verantwortliche auf beiden Seiten.',
      startsAt: '2024-02-15T14:00',
      endsAt: '2024-02-15T17:00',
      startZone: MOROGORO,
      venue: COUNCIL_MOROGORO,
      capacity: 30,
      tags: ['agenda2030'],
    },
    {
      key: 'transfer-dar-es-salaam',
      kind: 'travel_leg',
      title: 'Transfer Morogoro – Flughafen Dar es Salaam',
      description: 'Abfahrt am Hotel; Puffer für den Verkehr in Dar es Salaam eingeplant.',
      startsAt: '2024-02-16T08:30',
      endsAt: '2024-02-16T13:00',
      startZone: MOROGORO,
      venue: COUNCIL_MOROGORO,
      visibility: 'internal',
    },
    {
      key: 'flug-rueckreise',
      kind: 'travel_leg',
      title: 'Flug Dar es Salaam (DAR) – Frankfurt (FRA) über Doha',
      description:
        'Abflug 17:05 Uhr Ortszeit Dar es Salaam, Ankunft 06:25 Uhr Ortszeit Frankfurt am Folgetag.',
      startsAt: '2024-02-16T17:05',
      startZone: MOROGORO,
      endsAt: '2024-02-17T06:25',
      endZone: BERLIN,
      venue: DAR_AIRPORT,
      tags: ['flug'],
    },
    {
      key: 'bahn-rueckreise',
      kind: 'travel_leg',
      title: 'Bahnfahrt Frankfurt Flughafen – Arnsberg',
      description: 'Rückfahrt nach Neheim-Hüsten.',
      startsAt: '2024-02-17T08:30',
      endsAt: '2024-02-17T12:30',
      startZone: BERLIN,
      venue: FRANKFURT_AIRPORT,
      visibility: 'internal',
    },
  ],
};

export const MOROGORO_PARTNERSHIP_EVENTS: EventRecord[] = [
  SIGNING,
  FIRST_VIRTUAL_MEETING,
  KICKOFF_CONFERENCE_HAMM,
  DELEGATION_VISIT_2023,
  EXCHANGE_TRIP_2024,
];
