import { createHash } from 'node:crypto';
import type { CalendarEvent } from '@app/calendar';
import type { FeedsConfig } from '@app/config';
import { FeedScope, PublicFeedFilter } from './feed-scope';

/** What the queries need of a database: TypeORM's DataSource, or a pg pool in the render thread. */
export interface FeedDatabase {
  query<Row>(sql: string, parameters: unknown[]): Promise<Row[]>;
}

/** Which past and cancelled events feeds still show. */
export type FeedWindow = Pick<FeedsConfig, 'pastDays' | 'cancelledRetentionDays'>;

/** Who or what a feed is about, as its header shows it. */
export interface FeedSubject {
  id: string | null;
  name: string;
  timeZone: string | null;
  changedAt: Date | null;
  /** Personal feeds: the person's language, which the feed's texts are in where translated. */
  language?: string;
}

/** A state as read, with the entry keys it was summarised from (see `entryKeys`). */
export interface ReadFeedState extends FeedState {
  entryList: string;
}

/**
 * What a feed contains, summarised by one query: its rendered bytes can only differ when one of
 * these values differs. The digest covers the entry key of every event in feed order (see
 * `entryKey`), so a change saved by a transaction that started before the newest one still shows.
 */
export interface FeedState {
  subject: FeedSubject;
  count: number;
  changedAt: Date | null;
  /** SHA-256 of the entry keys joined by commas, as `entryKeys` returns them. */
  digest: string;
  /** Personal feeds: the stored digest of the token's secret, compared by the caller. */
  secretDigest?: Buffer;
}

export interface FeedRow extends CalendarEvent {
  visibility: 'public' | 'internal';
  hostName: string;
  /** Only in listings for the public calendar page. */
  hostCode?: string;
  /** Personal feeds: the person's invitation status for the event or the event it belongs to. */
  invitationStatus?: string;
  reminderOffsets?: number[];
  /** What the row's VEVENT shows, as a key (see `entryKey`); only from `rows`. */
  entryKey?: string;
  /** Personal feeds: the language the texts were written in, when some text is not in the person's. */
  fellBackTo?: 'de' | 'en' | 'sw' | null;
  /** Personal feeds: who hosts the person at this event, or whom they host (libs/hosting's `host_schedule`). */
  hosting?: FeedHostLine[] | null;
  /** Personal feeds: the person's language, for the hosting lines. */
  locale?: string;
}

/** A host assignment as a personal feed's entry lists it. */
export interface FeedHostLine {
  role: 'host_family' | 'guide' | 'interpreter' | 'driver';
  /** The host, or on a host's own feed the guest (`asHost`). */
  name: string;
  asHost: boolean;
  night: string | null;
  phone: string | null;
  address: string | null;
  notes: string;
}

/**
 * The hosting of an event for the feed's person, as a guest or as the host: from the view the
 * hosting lib publishes, with the other side's name. `who` is the person's id.
 */
const HOSTING_OF_EVENT = (who: string) => `FROM host_schedule h
  JOIN people hp ON hp.id = h.host_person_id JOIN people hg ON hg.id = h.guest_person_id
  WHERE h.event_id = e.id AND (h.guest_person_id = ${who} OR h.host_person_id = ${who})`;
const TOKEN_PERSON = '(SELECT person_id FROM token)';
const HOSTING_COLUMN = `(SELECT json_agg(json_build_object('role', h.role, 'night', h.night, 'phone', h.phone,
    'address', h.address, 'notes', h.notes, 'asHost', h.host_person_id = ${TOKEN_PERSON},
    'name', CASE WHEN h.host_person_id = ${TOKEN_PERSON} THEN hg.name ELSE hp.name END)
    ORDER BY h.night, h.role, hp.name, hg.name) ${HOSTING_OF_EVENT(TOKEN_PERSON)}) AS "hosting",
  (SELECT locale FROM people WHERE id = ${TOKEN_PERSON}) AS "locale"`;
/** What the hosting lines show, as part of the entry key: how many, and when any of them or its people last changed. */
const HOSTING_KEY = `(SELECT concat(count(*), ':', (extract(epoch FROM max(greatest(h.updated_at, hp.updated_at,
    hg.updated_at))) * 1000000)::bigint) ${HOSTING_OF_EVENT(TOKEN_PERSON)})`;

const TIMES_AND_PLACE = `e.starts_at AS "startsAt", e.start_zone AS "startZone",
  e.ends_at AS "endsAt", e.end_zone AS "endZone", e.all_day AS "allDay", e.venue_name AS "venueName",
  e.venue_address AS "venueAddress", e.venue_latitude::float8 AS "venueLatitude",
  e.venue_longitude::float8 AS "venueLongitude", e.online_url AS "onlineUrl", e.status, e.visibility, e.tags,
  e.sequence, e.created_at AS "createdAt", e.updated_at AS "updatedAt", o.name AS "hostName"`;

const EVENT_COLUMNS = `e.id, e.kind, e.title, e.description, e.venue_notes AS "venueNotes", ${TIMES_AND_PLACE}`;

/**
 * A personal feed's texts in the person's language (token.language): planning's rule
 * (`eventTextsIn`) written as SQL, because the render thread reads rows without loading planning.
 * Each text is the translation's where it has one, else the original; `fellBackTo` names the
 * original language when some text shown is not in the person's.
 */
const TRANSLATED = `CASE WHEN e.original_language <> token.language THEN e.translations -> token.language END`;
const PERSONAL_TEXTS = ['title', 'description', 'venueNotes'] as const;
const ORIGINAL_COLUMN = { title: 'e.title', description: 'e.description', venueNotes: 'e.venue_notes' };
const PERSONAL_EVENT_COLUMNS = `e.id, e.kind, ${PERSONAL_TEXTS.map(
  (text) => `coalesce(nullif(${TRANSLATED} ->> '${text}', ''), ${ORIGINAL_COLUMN[text]}) AS "${text}"`,
).join(', ')},
  CASE WHEN e.original_language <> token.language AND (${PERSONAL_TEXTS.map(
    (text) =>
      `(${ORIGINAL_COLUMN[text]} <> '' AND coalesce(e.translations -> token.language ->> '${text}', '') = '')`,
  ).join(' OR ')}) THEN e.original_language END AS "fellBackTo", ${TIMES_AND_PLACE}`;

const FEED_ORDER = 'e.starts_at, e.ends_at DESC, e.id';

/**
 * Everything a VEVENT shows, as a short text: the event's id, sequence, status and change time
 * (every column of it moves updated_at), the change time of its host (whose name is the
 * organiser) and, in personal feeds, whether the person accepted and who hosts them there (or whom
 * they host). Equal keys, equal VEVENTs: feeds keep rendered entries under it. Times in microseconds, the precision PostgreSQL keeps.
 */
function entryKey(scope: FeedScope): string {
  const common = `e.id, e.sequence, e.status, (extract(epoch FROM e.updated_at) * 1000000)::bigint,
    (extract(epoch FROM o.updated_at) * 1000000)::bigint`;
  return scope.kind === 'personal'
    ? `concat_ws(' ', ${common}, CASE WHEN src.invitation_status = 'accepted' THEN 'accepted' ELSE 'open' END,
        token.language, ${HOSTING_KEY})`
    : `concat_ws(' ', ${common})`;
}

function entryList(scope: FeedScope): string {
  return `coalesce(string_agg(${entryKey(scope)}, ',' ORDER BY ${FEED_ORDER}), '')`;
}

function summaryColumns(scope: FeedScope, changedAt = 'greatest(e.updated_at, o.updated_at)'): string {
  return `count(*)::int AS count, max(${changedAt}) AS "changedAt", ${entryList(scope)} AS "entryList"`;
}

/** Collects positional parameters while a statement is written. */
class Statement {
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * The SQL behind every feed: for each scope one query for its state (what the cache key is made
 * of) and one for its rows. Both use the same conditions, so a key never names other rows than
 * the ones rendered under it. Rows come as plain objects in the shape @app/calendar maps, without
 * entity hydration, because an organisation's feed may hold ten thousand events. Plain (no Nest
 * decorators, no TypeORM), so that the render thread runs it on a pg pool of its own.
 */
export class FeedQueries {
  constructor(
    private readonly database: FeedDatabase,
    private readonly config: FeedWindow,
  ) {}

  async state(scope: FeedScope): Promise<ReadFeedState | null> {
    const statement = new Statement();
    const sql = this.stateSql(statement, scope);
    const rows = await this.database.query<Record<string, unknown>>(sql, statement.params);
    const row = rows[0];
    if (!row) return null;
    return {
      subject: {
        id: (row.subjectId as string | null) ?? null,
        name: row.subjectName as string,
        timeZone: (row.subjectZone as string | null) ?? null,
        changedAt: (row.subjectChangedAt as Date | null) ?? null,
        ...(row.subjectLanguage ? { language: row.subjectLanguage as string } : {}),
      },
      count: row.count as number,
      changedAt: (row.changedAt as Date | null) ?? null,
      digest: createHash('sha256')
        .update(row.entryList as string)
        .digest('base64url'),
      entryList: row.entryList as string,
      ...(row.secretDigest ? { secretDigest: row.secretDigest as Buffer } : {}),
    };
  }

  /** The feed's events in feed order; only those with the given ids when `ids` is set. */
  async rows(scope: FeedScope, subjectId: string | null, ids?: string[]): Promise<FeedRow[]> {
    const statement = new Statement();
    const { prefix, from } = this.source(statement, scope, subjectId);
    const only = ids ? ` AND e.id = ANY(${statement.param(ids)}::uuid[])` : '';
    return this.database.query(
      `${prefix} SELECT ${scope.kind === 'personal' ? `${PERSONAL_EVENT_COLUMNS}, e.reminder_offsets AS "reminderOffsets", src.invitation_status AS "invitationStatus", ${HOSTING_COLUMN}` : EVENT_COLUMNS},
         ${entryKey(scope)} AS "entryKey"
       ${from}${only} ORDER BY ${FEED_ORDER}`,
      statement.params,
    );
  }

  /** The entry keys of the feed's events in feed order, joined by commas ('' for none). */
  async entryKeys(scope: FeedScope, subjectId: string | null): Promise<string> {
    const statement = new Statement();
    const { prefix, from } = this.source(statement, scope, subjectId);
    const rows = await this.database.query<{ keys: string }>(
      `${prefix} SELECT ${entryList(scope)} AS keys ${from}`,
      statement.params,
    );
    return rows[0]?.keys ?? '';
  }

  /** The code of the organisation that had `formerCode` before (organisation_former_codes), if any. */
  async currentOrganisationCode(formerCode: string): Promise<string | null> {
    const rows = await this.database.query<{ code: string }>(
      `SELECT o.code FROM organisation_former_codes f JOIN organisations o ON o.id = f.organisation_id
       WHERE f.code = $1`,
      [formerCode.toUpperCase()],
    );
    return rows[0]?.code ?? null;
  }

  private stateSql(statement: Statement, scope: FeedScope): string {
    switch (scope.kind) {
      case 'organisation': {
        const code = statement.param(scope.code.toUpperCase());
        const { from } = this.source(statement, scope, null, 's.id');
        return `SELECT s.id AS "subjectId", s.name AS "subjectName", s.time_zone AS "subjectZone",
                  s.updated_at AS "subjectChangedAt", f.*
                FROM organisations s CROSS JOIN LATERAL (SELECT ${summaryColumns(scope)} ${from}) f
                WHERE s.code = ${code}`;
      }
      case 'partnership': {
        const id = statement.param(scope.partnershipId);
        const { from } = this.source(statement, scope, null, 's.id');
        return `SELECT s.id AS "subjectId", s.name AS "subjectName", NULL AS "subjectZone",
                  s.updated_at AS "subjectChangedAt", f.*
                FROM partnerships s CROSS JOIN LATERAL (SELECT ${summaryColumns(scope)} ${from}) f
                WHERE s.id = ${id}`;
      }
      case 'event': {
        const { prefix, from } = this.source(statement, scope, null);
        return `${prefix} SELECT s.id AS "subjectId", s.title AS "subjectName", s.start_zone AS "subjectZone",
                  s.updated_at AS "subjectChangedAt", f.*
                FROM events s CROSS JOIN (SELECT ${summaryColumns(scope)} ${from}) f
                WHERE s.id IN (SELECT id FROM tree WHERE root)`;
      }
      case 'public': {
        const { from } = this.source(statement, scope, null);
        return `SELECT NULL AS "subjectId", '' AS "subjectName", NULL AS "subjectZone", NULL AS "subjectChangedAt",
                  ${summaryColumns(scope)} ${from}`;
      }
      case 'personal': {
        const { prefix, from } = this.source(statement, scope, null);
        return `${prefix} SELECT s.id AS "subjectId", s.name AS "subjectName", s.time_zone AS "subjectZone",
                  s.updated_at AS "subjectChangedAt", s.locale AS "subjectLanguage",
                  token.secret_digest AS "secretDigest", f.*
                FROM token JOIN people s ON s.id = token.person_id
                CROSS JOIN (SELECT ${summaryColumns(
                  scope,
                  'greatest(e.updated_at, o.updated_at, src.invitation_changed_at, src.choice_changed_at)',
                )} ${from}) f`;
      }
    }
  }

  /**
   * The FROM and WHERE of a scope's events (aliases e for the event, o for its host), with any
   * CTE it needs as prefix. `subjectColumn` lets the state query correlate with its subject row.
   */
  private source(
    statement: Statement,
    scope: FeedScope,
    subjectId: string | null,
    subjectColumn?: string,
  ): { prefix: string; from: string } {
    const base = 'FROM events e JOIN organisations o ON o.id = e.host_organisation_id';
    switch (scope.kind) {
      case 'organisation': {
        const organisation = subjectColumn ?? statement.param(subjectId);
        return {
          prefix: '',
          from: `${base} WHERE (e.host_organisation_id = ${organisation} OR EXISTS (
                   SELECT 1 FROM event_co_hosts c WHERE c.event_id = e.id AND c.organisation_id = ${organisation}))
                 AND ${this.listed(statement, 'e')}`,
        };
      }
      case 'partnership': {
        const partnership = subjectColumn ?? statement.param(subjectId);
        return {
          prefix: '',
          from: `${base} WHERE e.partnership_id = ${partnership} AND ${this.listed(statement, 'e')}`,
        };
      }
      case 'public':
        return {
          prefix: '',
          from: `${base} WHERE ${this.listed(statement, 'e')}${this.filter(statement, scope.filter)}`,
        };
      case 'event': {
        const root = statement.param(scope.eventId);
        return {
          prefix: `WITH RECURSIVE tree AS (
                     SELECT r.id, true AS root FROM events r WHERE r.id = ${root} AND ${this.listed(statement, 'r')}
                     UNION ALL
                     SELECT c.id, false FROM events c JOIN tree t ON c.parent_id = t.id
                     WHERE ${this.listed(statement, 'c', false)})`,
          from: `${base} WHERE e.id IN (SELECT id FROM tree)`,
        };
      }
      case 'personal':
        return this.programme(statement, scope.lookupId);
    }
  }

  /**
   * A person's programme (see notes/contracts.md): the events of their invitations that they have
   * not declined and were not uninvited from, and inside those the parts everyone attends
   * (no capacity: travel legs, plenary sessions, accommodation) or that they hold a confirmed
   * seat in; and the events they host someone at (libs/hosting's `host_schedule`: a programme
   * item, or the visit for a night with a host family). Internal events belong here; drafts do not.
   */
  private programme(statement: Statement, lookupId: string): { prefix: string; from: string } {
    const lookup = statement.param(lookupId);
    // The recursion walks one row per level of the event tree, holding that level's events in
    // arrays: the planner prices a recursion at ten rounds of its first round, so one row keeps
    // the estimate small (a row per event made it large enough for JIT compilation, ~50 ms per
    // request) and the lookups stay on the primary key and parent_id indexes.
    return {
      prefix: `WITH RECURSIVE token AS (
                 SELECT t.person_id, t.secret_digest, p.locale AS language
                 FROM feed_tokens t JOIN people p ON p.id = t.person_id
                 WHERE t.lookup_id = ${lookup} AND t.revoked_at IS NULL),
               invited AS (
                 SELECT i.id AS invitation_id, i.event_id, i.status AS invitation_status,
                   i.updated_at AS invitation_changed_at
                 FROM token JOIN invitations i ON i.person_id = token.person_id
                 WHERE i.status NOT IN ('declined', 'cancelled')),
               levels(depth, ids, invitation_ids, choices_changed_at) AS (
                 SELECT 0, array_agg(p.id), array_agg(v.invitation_id), array_agg(NULL::timestamptz)
                 FROM invited v JOIN events p ON p.id = v.event_id WHERE p.status <> 'draft'
                 UNION ALL
                 SELECT l.depth + 1, next.ids, next.invitation_ids, next.choices_changed_at
                 FROM levels l CROSS JOIN LATERAL (
                   SELECT array_agg(c.id) AS ids, array_agg(u.invitation_id) AS invitation_ids,
                     array_agg(w.updated_at) AS choices_changed_at
                   FROM unnest(l.ids, l.invitation_ids) AS u(id, invitation_id)
                   JOIN events c ON c.parent_id = u.id AND c.status <> 'draft'
                   LEFT JOIN workshop_choices w
                     ON w.invitation_id = u.invitation_id AND w.event_id = c.id AND w.status = 'confirmed'
                   WHERE c.capacity IS NULL OR w.id IS NOT NULL) next
                 WHERE next.ids IS NOT NULL AND l.depth < 32),
               src AS (
                 SELECT DISTINCT ON (x.id) x.id, x.invitation_status, x.invitation_changed_at, x.choice_changed_at
                 FROM (
                   SELECT u.id, v.invitation_status, v.invitation_changed_at, u.choice_changed_at
                   FROM levels l
                   CROSS JOIN LATERAL unnest(l.ids, l.invitation_ids, l.choices_changed_at)
                     AS u(id, invitation_id, choice_changed_at)
                   JOIN invited v ON v.invitation_id = u.invitation_id
                   UNION ALL
                   SELECT h.event_id, 'accepted', h.updated_at, NULL
                   FROM token JOIN host_schedule h ON h.host_person_id = token.person_id
                   JOIN events he ON he.id = h.event_id AND he.status <> 'draft') x
                 ORDER BY x.id, (x.invitation_status = 'accepted') DESC, x.invitation_changed_at DESC)`,
      from: `FROM src CROSS JOIN token JOIN events e ON e.id = src.id
             JOIN organisations o ON o.id = e.host_organisation_id
             WHERE ${this.window(statement, 'e')}`,
    };
  }

  /**
   * Shown in public feeds: published (or recently cancelled, so clients remove it) public events
   * within the time window, none of whose enclosing events is internal or a draft. The rule is
   * planning's publiclyListed, copied here on purpose: this runs in the render thread, which
   * loads none of planning (its entities and services) and stays small.
   */
  private listed(statement: Statement, alias: string, checkAncestors = true): string {
    const own = `${alias}.visibility = 'public' AND ${alias}.status IN ('published', 'cancelled')
      AND ${this.window(statement, alias)}`;
    if (!checkAncestors) return own;
    return `${own} AND (${alias}.parent_id IS NULL OR NOT EXISTS (
      WITH RECURSIVE ancestors AS (
        SELECT a.parent_id, a.visibility, a.status FROM events a WHERE a.id = ${alias}.parent_id
        UNION ALL
        SELECT a.parent_id, a.visibility, a.status FROM events a JOIN ancestors x ON a.id = x.parent_id)
      SELECT 1 FROM ancestors WHERE visibility <> 'public' OR status = 'draft'))`;
  }

  /** Recent and future events; a cancelled one only while clients still need to remove it. */
  private window(statement: Statement, alias: string): string {
    const pastDays = statement.param(this.config.pastDays);
    const retentionDays = statement.param(this.config.cancelledRetentionDays);
    return `${alias}.ends_at >= now() - ${pastDays} * interval '1 day'
      AND (${alias}.status <> 'cancelled' OR ${alias}.updated_at >= now() - ${retentionDays} * interval '1 day')`;
  }

  private filter(statement: Statement, filter: PublicFeedFilter): string {
    const conditions: string[] = [];
    if (filter.kinds?.length) conditions.push(`e.kind = ANY(${statement.param(filter.kinds)})`);
    if (filter.tag) conditions.push(`${statement.param(filter.tag.toLowerCase())} = ANY(e.tags)`);
    if (filter.organisationCode) {
      const code = statement.param(filter.organisationCode.toUpperCase());
      conditions.push(`(o.code = ${code} OR EXISTS (
        SELECT 1 FROM event_co_hosts c JOIN organisations co ON co.id = c.organisation_id
        WHERE c.event_id = e.id AND co.code = ${code}))`);
    }
    if (filter.q) {
      const pattern = statement.param(`%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
      conditions.push(`(e.title ILIKE ${pattern} OR e.description ILIKE ${pattern})`);
    }
    return conditions.map((condition) => ` AND ${condition}`).join('');
  }
}
