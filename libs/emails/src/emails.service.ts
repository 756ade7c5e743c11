import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { redisConfig } from '@app/config';
import {
  Actor,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  eventsByIds,
  EventsService,
  findPerson,
  MAX_PAGE_SIZE,
  Page,
  PageRequest,
  partIdsOf,
  peopleByIds,
  PeopleVisibility,
  PersonView,
} from '@app/planning';
import { OutboxNudge } from '@app/queue';
import { Email } from './email.entity';
import { EMAIL_KINDS, EmailKind, EmailStatus, ParticipantEmailKind } from './email-kind';
import { EmailRequest, ObsoleteEmailFilter } from './email-request';
import { EmailsError } from './emails.error';
import { EMAILS_OUTBOX } from './emails-outbox';

export interface EmailFilter extends PageRequest {
  status?: EmailStatus;
  kind?: EmailKind;
}

export type StatusCounts = Record<EmailStatus, number>;

/** An email with its recipient as the reader may see them (see PeopleVisibility), and its event's title. */
export interface EmailEntry {
  email: Email;
  person: PersonView;
  event: { id: string; title: string };
}

/** Rows per INSERT: well inside Postgres' limits, and one round trip for a typical fan-out. */
const INSERT_CHUNK = 5_000;

/**
 * Producers write emails here, inside their own transaction, and organisers read their state.
 * Sending is the worker's business: it relays rows to BullMQ and delivers them.
 */
@Injectable()
export class EmailsService implements OnApplicationShutdown {
  private readonly nudge: OutboxNudge;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>,
    private readonly visibility: PeopleVisibility,
    private readonly events: EventsService,
  ) {
    this.nudge = new OutboxNudge(EMAILS_OUTBOX, redis);
  }

  /**
   * Writes the intent to send in the caller's transaction, so the email exists exactly when the
   * change that causes it is committed. A request whose dedupe key exists already is ignored.
   */
  async queue(manager: EntityManager, requests: EmailRequest[]): Promise<void> {
    requests.forEach(assertValidRequest);
    for (let start = 0; start < requests.length; start += INSERT_CHUNK) {
      const chunk = requests.slice(start, start + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO emails (kind, event_id, person_id, invitation_id, dedupe_key, send_at,
                             event_sequence, event_starts_at, offset_minutes)
         SELECT r.kind, r.event_id, r.person_id, r.invitation_id, r.dedupe_key, COALESCE(r.send_at, now()),
                r.event_sequence, r.event_starts_at, r.offset_minutes
           FROM unnest($1::varchar[], $2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[],
                       $6::timestamptz[], $7::int[], $8::timestamptz[], $9::int[])
             AS r(kind, event_id, person_id, invitation_id, dedupe_key, send_at,
                  event_sequence, event_starts_at, offset_minutes)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          chunk.map((request) => request.kind),
          chunk.map((request) => request.eventId),
          chunk.map((request) => request.personId),
          chunk.map((request) => request.invitationId ?? null),
          chunk.map((request) => request.dedupeKey),
          chunk.map((request) => request.sendAt?.toISOString() ?? null),
          chunk.map((request) => request.eventSequence),
          chunk.map((request) => request.eventStartsAt?.toISOString() ?? null),
          chunk.map((request) => request.offsetMinutes ?? null),
        ],
      );
    }
  }

  /**
   * A sign-in email (libs/accounts), written in the caller's transaction: it carries the request's
   * link, which the mail job derives again; it is about no event and no person.
   */
  async queueSignIn(manager: EntityManager, signInRequestId: string): Promise<void> {
    await manager.query(
      `INSERT INTO emails (kind, sign_in_request_id, dedupe_key, event_sequence)
       VALUES ('sign_in', $1, $2, 0)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [signInRequestId, `sign_in:${signInRequestId}`],
    );
  }

  /**
   * An email to a participant about no event (ParticipantEmailKind), written in the caller's
   * transaction. Returns its id, from which the mail job derives any secret it carries, or null
   * when the dedupe key exists already.
   */
  async queueForPerson(
    manager: EntityManager,
    request: { kind: ParticipantEmailKind; personId: string; dedupeKey: string },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO emails (kind, person_id, dedupe_key, event_sequence)
       VALUES ($1, $2, $3, 0)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [request.kind, request.personId, request.dedupeKey],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * A sign-up's confirmation email (libs/invitations), written in the caller's transaction: it
   * carries the sign-up's link, which the mail job derives again; about the event, to no person yet.
   */
  async queueSignUp(
    manager: EntityManager,
    signUp: { id: string; eventId: string; eventSequence: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO emails (kind, event_id, sign_up_id, dedupe_key, event_sequence)
       VALUES ('sign_up', $1, $2, $3, $4)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [signUp.eventId, signUp.id, `sign_up:${signUp.id}`, signUp.eventSequence],
    );
  }

  /**
   * Asks the worker's relays for a pass right away instead of at their next tick. Call it after
   * the transaction that queued emails committed. Losing the nudge loses nothing: the rows are in
   * Postgres and the periodic pass finds them.
   */
  dispatchSoon(): void {
    this.nudge.soon();
  }

  /**
   * Marks emails that are still waiting as skipped, in the caller's transaction (an event moved,
   * an invitation was declined). Emails already being sent are left to the mail job, which checks
   * again before it sends.
   */
  async skipObsolete(manager: EntityManager, filter: ObsoleteEmailFilter): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(Email)
      .set({ status: 'skipped', skippedReason: filter.reason.slice(0, 64) })
      .where('event_id = :eventId', { eventId: filter.eventId })
      .andWhere("status IN ('queued', 'retrying')");
    if (filter.kinds?.length) query.andWhere('kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.invitationId)
      query.andWhere('invitation_id = :invitationId', { invitationId: filter.invitationId });
    const result = await query.execute();
    return result.affected ?? 0;
  }

  /**
   * The emails about an event, for its hosts and admins. Recipients of other organisations are
   * shown by name and organisation only (they share the event with its hosts by being invited).
   */
  async listForEvent(actor: Actor, eventId: string, filter: EmailFilter): Promise<Page<EmailEntry>> {
    await this.assertHostsEvent(actor, eventId);
    const query = this.baseQuery(filter).andWhere('email.eventId = :eventId', { eventId });
    return this.entries(actor, await this.page(query, filter));
  }

  /**
   * The emails of one invitation to an event, about the event or any part of it (a workshop's
   * reminder carries the invitation too), newest first, for the event's hosts and admins.
   */
  async listForInvitation(
    actor: Actor,
    eventId: string,
    invitationId: string,
    limit = MAX_PAGE_SIZE,
  ): Promise<EmailEntry[]> {
    await this.assertHostsEvent(actor, eventId);
    const eventIds = [eventId, ...(await partIdsOf(this.dataSource.manager, eventId))];
    const emails = await this.baseQuery({})
      .andWhere('email.invitationId = :invitationId', { invitationId })
      .andWhere('email.eventId IN (:...eventIds)', { eventIds })
      .orderBy('email.createdAt', 'DESC')
      .addOrderBy('email.id', 'DESC')
      .limit(limit)
      .getMany();
    return (await this.entries(actor, { items: emails, nextCursor: null })).items;
  }

  /** How many of an event's emails are in each state. */
  async countForEvent(actor: Actor, eventId: string): Promise<StatusCounts> {
    await this.assertHostsEvent(actor, eventId);
    const rows: Array<{ status: EmailStatus; count: string }> = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM emails WHERE event_id = $1 GROUP BY status`,
      [eventId],
    );
    const counts: StatusCounts = { queued: 0, sending: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /**
   * The emails to a person, about any event: an email history is contact data, so only the
   * person's own organisation and admins see it. Anyone else gets 404, as for an unknown person,
   * so that the answer does not tell whether the person exists.
   */
  async listForPerson(actor: Actor, personId: string, filter: EmailFilter): Promise<Page<EmailEntry>> {
    const person = await findPerson(this.dataSource.manager, personId);
    if (!person || !this.visibility.seesContact(actor, person)) {
      throw EmailsError.notFound('person', personId);
    }
    const query = this.baseQuery(filter).andWhere('email.personId = :personId', { personId });
    return this.entries(actor, await this.page(query, filter));
  }

  /** Emails of erased people, without a recipient, are counted but not listed (see baseQuery). */
  private async entries(actor: Actor, page: Page<Email>): Promise<Page<EmailEntry>> {
    const manager = this.dataSource.manager;
    const people = await peopleByIds(
      manager,
      page.items.map((email) => email.personId!),
    );
    const events = new Map(
      (
        await eventsByIds(
          manager,
          page.items.flatMap((email) => (email.eventId ? [email.eventId] : [])),
        )
      ).map((event) => [event.id, event]),
    );
    const items = page.items.flatMap((email) => {
      const person = people.get(email.personId!);
      const event = email.eventId ? events.get(email.eventId) : undefined;
      // Erased or deleted since the page was read: gone from the list as from the next page. Sign-in
      // emails, the only ones without an event, belong to no event's or person's list.
      if (!person || !event) return [];
      return [
        {
          email,
          person: this.visibility.present(actor, person),
          event: { id: event.id, title: event.title },
        },
      ];
    });
    return { items, nextCursor: page.nextCursor };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nudge.close();
  }

  /** Emails name the people they went to: only the event's hosts (and admins) may see them. */
  private async assertHostsEvent(actor: Actor, eventId: string): Promise<void> {
    if (!(await this.events.isHostedBy(actor, eventId))) throw EmailsError.notFound('event', eventId);
  }

  private baseQuery(filter: EmailFilter): SelectQueryBuilder<Email> {
    const query = this.dataSource
      .getRepository(Email)
      .createQueryBuilder('email')
      .where('email.personId IS NOT NULL');
    if (filter.status) query.andWhere('email.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('email.kind = :kind', { kind: filter.kind });
    return query;
  }

  /**
   * Keyset pages on (created_at, id). The cursor carries microseconds: a fan-out writes thousands
   * of rows with the same created_at, which a millisecond Date would not tell apart.
   */
  private async page(query: SelectQueryBuilder<Email>, filter: EmailFilter): Promise<Page<Email>> {
    const limit = Math.min(filter.limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    if (filter.cursor) {
      const [micros, id] = decodeCursor(filter.cursor);
      if (typeof micros !== 'string' || !/^\d{1,17}$/.test(micros)) {
        throw EmailsError.invalid('cursor', 'The cursor is not one this API handed out.');
      }
      query.andWhere(
        `(email.createdAt, email.id) > ('epoch'::timestamptz + CAST(:cursorMicros AS bigint) * interval '1 microsecond', :cursorId)`,
        { cursorMicros: micros, cursorId: id },
      );
    }
    const { entities, raw } = await query
      .addSelect(
        `CAST(CAST(extract(epoch FROM date_trunc('second', email.created_at)) AS bigint) * 1000000
              + CAST(extract(microseconds FROM email.created_at) AS bigint) % 1000000 AS text)`,
        'created_micros',
      )
      .orderBy('email.createdAt', 'ASC')
      .addOrderBy('email.id', 'ASC')
      .limit(limit + 1)
      .getRawAndEntities<{ email_id: string; created_micros: string }>();
    const items = entities.slice(0, limit);
    const last = items[items.length - 1];
    const lastMicros = last && raw.find((row) => row.email_id === last.id)?.created_micros;
    const nextCursor =
      entities.length > limit && last && lastMicros ? encodeCursor(lastMicros, last.id) : null;
    return { items, nextCursor };
  }
}

function assertValidRequest(request: EmailRequest): void {
  if (!EMAIL_KINDS.includes(request.kind)) {
    throw EmailsError.invalid('kind', `"${String(request.kind)}" is not an email kind.`);
  }
  if (request.dedupeKey.length === 0 || request.dedupeKey.length > 300) {
    throw EmailsError.invalid('dedupeKey', 'A dedupe key has 1 to 300 characters.');
  }
}
