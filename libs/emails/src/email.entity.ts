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
import { Event, Person } from '@app/planning';
import { EmailKind, EmailStatus } from './email-kind';

/**
 * The outbox: the intent to send an email, written in the same transaction as the change that
 * causes it, and afterwards the visible delivery state. Redis only carries the id.
 */
@Entity('emails')
@Index(['status', 'sendAt'])
@Index('IDX_emails_relay', ['sendAt'], { where: `"status" = 'queued' AND "enqueued_at" IS NULL` })
@Index('IDX_emails_pending_job', ['jobId'], { where: `"status" IN ('queued', 'retrying', 'sending')` })
export class Email {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: EmailKind;

  /** Null for sign-in emails, which are about a sign-in request instead. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => Event, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'event_id' })
  event: Event | null;

  /** Sign-in emails: the request (libs/accounts) whose link the email carries. No foreign key: another lib's table. */
  @Column({ type: 'uuid', nullable: true })
  signInRequestId: string | null;

  /** Sign-up emails: the pending sign-up (libs/invitations) whose link the email carries. No foreign key: another lib's table. */
  @Column({ type: 'uuid', nullable: true })
  signUpId: string | null;

  /** Null once the person was erased: the row stays, anonymous, for the event's delivery counts. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person: Person | null;

  /** No foreign key: the invitations table belongs to another lib and migration. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  /** Writing the same email twice is a no-op: producers derive this key from what the email is about. */
  @Column({ type: 'varchar', length: 300, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: EmailStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sendAt: Date;

  @Column({ type: 'int' })
  eventSequence: number;

  /** For reminders: the event start they were computed from; a moved event makes them obsolete. */
  @Column({ type: 'timestamptz', nullable: true })
  eventStartsAt: Date | null;

  @Column({ type: 'int', nullable: true })
  offsetMinutes: number | null;

  /** Derived from the id, so a duplicate after a crash carries the same Message-ID. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  /**
   * The BullMQ job that carries the email (several emails share one): set by the relay, and by
   * the job that claims the row for sending. Only that job may take up a `sending` row again.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  jobId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  skippedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
