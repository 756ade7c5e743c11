import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '@app/planning';
import { ChoiceStatus } from './invitation-status';
import { Invitation } from './invitation.entity';

/**
 * A seat an invited person holds or waits for in a workshop or session (a part of the invited
 * event with a capacity). `createdAt` is when the current request for the seat was made: the
 * waitlist is served in that order.
 */
@Entity('workshop_choices')
@Unique('UQ_workshop_choices_invitation_event', ['invitationId', 'eventId'])
@Index('IDX_workshop_choices_event_status', ['eventId', 'status', 'createdAt'])
@Check('workshop_choices_status_check', `"status" IN ('confirmed', 'waitlisted', 'withdrawn')`)
export class WorkshopChoice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation: Invitation;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event: Event;

  @Column({ type: 'varchar', length: 16 })
  status: ChoiceStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
