import { VenueInput } from '@app/planning';
import { FOLLOW_UP_NOTE } from './follow-up';
import { EventRecord } from './programme.types';

const RATHAUS_SUNDERN = {
  address: 'Rathausplatz 1, 59846 Sundern (Sauerland)',
  latitude: 51.32798,
  longitude: 8.00152,
};

function room(name: string): VenueInput {
  return { name: `Rathaus Sundern – ${name}`, ...RATHAUS_SUNDERN };
}

const DAY = '2027-06-10';
const FIRST_ROUND = { startsAt: `${DAY}T10:00`, endsAt: `${DAY}T12:00` };
const SECOND_ROUND = { startsAt: `${DAY}T13:00`, endsAt: `${DAY}T15:00` };

/**
 * The second joint city day, this time in Sundern: a follow-up the demo adds so that a newcomer
 * finds an upcoming city day with workshops to choose. Plenary parts have no capacity, so they
 * belong to every participant's programme; the workshops have seats.
 */
export const STAEDTETAG_2027: EventRecord = {
  key: 'staedtetag-2027',
  kind: 'city_day',
  title: 'Zweiter Städtetag Arnsberg–Sundern 2027: Gemeinsam nachhaltig erfolgreich',
  description:
    'Folgeveranstaltung des ersten Städtetags 2022: Nach Arnsberg lädt nun die Stadt Sundern die Beschäftigten beider ' +
    'Verwaltungen ein. Im Plenum ziehen beide Städte Bilanz der interkommunalen Zusammenarbeit seit 2022; in zwei Runden ' +
    'paralleler Fachworkshops werden die damals vereinbarten Vorhaben weitergeführt und neue verabredet.\n\n' +
    'Ablauf: Eröffnung im Plenum, zwei Runden paralleler Workshops (Plätze begrenzt, Auswahl über den Antwortlink), ' +
    'Abschlussplenum.' +
    FOLLOW_UP_NOTE,
  startsAt: `${DAY}T08:30`,
  endsAt: `${DAY}T16:30`,
  venue: { name: 'Rathaus Sundern', ...RATHAUS_SUNDERN },
  host: 'SUN',
  coHosts: ['ARN'],
  partnership: 'ikz-arnsberg-sundern',
  capacity: 160,
  tags: ['städtetag', 'interkommunal', 'digitalisierung', 'klima', 'verwaltung', 'folgetermin'],
  parts: [
    {
      key: 'ankommen',
      kind: 'other',
      title: 'Ankommen, Kaffee und Anmeldung',
      description: 'Namensschilder und Raumplan am Empfang im Foyer des Rathauses Sundern.',
      startsAt: `${DAY}T08:30`,
      endsAt: `${DAY}T09:00`,
      venue: room('Foyer'),
    },
    {
      key: 'eroeffnung',
      kind: 'session',
      title: 'Eröffnung: Fünf Jahre interkommunale Zusammenarbeit – was ist aus 2022 geworden?',
      description:
        'Begrüßung durch die Bürgermeister beider Städte; Bilanz der Vorhaben aus dem ersten Städtetag, ' +
        'Ziele für diesen Tag.',
      startsAt: `${DAY}T09:00`,
      endsAt: `${DAY}T09:45`,
      venue: room('Ratssaal'),
      tags: ['plenum'],
    },
    {
      key: 'digitalisierung',
      kind: 'workshop',
      title: 'Workshop Digitalisierung: Gemeinsame Fachverfahren und Online-Dienste',
      description:
        'Welche Fachverfahren betreiben beide Städte inzwischen gemeinsam, welche folgen? E-Akte, Online-Anträge ' +
        'und ein gemeinsamer IT-Notfallplan.',
      ...FIRST_ROUND,
      venue: room('Sitzungszimmer 1'),
      capacity: 20,
      tags: ['digitalisierung', 'verwaltung'],
    },
    {
      key: 'waermeplanung',
      kind: 'workshop',
      title: 'Workshop Klimaschutz: Kommunale Wärmeplanung gemeinsam umsetzen',
      description:
        'Die Wärmepläne beider Städte liegen vor: Wärmenetze an der Stadtgrenze, Beratung für Hauseigentümer:innen ' +
        'und gemeinsame Förderanträge.',
      ...FIRST_ROUND,
      venue: room('Sitzungszimmer 2'),
      capacity: 20,
      tags: ['klima', 'energie', 'wärmeplanung'],
    },
    {
      key: 'tourismus',
      kind: 'workshop',
      title: 'Workshop Wirtschaftsförderung und Tourismus: Sorpesee, Innenstädte, Fachkräfte',
      description:
        'Gemeinsame Vermarktung von Sorpesee und Arnsberger Wald, Leerstand in den Innenstädten und ' +
        'Fachkräftegewinnung für Betriebe beider Städte.',
      ...FIRST_ROUND,
      venue: room('Besprechungsraum 104'),
      capacity: 15,
      tags: ['wirtschaftsförderung', 'tourismus'],
    },
    {
      key: 'starkregen',
      kind: 'workshop',
      title: 'Workshop Umwelt: Starkregenvorsorge an Röhr und Ruhr',
      description:
        'Starkregengefahrenkarten, Rückhalteflächen und Warnung der Bevölkerung über Stadtgrenzen hinweg.',
      ...FIRST_ROUND,
      venue: room('Besprechungsraum 106'),
      capacity: 15,
      tags: ['umwelt', 'klimaanpassung'],
    },
    {
      key: 'mittagspause',
      kind: 'other',
      title: 'Mittagspause',
      description: 'Mittagessen im Foyer – Austausch über die Fachbereiche hinweg.',
      startsAt: `${DAY}T12:00`,
      endsAt: `${DAY}T13:00`,
      venue: room('Foyer'),
    },
    {
      key: 'ki-praxislabor',
      kind: 'workshop',
      title: 'Praxislabor KI in der Verwaltung (kleine Gruppe)',
      description:
        'Erste Erfahrungen mit KI-Assistenz beim Schreiben von Bescheiden und Beantworten von Bürgeranfragen: ' +
        'Regeln, Datenschutz, gemeinsame Pilotprojekte. Bewusst kleine Gruppe, Plätze sehr begrenzt.',
      ...SECOND_ROUND,
      venue: room('Besprechungsraum 104'),
      capacity: 4,
      tags: ['digitalisierung', 'ki'],
    },
    {
      key: 'personal',
      kind: 'workshop',
      title: 'Workshop Personal: Gemeinsame Ausbildung und Hospitationen',
      description:
        'Gemeinsamer Ausbildungsjahrgang, Hospitationen zwischen beiden Verwaltungen und Vertretung in kleinen ' +
        'Fachbereichen. Nur für Beschäftigte beider Verwaltungen.',
      ...SECOND_ROUND,
      venue: room('Sitzungszimmer 1'),
      capacity: 20,
      visibility: 'internal',
      tags: ['personal', 'verwaltung'],
    },
    {
      key: 'bauen-mobilitaet',
      kind: 'workshop',
      title: 'Workshop Bauen und Mobilität: Radverbindung Arnsberg–Sundern',
      description:
        'Stand der Radverbindung durch das Röhrtal, digitale Bauanträge und abgestimmte Flächenplanung.',
      ...SECOND_ROUND,
      venue: room('Sitzungszimmer 2'),
      capacity: 20,
      tags: ['bauen', 'mobilität'],
    },
    {
      key: 'buergerdienste',
      kind: 'workshop',
      title: 'Workshop Bürgerdienste: Ein Terminservice für beide Städte',
      description:
        'Gemeinsame Online-Terminvergabe und gegenseitige Vertretung der Bürgerbüros in den Ferien.',
      ...SECOND_ROUND,
      venue: room('Besprechungsraum 106'),
      capacity: 15,
      tags: ['bürgerdienste', 'digitalisierung'],
    },
    {
      key: 'abschlussplenum',
      kind: 'session',
      title: 'Abschlussplenum: Ergebnisse und Vereinbarungen bis zum nächsten Städtetag',
      description:
        'Die Workshops stellen ihre Ergebnisse vor; beide Städte verabreden Vorhaben und Zuständige.',
      startsAt: `${DAY}T15:15`,
      endsAt: `${DAY}T16:30`,
      venue: room('Ratssaal'),
      tags: ['plenum'],
    },
  ],
};
