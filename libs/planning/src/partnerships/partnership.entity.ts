import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  RelationId,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';

@Entity('partnerships')
export class Partnership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200, unique: true })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'partnership_members',
    joinColumn: { name: 'partnership_id' },
    inverseJoinColumn: { name: 'organisation_id' },
  })
  members: Organisation[];

  @RelationId((partnership: Partnership) => partnership.members)
  memberIds: string[];

  /**
   * The member that manages the membership: only it (or an admin) adds or removes members. Null
   * only after the lead organisation was deleted; then only admins change the members.
   */
  @Column({ type: 'uuid', nullable: true })
  leadOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'lead_organisation_id', foreignKeyConstraintName: 'FK_partnerships_lead_organisation' })
  leadOrganisation: Organisation | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
