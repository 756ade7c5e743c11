import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Locale } from '@app/planning';

/**
 * An organiser's personal account: one per email address (kept in lower case, so that one
 * address is one account however it is typed). Created by the invitation that first makes the
 * person a member; there is no self-registration.
 */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 320, unique: true })
  email: string;

  @Column({ length: 200 })
  name: string;

  /** The console's and the sign-in emails' language. */
  @Column({ type: 'varchar', length: 2 })
  language: Locale;

  @Column({ length: 64 })
  timeZone: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
