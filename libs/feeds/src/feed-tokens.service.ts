import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, findPerson, PeopleVisibility, Person } from '@app/planning';
import { FeedLink, FeedLinks } from './feed-links';
import { FeedToken } from './feed-token.entity';
import { FeedsError } from './feeds.error';
import { storeFeedToken } from './personal-feed-tokens';

export interface IssuedFeedToken {
  personId: string;
  createdAt: Date;
  /** The personal feed URL with the token in it: shown now and never again. */
  feed: FeedLink;
}

export interface FeedTokenStatus {
  personId: string;
  active: boolean;
  createdAt: Date | null;
}

/**
 * Issues, rotates and revokes the secret in a person's personal feed URL. Organisers manage the
 * people of their own organisation; admins everyone's. Only a digest is stored, so the URL can be
 * shown once; a lost URL is replaced by rotating, which also cuts off whoever else had it.
 */
@Injectable()
export class FeedTokensService {
  private readonly logger = new Logger(FeedTokensService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: FeedLinks,
    private readonly visibility: PeopleVisibility,
  ) {}

  async status(actor: Actor, personId: string): Promise<FeedTokenStatus> {
    const person = await this.person(this.dataSource.manager, personId);
    this.assertSees(actor, person);
    const token = await this.dataSource.manager.findOneBy(FeedToken, { personId, revokedAt: IsNull() });
    return { personId, active: token !== null, createdAt: token?.createdAt ?? null };
  }

  async issue(actor: Actor, personId: string): Promise<IssuedFeedToken> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, personId, true);
      this.assertManages(actor, person);
      if (await manager.existsBy(FeedToken, { personId, revokedAt: IsNull() })) {
        throw FeedsError.conflict(
          'feed_token_exists',
          'This person already has a personal feed URL. Rotate it to get a new one (the old one stops working).',
        );
      }
      return this.create(manager, personId);
    });
  }

  async rotate(actor: Actor, personId: string): Promise<IssuedFeedToken> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, personId, true);
      this.assertManages(actor, person);
      await manager.update(FeedToken, { personId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      return this.create(manager, personId);
    });
  }

  async revoke(actor: Actor, personId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, personId, true);
      this.assertManages(actor, person);
      const result = await manager.update(
        FeedToken,
        { personId, revokedAt: IsNull() },
        { revokedAt: () => 'now()' },
      );
      if (!result.affected) {
        throw new FeedsError('not_found', 'feed_token_not_found', 'This person has no personal feed URL.');
      }
      this.logger.log(`Revoked the personal feed token of person ${personId}`);
    });
  }

  private async create(manager: EntityManager, personId: string): Promise<IssuedFeedToken> {
    const { token, plaintext } = await storeFeedToken(manager, personId);
    this.logger.log(`Issued a personal feed token for person ${personId}`);
    return { personId, createdAt: token.createdAt, feed: this.links.personal(plaintext) };
  }

  /** Locked, so two concurrent rotations cannot both leave an active token behind. */
  private async person(manager: EntityManager, personId: string, lock = false): Promise<Person> {
    const person = await findPerson(manager, personId, lock);
    if (!person) throw FeedsError.notFound('person', personId);
    return person;
  }

  /** Feed settings are personal data: others get 404, as for an unknown person. */
  private assertSees(actor: Actor, person: Person): void {
    if (!this.visibility.seesContact(actor, person)) throw FeedsError.notFound('person', person.id);
  }

  private assertManages(actor: Actor, person: Person): void {
    this.assertSees(actor, person);
    if (actor.role === 'viewer') throw FeedsError.forbidden('This API key may only read.');
  }
}
