import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { accountActor, AuditTrail } from '@app/audit';
import { httpConfig } from '@app/config';
import { EmailsService } from '@app/emails';
import { Locale, OrganisationsService } from '@app/planning';
import { Account } from './account.entity';
import { AccountsError } from './accounts.error';
import { membershipCreated } from './membership-audit';
import { Membership } from './membership.entity';
import { digest, isWellFormedLink, normaliseCode, signInPath, SignInSecrets } from './sign-in-secrets';
import { SignInRequest } from './sign-in-request.entity';

/** A sign-in link and code work this long, once. */
export const SIGN_IN_VALIDITY_MS = 15 * 60_000;
/** Wrong codes a request takes before it stops taking any. */
export const CODE_ATTEMPTS = 5;
/**
 * Sign-in emails per address within SIGN_IN_VALIDITY_MS; further requests are answered alike
 * and send nothing, so that nobody can flood an inbox through the form.
 */
export const EMAILS_PER_ADDRESS = 3;

/** Who has just proven their address, and for which organisation they act. */
export interface SignedIn {
  account: Account;
  organisationId: string;
}

export function normaliseEmail(typed: string): string {
  const email = typed.trim().toLowerCase();
  if (email.length > 320 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw AccountsError.invalid('email', 'Enter an email address, such as name@example.org.');
  }
  return email;
}

/**
 * Sign-in by email: a request sends a one-time link and code through the outbox; redeeming one
 * proves the address. Invitations of colleagues (TeamService) are requests that also carry the
 * membership to create.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SignInSecrets,
    private readonly emails: EmailsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditTrail,
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
  ) {
    this.baseUrl = http.publicBaseUrl;
  }

  /**
   * Sends a link to the address if it belongs to an account. The caller answers the same either
   * way: whether an address has an account is not to be learnt from the form.
   */
  async requestLink(typedEmail: string): Promise<void> {
    const email = normaliseEmail(typedEmail);
    const sent = await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(Account, { email });
      if (!account || !(await manager.existsBy(Membership, { accountId: account.id }))) return false;
      // Serialises requests for one address, so that the count below holds.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in:${email}`]);
      const recent = await manager.countBy(SignInRequest, {
        email,
        createdAt: MoreThan(new Date(Date.now() - SIGN_IN_VALIDITY_MS)),
      });
      if (recent >= EMAILS_PER_ADDRESS) {
        this.logger.warn(`Sign-in emails to account ${account.id} are limited; no further email sent`);
        return false;
      }
      await this.store(manager, { email, language: account.language, validForMs: SIGN_IN_VALIDITY_MS });
      return true;
    });
    if (sent) this.dispatchSoon();
  }

  /** Writes a request and its email in the caller's transaction; link and code derive from the id. */
  async store(
    manager: EntityManager,
    input: {
      email: string;
      language: Locale;
      validForMs: number;
      invitation?: { organisationId: string; role: Membership['role']; name: string; invitedBy: string };
      /** False for a link handed over another way (printed by the demo start). */
      sendEmail?: boolean;
    },
  ): Promise<SignInRequest> {
    const id = randomUUID();
    const request = await manager.save(
      manager.create(SignInRequest, {
        id,
        email: input.email,
        language: input.language,
        linkDigest: digest(this.secrets.linkToken(id)),
        codeDigest: this.secrets.codeDigest(id, this.secrets.code(id)),
        expiresAt: new Date(Date.now() + input.validForMs),
        organisationId: input.invitation?.organisationId ?? null,
        role: input.invitation?.role ?? null,
        inviteeName: input.invitation?.name ?? null,
        invitedBy: input.invitation?.invitedBy ?? null,
      }),
    );
    if (input.sendEmail !== false) await this.emails.queueSignIn(manager, request.id);
    return request;
  }

  /**
   * A fresh sign-in link for an existing member, returned instead of emailed: for the operator's
   * own tools (npm start prints one per demo organiser).
   */
  async linkFor(typedEmail: string): Promise<string> {
    const email = normaliseEmail(typedEmail);
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneByOrFail(Account, { email });
      const request = await this.store(manager, {
        email,
        language: account.language,
        validForMs: SIGN_IN_VALIDITY_MS,
        sendEmail: false,
      });
      return `${this.baseUrl}${signInPath(this.secrets.linkToken(request.id))}`;
    });
  }

  /** Asks the worker for a pass now that a request's email is committed. */
  dispatchSoon(): void {
    this.emails.dispatchSoon();
  }

  /**
   * The language of a link's request if the link would sign in now, null if not: for the page that
   * asks to confirm (so that mail scanners use nothing up), in the language of the email.
   */
  async usableLinkLanguage(token: string): Promise<Locale | null> {
    if (!isWellFormedLink(token)) return null;
    const request = await this.dataSource
      .getRepository(SignInRequest)
      .findOneBy({ linkDigest: digest(token) });
    return request && usable(request) ? request.language : null;
  }

  async redeemLink(token: string): Promise<SignedIn> {
    if (!isWellFormedLink(token)) throw invalidLink();
    return this.dataSource.transaction(async (manager) => {
      const request = await manager
        .getRepository(SignInRequest)
        .createQueryBuilder('request')
        .setLock('pessimistic_write')
        .where('request.linkDigest = :digest', { digest: digest(token) })
        .getOne();
      if (!request || !usable(request)) throw invalidLink();
      return this.redeem(manager, request);
    });
  }

  /** The code from the email, typed on another device together with the address. */
  async redeemCode(typedEmail: string, typedCode: string): Promise<SignedIn> {
    const email = normaliseEmail(typedEmail);
    const code = normaliseCode(typedCode);
    if (!code) throw AccountsError.invalid('code', 'The code has eight digits.');
    const result = await this.dataSource.transaction(async (manager) => {
      const pending = await manager
        .getRepository(SignInRequest)
        .createQueryBuilder('request')
        .setLock('pessimistic_write')
        .where('request.email = :email', { email })
        .andWhere('request.usedAt IS NULL')
        .andWhere('request.expiresAt > now()')
        .andWhere('request.codeAttempts < :attempts', { attempts: CODE_ATTEMPTS })
        .orderBy('request.createdAt', 'DESC')
        .getMany();
      const match = pending.find((request) =>
        this.secrets.codeDigest(request.id, code).equals(request.codeDigest),
      );
      if (match) return this.redeem(manager, match);
      if (pending.length > 0) {
        await manager.increment(
          SignInRequest,
          pending.map((request) => ({ id: request.id })),
          'codeAttempts',
          1,
        );
      }
      return null;
    });
    if (!result) throw invalidLink();
    return result;
  }

  private async redeem(manager: EntityManager, request: SignInRequest): Promise<SignedIn> {
    await manager.update(SignInRequest, { id: request.id }, { usedAt: new Date() });
    // Every other link to the address stops working too: one sign-in uses them all up.
    await manager.update(
      SignInRequest,
      { email: request.email, usedAt: IsNull(), organisationId: IsNull() },
      { usedAt: new Date() },
    );
    if (request.organisationId && request.role) return this.acceptInvitation(manager, request);
    const member = await this.member(manager, request.email);
    if (!member) throw invalidLink();
    return member;
  }

  /**
   * Signs in the account of an address someone else has proven (the OpenID Connect provider):
   * only an existing member, as there is no self-registration.
   */
  async provenAddress(provenEmail: string): Promise<SignedIn> {
    const email = normaliseEmail(provenEmail);
    const member = await this.member(this.dataSource.manager, email);
    if (!member) {
      throw new AccountsError(
        'forbidden',
        'account_unknown',
        'No organiser account has this email address; an admin of your organisation can invite you.',
        [],
        email,
      );
    }
    return member;
  }

  /** The account of an address with the organisation it acts for: its first membership. */
  private async member(manager: EntityManager, email: string): Promise<SignedIn | null> {
    const account = await manager.findOneBy(Account, { email });
    const membership = account
      ? await manager.findOne(Membership, { where: { accountId: account.id }, order: { createdAt: 'ASC' } })
      : null;
    return account && membership ? { account, organisationId: membership.organisationId } : null;
  }

  /** The invited person's account (made now if they have none) becomes a member. */
  private async acceptInvitation(manager: EntityManager, request: SignInRequest): Promise<SignedIn> {
    const organisationId = request.organisationId!;
    let account = await manager.findOneBy(Account, { email: request.email });
    if (!account) {
      const organisation = await this.organisations.get(organisationId);
      account = await manager.save(
        manager.create(Account, {
          email: request.email,
          name: request.inviteeName ?? request.email,
          language: request.language,
          timeZone: organisation.timeZone,
        }),
      );
    }
    const existing = await manager.findOneBy(Membership, { accountId: account.id, organisationId });
    if (!existing) {
      const membership = await manager.save(
        manager.create(Membership, { accountId: account.id, organisationId, role: request.role! }),
      );
      await this.audit.record(
        manager,
        membershipCreated(accountActor(account, organisationId), membership, account),
      );
    }
    return { account, organisationId };
  }
}

function usable(request: SignInRequest): boolean {
  return request.usedAt === null && request.expiresAt.getTime() > Date.now();
}

function invalidLink(): AccountsError {
  return new AccountsError(
    'invalid',
    'sign_in_link_invalid',
    'This sign-in link or code is not valid: it was used already, has expired or was mistyped.',
  );
}
