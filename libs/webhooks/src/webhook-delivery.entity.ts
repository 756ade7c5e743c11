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
import { DeliveredEventType, WebhookDeliveryStatus } from './webhook-event-types';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/**
 * The outbox and the delivery log in one: written in the transaction of the change it tells of,
 * then moved along by the worker. Redis only carries its id and the timer of its next attempt.
 */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_endpoint_seq', ['endpointId', 'seq'])
@Index('IDX_webhook_deliveries_relay', ['nextAttemptAt'], {
  where: `"status" = 'pending' AND "enqueued_at" IS NULL`,
})
@Index('IDX_webhook_deliveries_enqueued', ['jobId'], {
  where: `"status" = 'pending' AND "enqueued_at" IS NOT NULL`,
})
@Index('IDX_webhook_deliveries_delivering', ['updatedAt'], { where: `"status" = 'delivering'` })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, for stable pages of the log (newest first). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint: WebhookEndpoint;

  /** The `webhook-id` header: the same on every attempt and redelivery, so receivers can dedupe. */
  @Column({ type: 'varchar', length: 64 })
  messageId: string;

  @Column({ type: 'varchar', length: 64 })
  eventType: DeliveredEventType;

  /** The exact bytes sent (and signed) on every attempt. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  /** The BullMQ job of the current attempt; only it may claim the row. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  jobId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  /** The start of the receiver's last answer, for diagnosis; never more than a few hundred characters. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  responseExcerpt: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** For a redelivery asked through the API: the delivery it repeats. */
  @Column({ type: 'uuid', nullable: true })
  redeliveryOf: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
