import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, changedFields, inviteeActor, systemActor } from '@app/audit';
import { EmailsService } from '@app/emails';
import {
  Actor,
  Event,
  eventsByIds,
  EventsService,
  findEvent,
  findOrAddPerson,
  findOrganisation,
  Locale,
} from '@app/planning';
import { ProducerWebhooks } from '@app/webhooks';
import { AnswerLinks } from '../answer-links';
import { invitationRecord } from '../invitation-audit';
import { InvitationStatus } from '../invitation-status';
import { InvitationError } from '../invitations.error';
import { managedEvent } from '../managed-event';
import { RemindersService } from '../reminders.service';
import { seatsLeft, SeatsService } from '../seats.service';
import { inTransaction } from '../transactions';
import { SignUpRetention } from './sign-up-retention';
import { isWellFormedSignUpToken, signUpLinkDigest, SignUpSecrets } from './sign-up-secrets';

/** How long a confirmation link works; unconfirmed sign-ups are deleted after it. */
export const SIGN_UP_VALID_MS = 48 * 60 * 60_000;
/** A second form for the same event and address within this time sends no second email. */
const RESEND_AFTER_MS = 10 * 60_000;
/** Unconfirmed sign-ups one address may have at once, over all events. */
const PENDING_PER_ADDRESS = 5;
/** At most one "already signed up" email per invitation and hour, however often the form is sent. */
const REMINDER_OF_LINK_MS = 60 * 60_000;

/** Sign-ups arrive from the public, not from an organiser or an invitee yet. */
const SIGN_UP_ACTOR = systemActor('open sign-up');

/** Open sign-up of an event, as organisers set it and see it. */
export interface SignUpSettings {
  eventId: string;
  open: boolean;
  /** No sign-ups after this; null: until the event starts. */
  deadline: Date | null;
  /** Whether the event takes sign-ups right now (open, public, published, not started, before the deadline). */
  takingSignUps: boolean;
  capacity: number | null;
  taken: number;
  seatsLeft: number | null;
  /** Sign-ups waiting for their address to be confirmed; they hold no seat. */
  pending: number;
}

export interface SignUpSettingsInput {
  open: boolean;
  deadline?: Date | null;
}

/** What the public calendar shows of an event that takes sign-ups. */
export interface SignUpOffer {
  event: Event;
  deadline: Date | null;
  /** Null when the event has no limit; 0 when sign-ups go to the waiting list. */
  seatsLeft: number | null;
}

export interface SignUpRequest {
  eventId: string;
  name: string;
  email: string;
  locale: Locale;
  organisation: string | null;
}

/** The sign-up behind a confirmation link, for the page that asks to confirm it. */
export interface PendingSignUp {
  name: string;
  locale: Locale;
  event: Event;
}

interface PendingRow {
  id: string;
  eventId: string;
  email: string;
  name: string;
  organisation: string | null;
  locale: Locale;
}

/**
 * Open sign-up for public events: organisers switch it on per event; anyone may sign up with a
 * name and an address, confirmed by a link sent there (double opt-in). Only the confirmation
 * makes the person and their invitation, accepted while seats are free and waitlisted after,
 * under the seats' lock of the event, so concurrent confirmations never overbook.
 */
@Injectable()
export class SignUpsService {
  private readonly logger = new Logger(SignUpsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly emails: EmailsService,
    private readonly seats: SeatsService,
    private readonly reminders: RemindersService,
    private readonly links: AnswerLinks,
    private readonly secrets: SignUpSecrets,
    private readonly audit: AuditTrail,
    private readonly retention: SignUpRetention,
    private readonly webhooks: ProducerWebhooks,
  ) {}

  async settings(actor: Actor, eventId: string, now = new Date()): Promise<SignUpSettings> {
    const event = await managedEvent(this.dataSource.manager, this.events, actor, eventId, {
      what: 'see the sign-up of events it neither hosts nor co-hosts',
      write: false,
    });
    return this.settingsOf(this.dataSource.manager, event, now);
  }

  /**
   * Switches open sign-up on or off and sets its deadline. Only a public, published event that
   * has not started can be opened; closing it keeps everyone who signed up already.
   */
  async configure(
    actor: Actor,
    eventId: string,
    input: SignUpSettingsInput,
    now = new Date(),
  ): Promise<SignUpSettings> {
    await managedEvent(this.dataSource.manager, this.events, actor, eventId, {
      what: 'open sign-up for events it neither hosts nor co-hosts',
      write: true,
    });
    return inTransaction(this.dataSource, async (manager) => {
      const event = (await this.seats.lock(manager, [eventId])).get(eventId);
      if (!event) throw InvitationError.notFound('event', eventId);
      const deadline = input.deadline ?? null;
      if (input.open) {
        if (event.visibility !== 'public' || event.status !== 'published' || event.startsAt <= now) {
          throw new InvitationError(
            'conflict',
            'sign_up_not_possible',
            'Only public, published events that have not started can take sign-ups: publish the event first.',
          );
        }
        if (deadline && deadline > event.startsAt) {
          throw InvitationError.invalid(
            'deadline',
            'The sign-up deadline must not be after the start of the event.',
          );
        }
      }
      const before = await this.openRow(manager, eventId);
      if (input.open) {
        await manager.query(
          `INSERT INTO open_sign_ups (event_id, deadline) VALUES ($1, $2)
           ON CONFLICT (event_id) DO UPDATE SET deadline = EXCLUDED.deadline, updated_at = now()`,
          [eventId, deadline],
        );
      } else {
        await manager.query(`DELETE FROM open_sign_ups WHERE event_id = $1`, [eventId]);
      }
      const changes = changedFields(
        { open: before !== null, deadline: before?.deadline?.toISOString() ?? null },
        { open: input.open, deadline: input.open ? (deadline?.toISOString() ?? null) : null },
      );
      if (changes.length > 0) {
        await this.audit.record(manager, {
          actor: actor.who,
          action: 'event.sign_up_changed',
          recordType: 'event',
          recordId: event.id,
          organisationIds: [event.hostOrganisationId, ...event.coHostIds],
          changes,
        });
      }
      return this.settingsOf(manager, event, now);
    });
  }

  /** The events among these that take sign-ups now, with their seats left: one read for a whole list. */
  async offers(eventIds: string[], now = new Date()): Promise<Map<string, SignUpOffer>> {
    if (eventIds.length === 0) return new Map();
    const manager = this.dataSource.manager;
    const open: Array<{ eventId: string; deadline: Date | null }> = await manager.query(
      `SELECT event_id AS "eventId", deadline FROM open_sign_ups WHERE event_id = ANY($1::uuid[])`,
      [[...new Set(eventIds)]],
    );
    if (open.length === 0) return new Map();
    const deadlines = new Map(open.map((row) => [row.eventId, row.deadline]));
    const events = (await eventsByIds(manager, [...deadlines.keys()])).filter((event) =>
      takesSignUps(event, deadlines.get(event.id) ?? null, now),
    );
    const taken = await this.seats.taken(
      manager,
      events.map((event) => event.id),
    );
    return new Map(
      events.map((event) => [
        event.id,
        {
          event,
          deadline: deadlines.get(event.id) ?? null,
          seatsLeft: seatsLeft(event.capacity, taken.get(event.id) ?? 0),
        },
      ]),
    );
  }

  /** The event's offer; sign_up_closed when it takes no sign-ups now. */
  async offer(eventId: string, now = new Date()): Promise<SignUpOffer> {
    const offer = (await this.offers([eventId], now)).get(eventId);
    if (!offer) throw InvitationError.signUpClosed();
    return offer;
  }

  /**
   * A sent sign-up form. Whatever is known about the address, the caller answers the same: a new
   * sign-up waits for its confirmation; someone invited or signed up already gets their own link
   * again by email instead; a form sent again soon after sends nothing more. Expired sign-ups of
   * every event are deleted on the way.
   */
  async request(input: SignUpRequest, now = new Date()): Promise<void> {
    await this.offer(input.eventId, now);
    const email = input.email.trim();
    const queued = await inTransaction(this.dataSource, async (manager) => {
      await this.retention.deleteExpired(manager, now);
      const event = await findEvent(manager, input.eventId);
      if (!event) throw InvitationError.signUpClosed();
      const known: Array<{ id: string; personId: string }> = await manager.query(
        `SELECT i.id, i.person_id AS "personId" FROM invitations i JOIN person_directory p ON p.id = i.person_id
          WHERE i.event_id = $1 AND p.email = $2::citext AND i.status <> 'cancelled'`,
        [event.id, email],
      );
      if (known.length > 0) {
        const bucket = Math.floor(now.getTime() / REMINDER_OF_LINK_MS);
        await this.emails.queue(manager, [
          {
            kind: 'already_signed_up',
            eventId: event.id,
            personId: known[0].personId,
            invitationId: known[0].id,
            dedupeKey: `already_signed_up:${known[0].id}:${bucket}`,
            eventSequence: event.sequence,
          },
        ]);
        return true;
      }
      const pending: Array<{ eventId: string; createdAt: Date }> = await manager.query(
        `SELECT event_id AS "eventId", created_at AS "createdAt" FROM sign_ups WHERE email = $1::citext`,
        [email],
      );
      const recentForEvent = pending.some(
        (row) => row.eventId === event.id && now.getTime() - row.createdAt.getTime() < RESEND_AFTER_MS,
      );
      if (recentForEvent || pending.length >= PENDING_PER_ADDRESS) {
        this.logger.log(`A sign-up for event ${event.id} sent no email: one is on its way to that address`);
        return false;
      }
      await manager.query(`DELETE FROM sign_ups WHERE event_id = $1 AND email = $2::citext`, [
        event.id,
        email,
      ]);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO sign_ups (id, event_id, email, name, organisation, locale, link_digest, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          event.id,
          email,
          input.name.trim(),
          input.organisation?.trim() || null,
          input.locale,
          signUpLinkDigest(this.secrets.linkToken(id)),
          new Date(now.getTime() + SIGN_UP_VALID_MS),
        ],
      );
      await this.emails.queueSignUp(manager, { id, eventId: event.id, eventSequence: event.sequence });
      await this.audit.record(manager, {
        actor: SIGN_UP_ACTOR,
        action: 'sign_up.requested',
        recordType: 'sign_up',
        recordId: id,
        organisationIds: [event.hostOrganisationId, ...event.coHostIds],
        details: { eventId: event.id },
      });
      return true;
    });
    if (queued) this.emails.dispatchSoon();
  }

  /** The sign-up behind a confirmation link, before it is confirmed. */
  async pending(token: string, now = new Date()): Promise<PendingSignUp> {
    const manager = this.dataSource.manager;
    const row = await this.byToken(manager, token, now, false);
    const event = await findEvent(manager, row.eventId);
    if (!event) throw InvitationError.unknownSignUpLink();
    return { name: row.name, locale: row.locale, event };
  }

  /**
   * Confirms a sign-up: finds or makes the person (by address; an existing person keeps their
   * data), and makes their invitation, accepted while a seat is free and waitlisted otherwise,
   * with the email that carries their answer link. Someone invited already keeps their
   * invitation as it is. The sign-up is deleted, so the link works once. Returns the answer token.
   */
  async confirm(token: string, now = new Date()): Promise<string> {
    const answerToken = await inTransaction(this.dataSource, async (manager) => {
      const row = await this.byToken(manager, token, now, true);
      const locked = await this.seats.lock(manager, [row.eventId]);
      const event = locked.get(row.eventId);
      const open = await this.openRow(manager, row.eventId);
      if (!event || !open || !takesSignUps(event, open.deadline, now)) throw InvitationError.signUpClosed();
      const organisation = await findOrganisation(manager, event.hostOrganisationId);
      const { person } = await findOrAddPerson(manager, {
        name: row.name,
        email: row.email,
        organisationId: event.hostOrganisationId,
        department: row.organisation,
        locale: row.locale,
        timeZone: organisation?.timeZone ?? event.startZone,
      });
      await manager.query(`DELETE FROM sign_ups WHERE id = $1`, [row.id]);
      const existing: Array<{ id: string; status: InvitationStatus; sealed: Buffer | null }> =
        await manager.query(
          `SELECT id, status, answer_token_sealed AS sealed FROM invitations
          WHERE event_id = $1 AND person_id = $2 FOR UPDATE`,
          [event.id, person.id],
        );
      const kept = existing[0];
      if (kept && kept.status !== 'cancelled' && kept.sealed) return this.links.tokenFromSealed(kept.sealed);

      const status: InvitationStatus = (await this.seats.hasFreeSeat(manager, event))
        ? 'accepted'
        : 'waitlisted';
      const link = this.links.issue();
      const [invitation]: Array<{ id: string }> = await manager.query(
        `INSERT INTO invitations (event_id, person_id, status, answer_token_digest, answer_token_sealed, responded_at, signed_up)
         VALUES ($1, $2, $3, $4, $5, $6, true)
         ON CONFLICT (event_id, person_id) DO UPDATE
           SET status = EXCLUDED.status, answer_token_digest = EXCLUDED.answer_token_digest,
               answer_token_sealed = EXCLUDED.answer_token_sealed, responded_at = EXCLUDED.responded_at,
               signed_up = true, updated_at = now()
         RETURNING id`,
        [event.id, person.id, status, link.digest, link.sealed, now],
      );
      const recipient = { invitationId: invitation.id, personId: person.id };
      if (status === 'accepted') await this.reminders.schedule(manager, event, [recipient]);
      await this.emails.queue(manager, [
        {
          kind: 'signed_up',
          eventId: event.id,
          personId: person.id,
          invitationId: invitation.id,
          dedupeKey: `signed_up:${invitation.id}:${row.id}`,
          eventSequence: event.sequence,
        },
      ]);
      await this.audit.record(
        manager,
        invitationRecord(
          inviteeActor(person),
          'invitation.signed_up',
          event,
          { id: invitation.id, personId: person.id },
          {
            changes: changedFields({ status: kept?.status ?? null }, { status }),
            details: { signUpId: row.id },
          },
        ),
      );
      await this.webhooks.signedUp(manager, {
        invitationId: invitation.id,
        event,
        person: { id: person.id, name: person.name, organisationId: person.organisationId },
        previousStatus: kept?.status ?? 'invited',
        status,
        respondedAt: now,
      });
      return link.token;
    });
    this.emails.dispatchSoon();
    return answerToken;
  }

  private async byToken(
    manager: EntityManager,
    token: string,
    now: Date,
    lock: boolean,
  ): Promise<PendingRow> {
    if (!isWellFormedSignUpToken(token)) throw InvitationError.unknownSignUpLink();
    const rows: Array<PendingRow & { expiresAt: Date }> = await manager.query(
      `SELECT id, event_id AS "eventId", email::text AS email, name, organisation, locale, expires_at AS "expiresAt"
         FROM sign_ups WHERE link_digest = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [signUpLinkDigest(token)],
    );
    const row = rows[0];
    if (!row || row.expiresAt <= now) throw InvitationError.unknownSignUpLink();
    return row;
  }

  private async openRow(manager: EntityManager, eventId: string): Promise<{ deadline: Date | null } | null> {
    const rows: Array<{ deadline: Date | null }> = await manager.query(
      `SELECT deadline FROM open_sign_ups WHERE event_id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  private async settingsOf(manager: EntityManager, event: Event, now: Date): Promise<SignUpSettings> {
    const open = await this.openRow(manager, event.id);
    const taken = (await this.seats.taken(manager, [event.id])).get(event.id) ?? 0;
    const [{ pending }]: Array<{ pending: number }> = await manager.query(
      `SELECT count(*)::int AS pending FROM sign_ups WHERE event_id = $1 AND expires_at > $2`,
      [event.id, now],
    );
    return {
      eventId: event.id,
      open: open !== null,
      deadline: open?.deadline ?? null,
      takingSignUps: open !== null && takesSignUps(event, open.deadline, now),
      capacity: event.capacity,
      taken,
      seatsLeft: seatsLeft(event.capacity, taken),
      pending,
    };
  }
}

/** Who may sign up, written once: an open, public, published event before its start and deadline. */
export function takesSignUps(
  event: Pick<Event, 'visibility' | 'status' | 'startsAt'>,
  deadline: Date | null,
  now: Date,
): boolean {
  return (
    event.visibility === 'public' &&
    event.status === 'published' &&
    now < event.startsAt &&
    (deadline === null || now < deadline)
  );
}
