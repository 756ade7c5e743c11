import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { Actor, isAdmin, OrganisationsService, Role } from '@app/planning';
import { Account } from './account.entity';
import { AccountsError } from './accounts.error';
import { membershipInvited, membershipRemoved, membershipRoleChanged } from './membership-audit';
import { Membership } from './membership.entity';
import { SessionsService } from './sessions.service';
import { normaliseEmail, SignInService } from './sign-in.service';
import { SignInRequest } from './sign-in-request.entity';

/** A colleague has a few days to take up an invitation; sign-in links themselves last 15 minutes. */
export const INVITATION_VALIDITY_MS = 3 * 24 * 3_600_000;

export interface TeamMember {
  accountId: string;
  name: string;
  email: string;
  role: Role;
}

export interface PendingInvitation {
  email: string;
  name: string;
  role: Role;
  expiresAt: Date;
}

export interface Team {
  members: TeamMember[];
  invitations: PendingInvitation[];
}

/**
 * The members of the actor's organisation. Admins invite colleagues, change roles and remove
 * members; everyone else only reads. An organisation always keeps at least one admin.
 */
@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditTrail,
  ) {}

  async team(actor: Actor): Promise<Team> {
    const memberships = await this.dataSource.getRepository(Membership).find({
      where: { organisationId: actor.organisationId },
      relations: { account: true },
    });
    const invitations = await this.dataSource.getRepository(SignInRequest).find({
      where: { organisationId: actor.organisationId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    return {
      members: memberships
        .map((membership) => ({
          accountId: membership.accountId,
          name: membership.account.name,
          email: membership.account.email,
          role: membership.role,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      invitations: invitations.map((invitation) => ({
        email: invitation.email,
        name: invitation.inviteeName ?? invitation.email,
        role: invitation.role!,
        expiresAt: invitation.expiresAt,
      })),
    };
  }

  async invite(actor: Actor, input: { email: string; name: string; role: Role }): Promise<void> {
    assertTeamAdmin(actor);
    const email = normaliseEmail(input.email);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw AccountsError.invalid('name', 'Enter the colleague’s name (at most 200 characters).');
    }
    const organisation = await this.organisations.get(actor.organisationId);
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(Account, { email });
      if (
        account &&
        (await manager.existsBy(Membership, { accountId: account.id, organisationId: organisation.id }))
      ) {
        throw new AccountsError(
          'conflict',
          'already_member',
          `${email} is a member of this organisation already.`,
        );
      }
      const request = await this.signIn.store(manager, {
        email,
        language: account?.language ?? organisation.defaultLocale,
        validForMs: INVITATION_VALIDITY_MS,
        invitation: {
          organisationId: organisation.id,
          role: input.role,
          name,
          invitedBy: actor.who.id ?? '',
        },
      });
      await this.audit.record(
        manager,
        membershipInvited(actor.who, {
          organisationId: organisation.id,
          role: input.role,
          requestId: request.id,
        }),
      );
    });
    this.signIn.dispatchSoon();
  }

  async changeRole(actor: Actor, accountId: string, role: Role): Promise<void> {
    assertTeamAdmin(actor);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMember(manager, actor, accountId);
      if (membership.role === role) return;
      if (membership.role === 'admin') await this.assertAnotherAdmin(manager, membership);
      const previousRole = membership.role;
      membership.role = role;
      await manager.update(Membership, { accountId, organisationId: membership.organisationId }, { role });
      await this.audit.record(manager, membershipRoleChanged(actor.who, membership, previousRole));
    });
  }

  async remove(actor: Actor, accountId: string): Promise<void> {
    assertTeamAdmin(actor);
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.lockedMember(manager, actor, accountId);
      if (membership.role === 'admin') await this.assertAnotherAdmin(manager, membership);
      await manager.delete(Membership, { accountId, organisationId: membership.organisationId });
      await this.sessions.endAllFor(manager, accountId, membership.organisationId);
      await this.audit.record(manager, membershipRemoved(actor.who, membership));
    });
  }

  /** Locks all of the organisation's memberships: two admins demoting each other cannot both succeed. */
  private async lockedMember(manager: EntityManager, actor: Actor, accountId: string): Promise<Membership> {
    const memberships = await manager
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .setLock('pessimistic_write')
      .where('membership.organisationId = :organisationId', { organisationId: actor.organisationId })
      .getMany();
    const membership = memberships.find((candidate) => candidate.accountId === accountId);
    if (!membership) {
      throw new AccountsError('not_found', 'member_not_found', `No member with account id ${accountId}.`);
    }
    return membership;
  }

  private async assertAnotherAdmin(manager: EntityManager, membership: Membership): Promise<void> {
    const admins = await manager.countBy(Membership, {
      organisationId: membership.organisationId,
      role: 'admin',
    });
    if (admins <= 1) {
      throw new AccountsError(
        'conflict',
        'last_admin',
        'This is the organisation’s only admin: make someone else admin first.',
      );
    }
  }
}

/** The same rule as for API keys: only an admin manages access, here for their own organisation. */
function assertTeamAdmin(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new AccountsError(
      'forbidden',
      'role_forbidden',
      'Only an admin may invite colleagues or change roles.',
    );
  }
}
