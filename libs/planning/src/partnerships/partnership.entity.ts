import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
