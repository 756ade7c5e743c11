import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HostRole } from './host-role';

/**
 * A person hosting a guest of a visit, either for a night (a host family) or for a programme
 * item (a guide, an interpreter, a driver picking them up). Foreign keys to events and people
 * are in the migration: those tables belong to planning.
 */
@Entity('host_assignments')
export class HostAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  visitId: string;

  @Column({ type: 'uuid' })
  guestPersonId: string;

  @Column({ type: 'uuid' })
  hostPersonId: string;

  @Column({ type: 'varchar', length: 16 })
  role: HostRole;

  /** The night (its evening's date, at the visit's place), or null when it is for a programme item. */
  @Column({ type: 'date', nullable: true })
  night: string | null;

  @Column({ type: 'uuid', nullable: true })
  partId: string | null;

  /** How the guest reaches the host during this assignment; people have no phone of their own. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  phone: string | null;

  /** Where the guest sleeps (host families) or is picked up. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
