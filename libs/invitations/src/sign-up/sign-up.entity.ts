import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Event, Locale } from '@app/planning';

/**
 * A sign-up waiting for the person to confirm their address (double opt-in). It holds no seat.
 * Deleted when it is confirmed (the person and the invitation take over) and once it expired,
 * so that the data of people who never confirmed does not linger.
 */
@Entity('sign_ups')
@Index('IDX_sign_ups_email', ['email', 'createdAt'])
@Check('CHK_sign_ups_locale', `"locale" IN ('de', 'en', 'sw')`)
export class SignUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Event;

  @Column({ type: 'citext' })
  email: string;

  @Column({ length: 200 })
  name: string;

  /** Free text, as typed: where the person comes from. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  /**
   * sha256 of the confirmation link's token, which is derived from the id (SignUpSecrets): the
   * mail job derives it again, so the link is stored nowhere readable.
   */
  @Column({ type: 'bytea', unique: true, select: false })
  linkDigest: Buffer;

  @Index('IDX_sign_ups_expires')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
