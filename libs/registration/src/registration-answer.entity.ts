import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AnswerValue } from './question-types';

/**
 * One person's answer to one question, keyed by their invitation (an invitation, or an open
 * sign-up, which also ends in one, is a registration). The person's id is kept beside it so that
 * exporting and erasing a person finds their answers without asking invitations.
 */
@Entity('registration_answers')
@Index('IDX_registration_answers_person', ['personId'])
@Index('IDX_registration_answers_question', ['questionId'])
@Index('IDX_registration_answers_event', ['eventId'])
export class RegistrationAnswer {
  @PrimaryColumn({ type: 'uuid' })
  invitationId: string;

  @PrimaryColumn({ type: 'uuid' })
  questionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'jsonb' })
  value: AnswerValue;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
