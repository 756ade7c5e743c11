import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { accountActor } from '@app/audit';
import { accountsConfig } from '@app/config';
import { Actor } from '@app/planning';
import { Account } from './account.entity';
import { Membership } from './membership.entity';
import { Session, SignInMethod } from './session.entity';
import { digest } from './sign-in-secrets';

/** Recording every request would write on every page; once a minute is enough for the idle expiry. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** A signed-in person, as a console request sees them. */
export interface ConsoleSession {
  sessionId: string;
  account: Account;
  /** Acts as an API key of the same organisation and role would: one set of rules for both. */
  actor: Actor;
  csrfToken: string;
}

export interface StartedSession {
  /** For the cookie; never stored. */
  token: string;
  session: Session;
}

/**
 * Console sessions in PostgreSQL, beside the accounts and memberships they depend on: removing a
 * member ends their sessions in the same transaction, and sign-out holds on every API process
 * at once. Each session has an idle and an absolute expiry.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(accountsConfig.KEY) private readonly config: ConfigType<typeof accountsConfig>,
  ) {}

  /**
   * A new session with a new token: the one the browser held before, if any, ends, so that a
   * token planted before sign-in never becomes a signed-in one.
   */
  async start(
    accountId: string,
    organisationId: string,
    previousToken?: string,
    signInMethod: SignInMethod = 'email',
  ): Promise<StartedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await this.dataSource.transaction(async (manager) => {
      if (previousToken) await this.endByToken(manager, previousToken);
      return manager.save(
        manager.create(Session, {
          tokenDigest: digest(token),
          accountId,
          organisationId,
          signInMethod,
          csrfToken: randomBytes(32).toString('base64url'),
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + this.config.sessionMaxMs),
        }),
      );
    });
    return { token, session };
  }

  /** The session behind a cookie, if it is still open and its person still a member. */
  async resume(token: string): Promise<ConsoleSession | null> {
    const session = await this.dataSource
      .getRepository(Session)
      .findOne({ where: { tokenDigest: digest(token), endedAt: IsNull() }, relations: { account: true } });
    const now = Date.now();
    if (
      !session ||
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + this.config.sessionIdleMs <= now
    ) {
      return null;
    }
    const membership = await this.dataSource
      .getRepository(Membership)
      .findOneBy({ accountId: session.accountId, organisationId: session.organisationId });
    if (!membership) return null;
    if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.getRepository(Session).update({ id: session.id }, { lastSeenAt: new Date(now) });
    }
    return {
      sessionId: session.id,
      account: session.account,
      actor: {
        organisationId: membership.organisationId,
        role: membership.role,
        who: accountActor(session.account, membership.organisationId),
      },
      csrfToken: session.csrfToken,
    };
  }

  async end(token: string): Promise<void> {
    await this.endByToken(this.dataSource.manager, token);
  }

  /** Ends every open session of an account in an organisation (the member was removed). */
  async endAllFor(manager: EntityManager, accountId: string, organisationId: string): Promise<void> {
    await manager.update(Session, { accountId, organisationId, endedAt: IsNull() }, { endedAt: new Date() });
  }

  private async endByToken(manager: EntityManager, token: string): Promise<void> {
    await manager.update(Session, { tokenDigest: digest(token), endedAt: IsNull() }, { endedAt: new Date() });
  }
}
