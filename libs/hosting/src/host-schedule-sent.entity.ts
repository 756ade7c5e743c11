import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The schedule a host was last sent for a visit, by digest: sending again skips hosts whose schedule is the same. */
@Entity('host_schedules_sent')
export class HostScheduleSent {
  @PrimaryColumn({ type: 'uuid' })
  visitId: string;

  @PrimaryColumn({ type: 'uuid' })
  hostPersonId: string;

  @Column({ type: 'varchar', length: 64 })
  digest: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;
}
