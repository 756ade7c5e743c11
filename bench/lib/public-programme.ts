/** Anything that runs SQL with positional parameters: a TypeORM DataSource or a pg Client. */
interface Sql {
  query(text: string, parameters?: unknown[]): Promise<unknown>;
}

const TOPICS = [
  'Klimaschutz',
  'Wärmeplanung',
  'Digitalisierung',
  'Bürgerbeteiligung',
  'Radverkehr',
  'Innenstadt',
  'Wasserversorgung',
  'Abfallwirtschaft',
  'Jugendarbeit',
  'Integration',
  'Kulturförderung',
  'Tourismus',
  'Wirtschaftsförderung',
  'Fachkräftesicherung',
  'Stadtentwicklung',
  'Denkmalschutz',
  'Schulentwicklung',
  'Sportstätten',
  'Starkregenvorsorge',
  'Nahverkehr',
  'Energieeffizienz',
  'Städtepartnerschaft',
  'Seniorenarbeit',
  'Inklusion',
  'Gesundheitsvorsorge',
  'Katastrophenschutz',
  'Verwaltungsmodernisierung',
  'Open Data',
  'Biodiversität',
  'Stadtgrün',
  'Wohnungsbau',
  'Mobilität',
  'Ehrenamt',
  'Agenda 2030',
  'Trinkwasser',
  'Photovoltaik',
  'Kinderbetreuung',
  'Bibliotheken',
  'Musikschule',
  'Friedhofswesen',
];
const FORMATS = [
  ['workshop', 'Workshop'],
  ['conference', 'Konferenz'],
  ['conference', 'Fachtag'],
  ['session', 'Sitzung'],
  ['session', 'Forum'],
  ['site_visit', 'Exkursion'],
  ['other', 'Empfang'],
  ['virtual_meeting', 'Online-Austausch'],
  ['workshop', 'Seminar'],
  ['other', 'Netzwerktreffen'],
  ['session', 'Infoabend'],
];
/** Rare formats: one event in about a hundred. */
const RARE_FORMATS = [
  ['city_day', 'Städtetag', 97],
  ['delegation_visit', 'Delegationsbesuch', 89],
] as const;
const PLACES = [
  'Arnsberg',
  'Sundern',
  'Hamm',
  'Meschede',
  'Soest',
  'Lippstadt',
  'Brilon',
  'Schmallenberg',
  'Winterberg',
  'Olsberg',
  'Marsberg',
  'Menden',
  'Iserlohn',
  'Unna',
  'Werl',
  'Morogoro',
  'Mufindi',
  'Warren',
  'Dortmund',
  'Bochum',
  'Hagen',
  'Lüdenscheid',
  'Attendorn',
  'Olpe',
  'Siegen',
  'Paderborn',
  'Bielefeld',
  'Münster',
  'Gütersloh',
  'Wickede',
];
const BUILDINGS = [
  'Rathaus',
  'Stadthalle',
  'Kulturzentrum',
  'Bürgerhaus',
  'Bibliothek',
  'Schützenhalle',
  'Kurhaus',
];

/**
 * A city network's public programme of `count` published public events over eleven years (a
 * third of them still to come), hosted by thirty organisations: titles, venues, tags and
 * descriptions drawn from municipal topics, formats and towns, so that a typical search matches
 * tens to a few thousand of them. Inserted in one statement; the
 * search index follows by its triggers.
 */
export async function insertPublicProgramme(sql: Sql, count: number): Promise<void> {
  const rare = (list: 'kinds' | 'formats', field: 0 | 1) =>
    `CASE ${RARE_FORMATS.map((format) => `WHEN g % ${format[2]} = 0 THEN '${format[field]}'`).join(' ')}
     ELSE ${list}[1 + g % cardinality(${list})] END`;
  await sql.query(
    `INSERT INTO organisations (name, code, country, time_zone, default_locale)
     SELECT CASE WHEN p IN ('Morogoro', 'Mufindi') THEN p || ' Municipal Council'
                 WHEN p = 'Warren' THEN 'City of Warren' ELSE 'Stadt ' || p END,
            upper(left(public_search_fold(p), 4)) || ordinality, 'DE', 'Europe/Berlin', 'de'
     FROM unnest($1::text[]) WITH ORDINALITY AS p`,
    [PLACES],
  );
  await sql.query(
    `WITH hosts AS (SELECT array_agg(id ORDER BY code) AS ids FROM organisations),
     draws AS (
       SELECT g, $1::text[] AS topics, $2::text[] AS formats, $3::text[] AS kinds, $4::text[] AS places,
         $5::text[] AS buildings,
         timestamptz '2019-01-01 08:00+01' + g * interval '57 minutes' + (g % 5) * interval '1 hour' AS s
       FROM generate_series(1, $6::int) AS g)
     INSERT INTO events (kind, title, description, starts_at, start_zone, ends_at, end_zone, venue_name,
       venue_address, host_organisation_id, status, visibility, tags)
     SELECT ${rare('kinds', 0)},
       ${rare('formats', 1)} || ' ' || topics[1 + (g / 7) % cardinality(topics)] || ' in '
         || places[1 + (g / 3) % cardinality(places)] || ' ' || extract(year FROM s),
       'Gemeinsam mit Partnern aus ' || places[1 + (g / 11) % cardinality(places)] || ' geht es um '
         || topics[1 + (g / 13) % cardinality(topics)]
         || '. Anmeldung bis eine Woche vorher; der Zugang ist barrierefrei.',
       s, 'Europe/Berlin', s + interval '3 hours', 'Europe/Berlin',
       buildings[1 + g % cardinality(buildings)] || ' ' || places[1 + (g / 3) % cardinality(places)],
       'Marktplatz ' || (1 + g % 40) || ', ' || places[1 + (g / 3) % cardinality(places)],
       hosts.ids[1 + (g / 5) % cardinality(hosts.ids)], 'published', 'public',
       ARRAY[lower(topics[1 + (g / 7) % cardinality(topics)]), lower(topics[1 + (g / 19) % cardinality(topics)])]
     FROM draws CROSS JOIN hosts`,
    [TOPICS, FORMATS.map(([, name]) => name), FORMATS.map(([kind]) => kind), PLACES, BUILDINGS, count],
  );
  await sql.query('ANALYZE');
}
