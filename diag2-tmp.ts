import 'reflect-metadata';
import { FeedQueries, FeedsService, FeedTokensService } from '@app/feeds';
import { startApi } from './test/api-harness';

async function diag(): Promise<void> {
  const api = await startApi();
  try {
    const [org] = await api.dataSource.query(`INSERT INTO organisations (name, code, country, time_zone, default_locale) VALUES ('S','SMALL','DE','Europe/Berlin','de') RETURNING id`);
    await api.dataSource.query(`INSERT INTO events (kind, title, starts_at, start_zone, ends_at, end_zone, host_organisation_id, status) SELECT 'workshop', 'W' || g, now() + g * interval '1 hour', 'Europe/Berlin', now() + g * interval '1 hour' + interval '1 hour', 'Europe/Berlin', $1, 'published' FROM generate_series(1, 11000) g`, [org.id]);
    const [person] = await api.dataSource.query(`INSERT INTO people (name, email, organisation_id, locale, time_zone) VALUES ('J', 'j@x', $1, 'de', 'Europe/Berlin') RETURNING id`, [org.id]);
    await api.dataSource.query(`INSERT INTO invitations (event_id, person_id, status) SELECT id, $1, 'accepted' FROM events ORDER BY starts_at LIMIT 200`, [person.id]);
    const issued = await api.app.get(FeedTokensService).issue({ organisationId: org.id, role: 'admin' }, person.id);
    const token = issued.feed.url.split('/').pop()!.replace('.ics', '');
    const queries = api.app.get(FeedQueries) as unknown as { stateSql: (st: unknown, sc: unknown) => string };
    const st = { params: [] as unknown[], param(v: unknown) { this.params.push(v); return '$' + this.params.length; } };
    const sql = queries.stateSql(st, { kind: 'personal', lookupId: token.split('_')[1] });
    await api.dataSource.query('ANALYZE');
    for (let i = 0; i < 3; i++) {
      const plan = await api.dataSource.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql, st.params);
      if (i === 2) console.log(plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    }
    const feeds = api.app.get(FeedsService);
    for (let i = 0; i < 5; i++) { const t = performance.now(); await feeds.openPersonal(token, 'x'); console.log('open', (performance.now() - t).toFixed(2)); }
  } finally {
    await api.close();
  }
}
void diag();
