import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An event's own retention of sensitive answers; events without one keep the configured default. */
@Entity('sensitive_answers_retention')
@Check('sensitive_answers_retention_days_check', `"days" BETWEEN 0 AND 3650`)
export class SensitiveAnswersRetentionDays {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  /** Days after the event's end until its sensitive answers are erased. */
  @Column({ type: 'int' })
  days: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
