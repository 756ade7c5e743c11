import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { AnswerLinks } from './answer-links';
import { Invitation } from './invitation.entity';
import { ChoiceStatus, InvitationStatus } from './invitation-status';
import { WorkshopChoice } from './workshop-choice.entity';

/** An invitation of seed data as the state it reached, with the stable ids it is kept under. */
export interface InvitationSeed {
  id: string;
  eventId: string;
  personId: string;
  status: InvitationStatus;
  respondedAt: Date | null;
  choices: WorkshopChoiceSeed[];
}

/** A seat the invited person holds or waits for in a part of the event. */
export interface WorkshopChoiceSeed {
  id: string;
  workshopId: string;
  status: ChoiceStatus;
}

export interface SeededInvitations {
  invitations: SeedResult[];
  choices: SeedResult[];
}

/**
 * Writes invitations of seed data (the demo programme) with their workshop seats. They are written
 * as the state they reached, without what inviting and answering through the API do besides:
 * no email, no audit entry, no webhook. An invitation of the same person to the same event, and a
 * seat of the same invitation in the same workshop, are adopted.
 */
@Injectable()
export class InvitationSeedService {
  constructor(private readonly answerLinks: AnswerLinks) {}

  /** Runs in the caller's transaction; the events and people must be written before. */
  async seed(manager: EntityManager, seeds: InvitationSeed[]): Promise<SeededInvitations> {
    const invitations = await seedRows(
      manager,
      Invitation,
      seeds.map(({ id, eventId, personId, status, respondedAt }) => ({
        id,
        values: { eventId, personId, status, respondedAt },
        naturalKey: { eventId, personId },
      })),
    );
    const choices = await seedRows(
      manager,
      WorkshopChoice,
      seeds.flatMap((seed, index) =>
        seed.choices.map((choice) => {
          const key = { invitationId: invitations[index].id, eventId: choice.workshopId };
          return { id: choice.id, values: { ...key, status: choice.status }, naturalKey: key };
        }),
      ),
    );
    await this.giveAnswerLinks(
      manager,
      invitations.map((invitation) => invitation.id),
    );
    return { invitations, choices };
  }

  /**
   * Switches open sign-up on for these events, without a deadline; an event open already keeps its
   * deadline. Runs in the caller's transaction, after the events are written.
   */
  async openSignUps(manager: EntityManager, eventIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO open_sign_ups (event_id) SELECT unnest($1::uuid[]) ON CONFLICT (event_id) DO NOTHING`,
      [eventIds],
    );
  }

  /**
   * New invitations, and withdrawn ones the seed restores, get an answer link like those the API
   * creates (so that an update email can carry it); a link that exists stays valid across loads.
   */
  private async giveAnswerLinks(manager: EntityManager, invitationIds: string[]): Promise<void> {
    const unlinked: Array<{ id: string }> = await manager.query(
      'SELECT id FROM invitations WHERE id = ANY($1::uuid[]) AND answer_token_digest IS NULL',
      [invitationIds],
    );
    if (unlinked.length === 0) return;
    const links = this.answerLinks.issueMany(unlinked.length);
    await manager.query(
      `UPDATE invitations i SET answer_token_digest = l.digest, answer_token_sealed = l.sealed
         FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS l(id, digest, sealed) WHERE i.id = l.id`,
      [unlinked.map(({ id }) => id), links.map((link) => link.digest), links.map((link) => link.sealed)],
    );
  }
}
