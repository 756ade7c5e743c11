import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organisation, Role } from '@app/planning';

/**
 * An organiser API key. Only a SHA-256 digest of the secret part is stored: the secret is 256
 * random bits, so a slow password hash would add latency to every request without adding safety.
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  /** Public, non-secret lookup handle that is part of the key, so a key is found without scanning. */
  @Index({ unique: true })
  @Column({ length: 32 })
  lookupId: string;

  @Column({ type: 'bytea' })
  secretDigest: Buffer;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
