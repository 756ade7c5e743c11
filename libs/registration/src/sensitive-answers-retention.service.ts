import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, systemActor } from '@app/audit';
import { registrationConfig } from '@app/config';
import { eventsByIds, hostingOrganisationIds } from '@app/planning';

export interface ErasureReport {
  /** Per event whose sensitive answers went, how many went. */
  erased: Array<{ eventId: string; answers: number }>;
}

/**
 * Erases the answers to sensitive questions SENSITIVE_ANSWERS_RETENTION_DAYS after their event
 * ended; run by the worker's repeatable job. The questions stay, so a later answer (after the
 * event) is erased by the next run.
 */
@Injectable()
export class SensitiveAnswersRetention {
  private readonly logger = new Logger(SensitiveAnswersRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
    @Inject(registrationConfig.KEY) private readonly config: ConfigType<typeof registrationConfig>,
  ) {}

  /** Per event, one transaction: its answers go and an entry says how many (never which), or neither. */
  async erase(now = new Date()): Promise<ErasureReport> {
    const endedBefore = new Date(now.getTime() - this.config.sensitiveRetentionDays * 86_400_000);
    const candidates: Array<{ eventId: string }> = await this.dataSource.query(
      `SELECT DISTINCT answer.event_id AS "eventId"
         FROM registration_answers answer JOIN registration_questions question ON question.id = answer.question_id
        WHERE question.sensitive`,
    );
    const events = await eventsByIds(
      this.dataSource.manager,
      candidates.map((candidate) => candidate.eventId),
    );
    const erased: ErasureReport['erased'] = [];
    for (const event of events.filter((candidate) => candidate.endsAt < endedBefore)) {
      const answers = await this.dataSource.transaction(async (manager) => {
        const [, count]: [unknown, number] = await manager.query(
          `DELETE FROM registration_answers answer USING registration_questions question
            WHERE question.id = answer.question_id AND question.sensitive AND answer.event_id = $1`,
          [event.id],
        );
        if (count > 0) {
          await this.trail.record(manager, {
            actor: systemActor('sensitive answers retention'),
            action: 'registration.sensitive_answers_erased',
            recordType: 'event',
            recordId: event.id,
            organisationIds: hostingOrganisationIds(event),
            details: {
              erased: count,
              eventEndedAt: event.endsAt.toISOString(),
              retentionDays: this.config.sensitiveRetentionDays,
            },
          });
        }
        return count;
      });
      if (answers > 0) {
        erased.push({ eventId: event.id, answers });
        this.logger.log(`Erased ${answers} sensitive answers of event ${event.id}`);
      }
    }
    return { erased };
  }
}
