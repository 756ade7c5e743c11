import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Event, Person } from '@app/planning';
import { FailedEmail, ProducerWebhooks } from '@app/webhooks';
import { EmailKind, EmailStatus } from './email-kind';
import { DeliveryFacts, skipReason } from './delivery-rules';

/** The event as the mail renders it: what a calendar entry needs, plus its place in the tree. */
export type EventSnapshot = Pick<
  Event,
  | 'id'
  | 'kind'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'startZone'
  | 'endsAt'
  | 'endZone'
  | 'allDay'
  | 'venueName'
  | 'venueAddress'
  | 'venueLatitude'
  | 'venueLongitude'
  | 'onlineUrl'
  | 'status'
  | 'tags'
  | 'sequence'
  | 'createdAt'
  | 'updatedAt'
  | 'parentId'
>;

/** A part of the event an email is about that belongs to the person's programme. */
export interface ProgrammePart {
  event: EventSnapshot;
  /** The person only waits for a seat in this workshop. */
  waitlisted: boolean;
}

/** Kinds whose email lists the parts in the person's programme along with the event. */
const LISTS_PARTS: readonly EmailKind[] = ['cancellation', 'update'];

/** An email claimed for an SMTP attempt, with what rendering needs and the send-time decision. */
export interface EmailToDeliver {
  id: string;
  kind: EmailKind;
  invitationId: string | null;
  offsetMinutes: number | null;
  event: EventSnapshot;
  person: Pick<Person, 'id' | 'name' | 'email' | 'locale' | 'timeZone'>;
  /** The invited event around a workshop (or the event's parent), for context. */
  parentEvent: EventSnapshot | null;
  invitationStatus: string | null;
  /**
   * The invitation's answer token, sealed by the invitations lib (which alone can open it); read
   * here so that a fan-out needs no extra query per email for the answer link. Null when revoked.
   */
  answerTokenSealed: Buffer | null;
  /** The email is about a workshop inside the invited event. */
  aboutWorkshop: boolean;
  /**
   * For cancellations and updates of the invited event: its parts in the person's programme (parts
   * without capacity, and workshops they hold or wait for a seat in), read at send time, so one
   * email tells of everything a change carried along.
   */
  parts: ProgrammePart[];
  workshopChoiceStatus: string | null;
  /** Null when the email should go out; otherwise why not. */
  skipReason: string | null;
  /** The previous attempt stopped between claiming and recording (a crash): it may have been sent. */
  interrupted: boolean;
}

const EVENT_COLUMNS = `ev.id AS ev_id, ev.kind AS ev_kind, ev.title AS ev_title, ev.description AS ev_description,
  ev.starts_at AS ev_starts_at, ev.start_zone AS ev_start_zone, ev.ends_at AS ev_ends_at, ev.end_zone AS ev_end_zone,
  ev.all_day AS ev_all_day, ev.venue_name AS ev_venue_name, ev.venue_address AS ev_venue_address,
  ev.venue_latitude AS ev_venue_latitude, ev.venue_longitude AS ev_venue_longitude, ev.online_url AS ev_online_url,
  ev.status AS ev_status, ev.tags AS ev_tags, ev.sequence AS ev_sequence, ev.created_at AS ev_created_at,
  ev.updated_at AS ev_updated_at, ev.parent_id AS ev_parent_id`;

interface EventRow {
  ev_id: string;
  ev_kind: Event['kind'];
  ev_title: string;
  ev_description: string;
  ev_starts_at: Date;
  ev_start_zone: string;
  ev_ends_at: Date;
  ev_end_zone: string;
  ev_all_day: boolean;
  ev_venue_name: string | null;
  ev_venue_address: string | null;
  ev_venue_latitude: string | null;
  ev_venue_longitude: string | null;
  ev_online_url: string | null;
  ev_status: Event['status'];
  ev_tags: string[];
  ev_sequence: number;
  ev_created_at: Date;
  ev_updated_at: Date;
  ev_parent_id: string | null;
}

interface DeliveryRow extends EventRow {
  id: string;
  kind: EmailKind;
  previous_status: EmailStatus;
  previous_attempts: number;
  send_at: Date;
  event_starts_at: Date | null;
  invitation_id: string | null;
  offset_minutes: number | null;
  person_id: string;
  person_name: string;
  person_email: string;
  person_locale: Person['locale'];
  person_time_zone: string;
  invitation_status: string | null;
  invitation_event_id: string | null;
  answer_token_sealed: Buffer | null;
  choice_status: string | null;
  superseded: boolean;
}

type RecordedRow = FailedEmail & { status: EmailStatus };

/** Records outcomes of rows still held by the job that claimed them; returns the rows it changed. */
const RECORD_OUTCOMES = `WITH outcome AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[])
             AS o(id, job_id, status, error, reason)
       ),
       held AS (
         SELECT e.id FROM emails e JOIN outcome ON outcome.id = e.id AND outcome.job_id = e.job_id
          WHERE e.status = 'sending'
          ORDER BY e.id
            FOR UPDATE OF e
       )
       UPDATE emails e
          SET status = outcome.status,
              last_error = COALESCE(outcome.error, e.last_error),
              skipped_reason = COALESCE(outcome.reason, e.skipped_reason),
              sent_at = CASE WHEN outcome.status = 'sent' THEN now() ELSE e.sent_at END,
              attempts = CASE WHEN outcome.status = 'skipped' THEN e.attempts - 1 ELSE e.attempts END,
              updated_at = now()
         FROM held JOIN outcome ON outcome.id = held.id
        WHERE e.id = held.id
    RETURNING e.id, e.status, e.kind, e.attempts, e.event_id AS "eventId", e.invitation_id AS "invitationId",
              e.person_id AS "personId"`;

/** How one claimed email's attempt ended, as recorded on its row; `jobId` is the job that claimed it. */
export type DeliveryOutcome = { emailId: string; jobId: string } & (
  | { status: 'sent' }
  | { status: 'retrying' | 'failed'; error: string }
  /** It no longer applies; its attempt count goes back, as nothing was sent. */
  | { status: 'skipped'; reason: string }
);

/**
 * The delivery state of outbox rows, as the mail job moves them along, several rows per
 * statement. Every transition is conditional on the current state and on the job that holds the
 * row, so a concurrent skip, or a second job carrying the same row, cannot send a row twice or
 * overwrite a result.
 */
@Injectable()
export class EmailDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: ProducerWebhooks,
  ) {}

  /**
   * Claims pending rows for an SMTP attempt by the job `jobId` — status `sending`, one more
   * attempt, the Message-ID recorded before anything is sent, so a crash leaves visible `sending`
   * rows — and returns them with everything rendering and the send-time decision need. A `sending`
   * row is claimed again only by the job that claimed it (that job was interrupted and runs
   * again). Rows gone or no longer pending (sent, failed, skipped, or held by another job) are
   * left out; a row claimed but no longer applicable is to be recorded as skipped. Rows are
   * locked in id order, so that two claims of overlapping rows wait for each other instead of
   * deadlocking.
   */
  async claim(
    jobId: string,
    emails: Array<{ id: string; messageId: string }>,
    now = new Date(),
  ): Promise<EmailToDeliver[]> {
    if (emails.length === 0) return [];
    const rows: DeliveryRow[] = await this.dataSource.query(
      `WITH wanted AS (
         SELECT w.id, w.message_id FROM unnest($1::uuid[], $2::varchar[]) AS w(id, message_id)
       ),
       prior AS (
         SELECT e.id, e.status, e.attempts, wanted.message_id
           FROM emails e JOIN wanted ON wanted.id = e.id
          WHERE e.status IN ('queued', 'retrying') OR (e.status = 'sending' AND e.job_id = $3)
          ORDER BY e.id
            FOR UPDATE OF e
       ),
       claimed AS (
         UPDATE emails e
            SET status = 'sending', attempts = e.attempts + 1, message_id = prior.message_id,
                job_id = $3, updated_at = now()
           FROM prior
          WHERE e.id = prior.id
      RETURNING e.id, e.kind, e.send_at, e.event_starts_at, e.invitation_id, e.offset_minutes, e.event_id,
                e.person_id, e.event_sequence, prior.status AS previous_status, prior.attempts AS previous_attempts)
       SELECT c.id, c.kind, c.send_at, c.event_starts_at, c.invitation_id, c.offset_minutes,
              c.previous_status, c.previous_attempts,
              ${EVENT_COLUMNS},
              pe.id AS person_id, pe.name AS person_name, pe.email AS person_email, pe.locale AS person_locale,
              pe.time_zone AS person_time_zone,
              i.status AS invitation_status, i.event_id AS invitation_event_id,
              i.answer_token_sealed AS answer_token_sealed, ch.status AS choice_status,
              EXISTS (SELECT 1 FROM emails n
                       WHERE n.kind = 'update' AND n.invitation_id = c.invitation_id
                         AND n.event_id = c.event_id AND n.event_sequence > c.event_sequence) AS superseded
         FROM claimed c
         JOIN events ev ON ev.id = c.event_id
         JOIN people pe ON pe.id = c.person_id
         LEFT JOIN invitations i ON i.id = c.invitation_id
         LEFT JOIN workshop_choices ch ON ch.invitation_id = c.invitation_id AND ch.event_id = c.event_id`,
      [emails.map((email) => email.id), emails.map((email) => email.messageId), jobId],
    );
    const parents = await this.events(rows.map((row) => parentIdOf(row)).filter((id): id is string => !!id));
    const programmes = await this.programmes(rows.filter(listsParts));
    return rows.map((row) => toDelivery(row, parents, programmes.get(row.invitation_id ?? '') ?? [], now));
  }

  /** The programme parts of each row's event, by invitation, in start order. */
  private async programmes(rows: DeliveryRow[]): Promise<Map<string, ProgrammePart[]>> {
    const byInvitation = new Map<string, ProgrammePart[]>();
    if (rows.length === 0) return byInvitation;
    const found: Array<EventRow & { invitation_id: string; choice_status: string | null }> =
      await this.dataSource.query(
        `WITH RECURSIVE parts AS (
           SELECT r.invitation_id, e.id
             FROM unnest($1::uuid[], $2::uuid[]) AS r(invitation_id, event_id)
             JOIN events e ON e.parent_id = r.event_id
           UNION ALL
           SELECT p.invitation_id, e.id FROM events e JOIN parts p ON e.parent_id = p.id
         )
         SELECT p.invitation_id, ch.status AS choice_status, ${EVENT_COLUMNS}
           FROM parts p
           JOIN events ev ON ev.id = p.id
           LEFT JOIN workshop_choices ch
             ON ch.invitation_id = p.invitation_id AND ch.event_id = ev.id AND ch.status <> 'withdrawn'
          WHERE ev.capacity IS NULL OR ch.id IS NOT NULL
          ORDER BY ev.starts_at, ev.title, ev.id`,
        [rows.map((row) => row.invitation_id), rows.map((row) => row.ev_id)],
      );
    for (const row of found) {
      const parts = byInvitation.get(row.invitation_id) ?? [];
      parts.push({ event: toEventSnapshot(row), waitlisted: row.choice_status === 'waitlisted' });
      byInvitation.set(row.invitation_id, parts);
    }
    return byInvitation;
  }

  /**
   * Records how the attempts of claimed rows ended, in one statement. A row no longer `sending`
   * for the job that claimed it (another job took it up after an abandoned attempt) is left as
   * it is. Emails that failed for good are told to the event's hosts' webhooks in the same
   * transaction.
   */
  async record(outcomes: DeliveryOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const parameters = [
      outcomes.map((outcome) => outcome.emailId),
      outcomes.map((outcome) => outcome.jobId),
      outcomes.map((outcome) => outcome.status),
      outcomes.map((outcome) => ('error' in outcome ? outcome.error.slice(0, 2000) : null)),
      outcomes.map((outcome) => ('reason' in outcome ? outcome.reason.slice(0, 64) : null)),
    ];
    // The common case, nothing failed for good, stays one statement without a transaction around it.
    if (!outcomes.some((outcome) => outcome.status === 'failed')) {
      await this.dataSource.query(RECORD_OUTCOMES, parameters);
      return;
    }
    const failed = await this.dataSource.transaction(async (manager) => {
      const [recorded]: [RecordedRow[], number] = await manager.query(RECORD_OUTCOMES, parameters);
      const failedForGood = recorded.filter((row) => row.status === 'failed');
      if (failedForGood.length > 0) await this.webhooks.emailsFailed(manager, failedForGood);
      return failedForGood.length;
    });
    if (failed > 0) this.webhooks.dispatchSoon();
  }

  private async events(ids: string[]): Promise<Map<string, EventSnapshot>> {
    if (ids.length === 0) return new Map();
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events ev WHERE ev.id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.ev_id, toEventSnapshot(row)]));
  }
}

function listsParts(row: DeliveryRow): boolean {
  return LISTS_PARTS.includes(row.kind) && !!row.invitation_id && row.invitation_event_id === row.ev_id;
}

/** The invited event around a workshop email, or the event's parent: named in the email. */
function parentIdOf(row: DeliveryRow): string | null {
  const aboutWorkshop = !!row.invitation_event_id && row.invitation_event_id !== row.ev_id;
  return aboutWorkshop ? row.invitation_event_id : row.ev_parent_id;
}

function toDelivery(
  row: DeliveryRow,
  parents: Map<string, EventSnapshot>,
  parts: ProgrammePart[],
  now: Date,
): EmailToDeliver {
  const event = toEventSnapshot(row);
  const invitation =
    row.invitation_id === null
      ? undefined
      : row.invitation_status
        ? { status: row.invitation_status, eventId: row.invitation_event_id! }
        : null;
  const facts: DeliveryFacts = {
    kind: row.kind,
    attempts: row.previous_attempts,
    sendAt: row.send_at,
    eventStartsAt: row.event_starts_at,
    event: { id: event.id, status: event.status, startsAt: event.startsAt },
    invitation,
    workshopChoiceStatus: row.choice_status,
    superseded: row.superseded,
    now,
  };
  const parentId = parentIdOf(row);
  return {
    id: row.id,
    kind: row.kind,
    invitationId: row.invitation_id,
    offsetMinutes: row.offset_minutes,
    event,
    person: {
      id: row.person_id,
      name: row.person_name,
      email: row.person_email,
      locale: row.person_locale,
      timeZone: row.person_time_zone,
    },
    parentEvent: parentId ? (parents.get(parentId) ?? null) : null,
    invitationStatus: row.invitation_status,
    answerTokenSealed: row.answer_token_sealed,
    aboutWorkshop: !!invitation && invitation.eventId !== event.id,
    parts,
    workshopChoiceStatus: row.choice_status,
    skipReason: skipReason(facts),
    interrupted: row.previous_status === 'sending',
  };
}

function toEventSnapshot(row: EventRow): EventSnapshot {
  return {
    id: row.ev_id,
    kind: row.ev_kind,
    title: row.ev_title,
    description: row.ev_description,
    startsAt: row.ev_starts_at,
    startZone: row.ev_start_zone,
    endsAt: row.ev_ends_at,
    endZone: row.ev_end_zone,
    allDay: row.ev_all_day,
    venueName: row.ev_venue_name,
    venueAddress: row.ev_venue_address,
    venueLatitude: row.ev_venue_latitude === null ? null : Number(row.ev_venue_latitude),
    venueLongitude: row.ev_venue_longitude === null ? null : Number(row.ev_venue_longitude),
    onlineUrl: row.ev_online_url,
    status: row.ev_status,
    tags: row.ev_tags,
    sequence: row.ev_sequence,
    createdAt: row.ev_created_at,
    updatedAt: row.ev_updated_at,
    parentId: row.ev_parent_id,
  };
}
