import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A guest in a room of an accommodation for one night: the rooming list is these rows by night and room. */
@Entity('room_assignments')
export class RoomAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  visitId: string;

  @Column({ type: 'uuid' })
  accommodationId: string;

  /** The night, by its evening's date at the accommodation. */
  @Column({ type: 'date' })
  night: string;

  @Column({ type: 'varchar', length: 100 })
  room: string;

  @Column({ type: 'uuid' })
  guestPersonId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
