import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditActorKind } from '@app/audit';

/**
 * Someone present at an event or session: one row per invitation and event, written when an
 * organiser ticks the name or confirms a scanned code, removed when the tick is undone (the
 * audit trail keeps both). Foreign keys to events and invitations are in the migration only:
 * those tables belong to planning and invitations.
 */
@Entity('attendance')
@Unique('UQ_attendance_event_invitation', ['eventId', 'invitationId'])
export class Attendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Index('IDX_attendance_invitation')
  @Column({ type: 'uuid' })
  invitationId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  checkedInAt: Date;

  @Column({ type: 'varchar', length: 16 })
  recordedByKind: AuditActorKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  recordedById: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  recordedByName: string | null;
}
