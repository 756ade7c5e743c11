import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from './account.entity';

/** How a session was signed in: the emailed link or code, or the OpenID Connect provider. */
export const SIGN_IN_METHODS = ['email', 'single_sign_on'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * A console session, stored server-side: the cookie carries a random token whose SHA-256 digest
 * is the lookup, so a database dump opens no session. Ended sessions stay until they expire, for
 * the record of when someone signed out.
 */
@Entity('account_sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'bytea' })
  tokenDigest: Buffer;

  @Index()
  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;

  /** The organisation the person acts for in this session. */
  @Column({ type: 'uuid' })
  organisationId: string;

  /** The synchronizer token every state-changing form of this session must carry. */
  @Column({ length: 64 })
  csrfToken: string;

  @Column({ type: 'varchar', length: 20, default: 'email' })
  signInMethod: SignInMethod;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
