import { VenueInput } from '@app/planning';
import { EventRecord } from './programme.types';

const RATHAUS_ARNSBERG = {
  address: 'Rathausplatz 2, 59759 Arnsberg',
  latitude: 51.449611,
  longitude: 7.965278,
};

function room(name: string): VenueInput {
  return { name: `Rathaus Arnsberg – ${name}`, ...RATHAUS_ARNSBERG };
}

const DAY = '2022-10-20';
const FIRST_ROUND = { startsAt: `${DAY}T10:00`, endsAt: `${DAY}T12:00` };
const SECOND_ROUND = { startsAt: `${DAY}T13:00`, endsAt: `${DAY}T15:00` };

/**
 * The first joint city day of Arnsberg and Sundern (2022). The source names the year and the
 * motto; the date and the rooms are plausible choices. The workshops run in two parallel rounds,
 * one per department of both administrations.
 */
export const STAEDTETAG_2022: EventRecord = {
  key: 'staedtetag-2022',
  kind: 'city_day',
  title: 'Städtetag Arnsberg–Sundern 2022: Herausforderungen gemeinsam angehen',
  description:
    'Erster gemeinsamer Städtetag der Städte Arnsberg und Sundern unter dem Motto „Herausforderungen gemeinsam ' +
    'angehen“. Der Städtetag ist als interdisziplinärer Austausch angelegt: Für alle Bereiche beider Verwaltungen ' +
    'werden Themen ausgetauscht, Problemsituationen erörtert und Möglichkeiten weiterer Kooperationen erarbeitet. ' +
    'Ziel ist es, neue Felder interkommunaler Zusammenarbeit – auch zeitlich begrenzt, projekt- oder themenbezogen – ' +
    'zu erörtern, Synergien zu entwickeln und gemeinsame Ziele für die Zukunft zu definieren.\n\n' +
    'Ablauf: Eröffnung im Plenum, zwei Runden paralleler Fachworkshops je Fachbereich, Abschlussplenum mit den ' +
    'Ergebnissen und nächsten Schritten.',
  startsAt: `${DAY}T08:30`,
  endsAt: `${DAY}T16:30`,
  venue: { name: 'Rathaus Arnsberg', ...RATHAUS_ARNSBERG },
  host: 'ARN',
  coHosts: ['SUN'],
  partnership: 'ikz-arnsberg-sundern',
  capacity: 180,
  tags: [
    'städtetag',
    'interkommunal',
    'digitalisierung',
    'klima',
    'umwelt',
    'verwaltung',
    'wirtschaftsförderung',
  ],
  parts: [
    {
      key: 'ankommen',
      kind: 'other',
      title: 'Ankommen, Kaffee und Anmeldung',
      description: 'Namensschilder und Raumplan liegen am Empfang im Foyer bereit.',
      startsAt: `${DAY}T08:30`,
      endsAt: `${DAY}T09:00`,
      venue: room('Foyer'),
    },
    {
      key: 'eroeffnung',
      kind: 'session',
      title: 'Eröffnung: Gemeinsam nachhaltig erfolgreich',
      description:
        'Begrüßung durch die Bürgermeister beider Städte. Warum Arnsberg und Sundern aktuellen Herausforderungen ' +
        'gemeinsam begegnen wollen und was der Städtetag erreichen soll: gemeinsame Herausforderungen beschreiben, ' +
        'gemeinsame Ziele und Handlungsoptionen definieren.',
      startsAt: `${DAY}T09:00`,
      endsAt: `${DAY}T09:45`,
      venue: room('Ratssaal'),
      capacity: 180,
      tags: ['plenum'],
    },
    {
      key: 'digitalisierung',
      kind: 'workshop',
      title: 'Workshop Digitalisierung: Gemeinsam zur digitalen Verwaltung',
      description:
        'Online-Zugangsgesetz, E-Akte und digitale Antragsstrecken: Wo stehen beide Verwaltungen, welche Verfahren ' +
        'lassen sich gemeinsam entwickeln oder betreiben? Austausch zu IT-Sicherheit und gemeinsamer Beschaffung.',
      ...FIRST_ROUND,
      venue: room('Sitzungssaal 1'),
      capacity: 25,
      tags: ['digitalisierung', 'verwaltung', 'ozg'],
    },
    {
      key: 'klimaschutz',
      kind: 'workshop',
      title: 'Workshop Klimaschutz: Klimaschutzkonzepte und kommunale Wärmeplanung',
      description:
        'Die Klimaschutzmanagerinnen beider Städte stellen ihre Konzepte vor. Gemeinsame Themen: Wärmeplanung, ' +
        'Photovoltaik auf kommunalen Dächern, Förderprogramme und Öffentlichkeitsarbeit.',
      ...FIRST_ROUND,
      venue: room('Sitzungssaal 2'),
      capacity: 20,
      tags: ['klima', 'energie'],
    },
    {
      key: 'wirtschaftsfoerderung',
      kind: 'workshop',
      title: 'Workshop Wirtschaftsförderung: Fachkräfte, Gewerbeflächen, Innenstädte',
      description:
        'Gemeinsame Standortvermarktung im Sauerland, Gewerbeflächenentwicklung über Stadtgrenzen hinweg und ' +
        'Belebung der Innenstädte. Der Arbeitskreis erarbeitet erste gemeinsame Projekte.',
      ...FIRST_ROUND,
      venue: room('Besprechungsraum 2.10'),
      capacity: 20,
      tags: ['wirtschaftsförderung', 'innenstadt'],
    },
    {
      key: 'umwelt',
      kind: 'workshop',
      title: 'Workshop Umwelt: Wald, Gewässer und Klimafolgenanpassung',
      description:
        'Schadflächen im Wald nach Dürre und Borkenkäfer, Starkregenvorsorge und Gewässerschutz an Ruhr und Röhr: ' +
        'Erfahrungen austauschen und gemeinsame Maßnahmen prüfen.',
      ...FIRST_ROUND,
      venue: room('Besprechungsraum 2.12'),
      capacity: 20,
      tags: ['umwelt', 'klimaanpassung'],
    },
    {
      key: 'mittagspause',
      kind: 'other',
      title: 'Mittagspause',
      description:
        'Gemeinsames Mittagessen im Foyer – Gelegenheit zum Austausch über die Fachbereiche hinweg.',
      startsAt: `${DAY}T12:00`,
      endsAt: `${DAY}T13:00`,
      venue: room('Foyer'),
    },
    {
      key: 'personal-organisation',
      kind: 'workshop',
      title: 'Workshop Personal und Organisation: Fachkräfte gewinnen und halten',
      description:
        'Ausbildung, gemeinsame Stellenausschreibungen, Hospitationen zwischen beiden Verwaltungen und mobiles ' +
        'Arbeiten. Nur für Beschäftigte beider Verwaltungen.',
      ...SECOND_ROUND,
      venue: room('Sitzungssaal 1'),
      capacity: 20,
      visibility: 'internal',
      tags: ['personal', 'verwaltung'],
    },
    {
      key: 'bauen-planen',
      kind: 'workshop',
      title: 'Workshop Bauen und Planen: Bauleitplanung, Bauaufsicht und Mobilität',
      description:
        'Digitale Bauantragsverfahren, abgestimmte Flächennutzungsplanung und Radverkehrsverbindungen zwischen ' +
        'Arnsberg und Sundern.',
      ...SECOND_ROUND,
      venue: room('Sitzungssaal 2'),
      capacity: 25,
      tags: ['bauen', 'mobilität'],
    },
    {
      key: 'buergerdienste',
      kind: 'workshop',
      title: 'Workshop Bürgerdienste: Bürgerbüro, Standesamt und Online-Services',
      description:
        'Terminvergabe, Vertretungsregelungen und gemeinsame Online-Services: Wie werden die Bürgerdienste beider ' +
        'Städte für die Bürger:innen einfacher und verlässlicher?',
      ...SECOND_ROUND,
      venue: room('Besprechungsraum 2.10'),
      capacity: 20,
      tags: ['bürgerdienste', 'digitalisierung'],
    },
    {
      key: 'schule-jugend-soziales',
      kind: 'workshop',
      title: 'Workshop Schule, Jugend und Soziales',
      description:
        'Offene Ganztagsschule, Jugendarbeit und Integration: gemeinsame Angebote und Austausch von Erfahrungen.',
      ...SECOND_ROUND,
      venue: room('Besprechungsraum 2.12'),
      capacity: 20,
      tags: ['bildung', 'soziales'],
    },
    {
      key: 'abschlussplenum',
      kind: 'session',
      title: 'Abschlussplenum: Ergebnisse, gemeinsame Ziele und nächste Schritte',
      description:
        'Die Workshops stellen ihre Ergebnisse vor. Vereinbart werden gemeinsame Ziele und Handlungsoptionen sowie ' +
        'Ansprechpersonen für die weitere interkommunale Zusammenarbeit.',
      startsAt: `${DAY}T15:15`,
      endsAt: `${DAY}T16:30`,
      venue: room('Ratssaal'),
      capacity: 180,
      tags: ['plenum'],
    },
  ],
};
