import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Locale, Role } from '@app/planning';

/**
 * One sign-in link and code sent to an address, or an admin's invitation of a colleague (which is
 * a sign-in link that creates the membership when it is used). Only digests of the link and the
 * code are stored; the mail job derives both again from the id and SIGN_IN_SECRET.
 */
@Entity('sign_in_requests')
@Index(['email', 'createdAt'])
export class SignInRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower case; a request for an address without an account is stored and sends nothing. */
  @Column({ length: 320 })
  email: string;

  @Index({ unique: true })
  @Column({ type: 'bytea' })
  linkDigest: Buffer;

  @Column({ type: 'bytea' })
  codeDigest: Buffer;

  /** Wrong codes tried against this request; at CODE_ATTEMPTS it no longer takes one. */
  @Column({ type: 'int', default: 0 })
  codeAttempts: number;

  /** The language of the email. */
  @Column({ type: 'varchar', length: 2 })
  language: Locale;

  /** Invitations: the organisation, role and name the membership gets. */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: Role | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  inviteeName: string | null;

  /** The account of the admin who invited, for the email's text. */
  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
