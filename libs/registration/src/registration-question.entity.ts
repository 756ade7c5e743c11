import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AskedAt, QuestionType } from './question-types';
import { QuestionTranslations } from './question-translations';

/**
 * A question an event's host asks the people who register for it. Answers refer to the options by
 * their text, so an option that answers hold cannot be removed (see QuestionsService.replace).
 */
@Entity('registration_questions')
@Index('IDX_registration_questions_event_position', ['eventId', 'position'])
@Check(
  'registration_questions_type_check',
  `"type" IN ('text', 'single_choice', 'multiple_choice', 'yes_no', 'date')`,
)
export class RegistrationQuestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** 0-based place in the event's form. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  /** The offered answers of a choice question; empty for the other types. */
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  options: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'varchar', length: 16, array: true })
  askedAt: AskedAt[];

  /** Passport numbers, health or dietary needs: hidden from viewers and co-hosts, erased after the event. */
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  /** Label and options in languages other than the event's (see question-translations.ts). */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  translations: QuestionTranslations;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
