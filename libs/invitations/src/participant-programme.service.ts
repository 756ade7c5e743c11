import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EmailsService } from '@app/emails';
import { renewFeedToken } from '@app/feeds';
import { Event, eventsByIds, findEvent, findOrganisation, findPerson, Locale } from '@app/planning';
import { AnswerLinks, isWellFormedToken, tokenDigest } from './answer-links';
import { ChoiceStatus, InvitationStatus } from './invitation-status';
import { InvitationError } from './invitations.error';
import { ParticipantSecrets } from './participant-secrets';

export interface ProgrammeSeat {
  event: Event;
  status: Exclude<ChoiceStatus, 'withdrawn'>;
}

/** One invitation in a participant's programme, with the seats held through it. */
export interface ProgrammeInvitation {
  invitationId: string;
  status: InvitationStatus;
  event: Event;
  /** The invitation's own answer page. */
  answerUrl: string;
  seats: ProgrammeSeat[];
}

/** What the participant's programme page shows: everything they are invited to by one host. */
export interface ParticipantProgramme {
  person: { id: string; name: string; locale: Locale; timeZone: string };
  host: { id: string; name: string };
  invitations: ProgrammeInvitation[];
}

interface HeldInvitation {
  id: string;
  eventId: string;
  status: InvitationStatus;
  answerTokenSealed: Buffer;
}

/**
 * A participant's own view of their programme, behind the secret of any of their answer links,
 * and the two things they may ask for without an organiser: their personal feed link and fresh
 * links to their programme pages, both sent by email (the email proves the address).
 */
@Injectable()
export class ParticipantProgrammes {
  private readonly logger = new Logger(ParticipantProgrammes.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly answerLinks: AnswerLinks,
    private readonly secrets: ParticipantSecrets,
    private readonly emails: EmailsService,
  ) {}

  /**
   * The person's invitations from the host of the link's event (withdrawn ones left out), in
   * start order. A link of a withdrawn invitation or an erased person opens nothing.
   */
  async programme(token: string): Promise<ParticipantProgramme> {
    const manager = this.dataSource.manager;
    const { personId, hostOrganisationId } = await this.linked(manager, token);
    const [person, host] = await Promise.all([
      findPerson(manager, personId),
      findOrganisation(manager, hostOrganisationId),
    ]);
    if (!person || !host) throw InvitationError.unknownLink();
    const held: HeldInvitation[] = await manager.query(
      `SELECT id, event_id AS "eventId", status, answer_token_sealed AS "answerTokenSealed"
         FROM invitations
        WHERE person_id = $1 AND status <> 'cancelled' AND answer_token_sealed IS NOT NULL`,
      [personId],
    );
    const seats: Array<{ invitationId: string; eventId: string; status: ProgrammeSeat['status'] }> =
      await manager.query(
        `SELECT invitation_id AS "invitationId", event_id AS "eventId", status FROM workshop_choices
          WHERE invitation_id = ANY($1::uuid[]) AND status <> 'withdrawn'`,
        [held.map((invitation) => invitation.id)],
      );
    const events = new Map(
      (
        await eventsByIds(manager, [
          ...held.map((invitation) => invitation.eventId),
          ...seats.map((seat) => seat.eventId),
        ])
      ).map((event) => [event.id, event]),
    );
    const invitations = held
      .filter((invitation) => events.get(invitation.eventId)?.hostOrganisationId === hostOrganisationId)
      .map((invitation) => ({
        invitationId: invitation.id,
        status: invitation.status,
        event: events.get(invitation.eventId)!,
        answerUrl: this.answerLinks.urlFromSealed(invitation.answerTokenSealed),
        seats: seats
          .filter((seat) => seat.invitationId === invitation.id && events.has(seat.eventId))
          .map((seat) => ({ event: events.get(seat.eventId)!, status: seat.status }))
          .sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime()),
      }))
      .sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
    return {
      person: { id: person.id, name: person.name, locale: person.locale, timeZone: person.timeZone },
      host: { id: host.id, name: host.name },
      invitations,
    };
  }

  /**
   * Issues a new personal feed link and emails it: the old link stops working. The token is
   * derived from the email's id, so the mail job writes the very link whose digest is stored here.
   */
  async sendFeedLink(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { personId } = await this.linked(manager, token);
      const emailId = await this.emails.queueForPerson(manager, {
        kind: 'feed_link',
        personId,
        dedupeKey: `feed_link:${randomUUID()}`,
      });
      await renewFeedToken(manager, personId, this.secrets.feedToken(emailId!));
    });
    this.emails.dispatchSoon();
  }

  /**
   * Emails links to the person's programme pages when the address belongs to someone with an
   * invitation; does nothing otherwise. The caller answers the same either way.
   */
  async sendProgrammeLinks(typedEmail: string): Promise<void> {
    const email = typedEmail.trim().toLowerCase();
    const queued = await this.dataSource.transaction(async (manager) => {
      const [person]: Array<{ id: string }> = await manager.query(
        `SELECT p.id FROM person_directory p
          WHERE lower(p.email) = $1
            AND EXISTS (SELECT 1 FROM invitations i
                         WHERE i.person_id = p.id AND i.status <> 'cancelled' AND i.answer_token_sealed IS NOT NULL)`,
        [email],
      );
      if (!person) return false;
      await this.emails.queueForPerson(manager, {
        kind: 'programme_links',
        personId: person.id,
        dedupeKey: `programme_links:${randomUUID()}`,
      });
      return true;
    });
    if (queued) {
      this.logger.log('Programme links queued for a participant');
      this.emails.dispatchSoon();
    }
  }

  /** The person behind an answer link, and the host of its event. */
  private async linked(
    manager: EntityManager,
    token: string,
  ): Promise<{ personId: string; hostOrganisationId: string }> {
    if (!isWellFormedToken(token)) throw InvitationError.unknownLink();
    const [invitation]: Array<{ eventId: string; personId: string | null; status: InvitationStatus }> =
      await manager.query(
        `SELECT event_id AS "eventId", person_id AS "personId", status FROM invitations WHERE answer_token_digest = $1`,
        [tokenDigest(token)],
      );
    if (!invitation?.personId || invitation.status === 'cancelled') throw InvitationError.unknownLink();
    const [event, person] = await Promise.all([
      findEvent(manager, invitation.eventId),
      findPerson(manager, invitation.personId),
    ]);
    if (!event || !person) throw InvitationError.unknownLink();
    return { personId: person.id, hostOrganisationId: event.hostOrganisationId };
  }
}
