import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation, Role } from '@app/planning';
import { Account } from './account.entity';

/** An account's role in one organisation: the same roles, with the same rules, as API keys. */
@Entity('account_memberships')
export class Membership {
  @PrimaryColumn('uuid')
  accountId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
