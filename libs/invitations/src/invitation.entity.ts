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
import { Event, Person } from '@app/planning';
import { InvitationStatus } from './invitation-status';

/**
 * One person invited to one event, with their answer and the secret link they answer through.
 * Its workshop choices point here (WorkshopChoice.invitation); there is no inverse side, so the
 * two entity files do not import each other.
 */
@Entity('invitations')
@Unique('UQ_invitations_event_person', ['eventId', 'personId'])
@Index('IDX_invitations_event_status', ['eventId', 'status'])
@Check(
  'invitations_status_check',
  `"status" IN ('invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'cancelled')`,
)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event: Event;

  /** Null once the person was erased: the invitation stays, anonymous, in the event's counts. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person: Person | null;

  @Column({ type: 'varchar', length: 16, default: 'invited' })
  status: InvitationStatus;

  /** sha256 of the answer-link token; the lookup when someone opens the link. Null once revoked. */
  @Column({ type: 'bytea', nullable: true, unique: true, select: false })
  answerTokenDigest: Buffer | null;

  /** The token sealed with AES-256-GCM, so that mails sent later can carry the link again. */
  @Column({ type: 'bytea', nullable: true, select: false })
  answerTokenSealed: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Made by the person signing up themselves (open sign-up), not by an organiser inviting them. */
  @Column({ type: 'boolean', default: false })
  signedUp: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
