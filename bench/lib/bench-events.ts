/** Anything that runs SQL with positional parameters: a TypeORM DataSource or a pg Client. */
interface Sql {
  query(text: string, parameters: unknown[]): Promise<unknown>;
}

/**
 * `count` events of one host, 37 minutes apart from tomorrow on, across a daylight-saving switch:
 * mixed zones (flights to Dar es Salaam, calls in Chicago), all-day stays, venues, tags, and text
 * that needs escaping. With `someHidden`, every 20th is a draft and every 9th internal; otherwise
 * all are published and public.
 */
export async function insertBenchEvents(
  sql: Sql,
  hostOrganisationId: string,
  count: number,
  options: { someHidden: boolean },
): Promise<void> {
  const status = options.someHidden
    ? `CASE WHEN g % 20 = 0 THEN 'draft' ELSE 'published' END`
    : `'published'`;
  const visibility = options.someHidden
    ? `CASE WHEN g % 9 = 0 THEN 'internal' ELSE 'public' END`
    : `'public'`;
  await sql.query(
    `INSERT INTO events (kind, title, description, starts_at, start_zone, ends_at, end_zone, all_day, venue_name,
       venue_address, venue_latitude, venue_longitude, online_url, host_organisation_id, status, visibility, tags,
       sequence, reminder_offsets)
     SELECT
       CASE WHEN g % 10 = 0 THEN 'travel_leg' WHEN g % 7 = 0 THEN 'accommodation' ELSE 'workshop' END,
       'Workshop Nr. ' || g || ' – Klima, Wärme; Wasser 🌍',
       E'Beschreibung für Termin ' || g || E'.\\nZweite Zeile, mit Komma; und Semikolon.',
       CASE WHEN g % 7 = 0 THEN date_trunc('day', s AT TIME ZONE 'Europe/Berlin') AT TIME ZONE 'Europe/Berlin' ELSE s END,
       CASE WHEN g % 5 = 0 AND g % 10 <> 0 THEN 'America/Chicago' ELSE 'Europe/Berlin' END,
       CASE WHEN g % 7 = 0 THEN (date_trunc('day', s AT TIME ZONE 'Europe/Berlin') + interval '2 days') AT TIME ZONE 'Europe/Berlin'
            WHEN g % 10 = 0 THEN s + interval '10 hours' ELSE s + interval '90 minutes' END,
       CASE WHEN g % 10 = 0 THEN 'Africa/Dar_es_Salaam' WHEN g % 5 = 0 THEN 'America/Chicago' ELSE 'Europe/Berlin' END,
       g % 7 = 0,
       'Kulturzentrum ' || (g % 50), 'Ostring ' || (g % 90) || ', 59065 Hamm', 51.68, 7.82,
       CASE WHEN g % 4 = 0 THEN 'https://meet.example.org/room-' || g END,
       $1, ${status}, ${visibility}, ARRAY['klima', 'digitalisierung'], g % 3, ARRAY[10080, 1440]
     FROM generate_series(1, $2::int) AS g, LATERAL (SELECT now() + interval '1 day' + g * interval '37 minutes' AS s) t`,
    [hostOrganisationId, count],
  );
}
