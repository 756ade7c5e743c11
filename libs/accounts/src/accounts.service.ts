import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, systemActor } from '@app/audit';
import { Locale, Role } from '@app/planning';
import { Account } from './account.entity';
import { membershipCreated } from './membership-audit';
import { Membership } from './membership.entity';
import { normaliseEmail } from './sign-in.service';

export interface MemberSeed {
  email: string;
  name: string;
  language: Locale;
  timeZone: string;
  organisationId: string;
  role: Role;
}

/** A person's own account settings, and members the operator sets up (the demo seed). */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async setLanguage(accountId: string, language: Locale): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id: accountId }, { language });
  }

  /**
   * The account of this address with this membership, made if missing (by the operator, e.g. the
   * demo seed: there is no self-registration). Running it again changes nothing.
   */
  async ensureMember(seed: MemberSeed, by = systemActor('demo seed')): Promise<Account> {
    const email = normaliseEmail(seed.email);
    return this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Account)
        .values({ email, name: seed.name, language: seed.language, timeZone: seed.timeZone })
        .orIgnore()
        .execute();
      const account = await manager.findOneByOrFail(Account, { email });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Membership)
        .values({ accountId: account.id, organisationId: seed.organisationId, role: seed.role })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length > 0) {
        const membership = await manager.findOneByOrFail(Membership, {
          accountId: account.id,
          organisationId: seed.organisationId,
        });
        await this.audit.record(manager, membershipCreated(by, membership, account));
      }
      return account;
    });
  }
}
