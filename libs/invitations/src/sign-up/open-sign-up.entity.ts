import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '@app/planning';

/**
 * An event that takes sign-ups from the public calendar. Its own table, beside the event: who
 * may sign up, until when and into which seats is the invitations' rule, not planning's.
 */
@Entity('open_sign_ups')
export class OpenSignUp {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @OneToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Event;

  /** No sign-ups after this instant; null: until the event starts. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
