import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Locale } from '../shared/locale';

@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  /** Short, human-typable handle such as ARN or MORO; unique and stored upper-case. */
  @Column({ length: 32, unique: true })
  code: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ length: 2 })
  country: string;

  @Column({ length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 8 })
  defaultLocale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
