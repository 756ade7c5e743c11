import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '@app/planning';
import { WebhookEventType } from './webhook-event-types';

/** A receiver of an organisation's webhooks: where to, which event types, and the signing secrets. */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: Organisation;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 64, array: true })
  eventTypes: WebhookEventType[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Why the endpoint was disabled: by its owner, or automatically after repeated failures. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  disabledReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /**
   * Kept as it is, not as a digest: every delivery is signed with it (HMAC needs the key itself).
   * Shown once, on creation and rotation; the API never returns it otherwise.
   */
  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  /** The secret before the last rotation, which still signs until `previousSecretExpiresAt`. */
  @Column({ type: 'varchar', length: 100, nullable: true, select: false })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** Deliveries that failed for good since the last one that arrived; disables at a threshold. */
  @Column({ type: 'int', default: 0 })
  failedInARow: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
