import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Person } from '@app/planning';

/**
 * The secret behind a person's personal feed URL. Only a digest of the secret is stored, so a
 * leaked database opens no calendar; the lookup id finds the row without comparing secrets.
 * A person has at most one active token: rotating revokes the old one in the same transaction.
 */
@Entity('feed_tokens')
@Index('IDX_feed_tokens_active_person', ['personId'], { unique: true, where: '"revoked_at" IS NULL' })
export class FeedToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person: Person;

  @Index('IDX_feed_tokens_lookup_id', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  lookupId: string;

  @Column({ type: 'bytea' })
  secretDigest: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
