import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail, systemActor } from '@app/audit';
import { registrationConfig } from '@app/config';
import { Actor, eventsByIds, EventsService, hostingOrganisationIds } from '@app/planning';
import { hostedEvent, maySeeSensitiveAnswers } from './registration-access';
import { SensitiveAnswersRetentionDays } from './sensitive-answers-retention.entity';
import { RegistrationError } from './registration.error';

export interface ErasureReport {
  /** Per event whose sensitive answers went, how many went. */
  erased: Array<{ eventId: string; answers: number }>;
}

/** The longest an event may keep sensitive answers: ten years. */
export const MAX_RETENTION_DAYS = 3650;

/** How long an event keeps its sensitive answers after it ended. */
export interface RetentionPolicy {
  eventId: string;
  /** The event's own number of days, or null when it keeps the default. */
  days: number | null;
  defaultDays: number;
  /** What the erasure uses: the event's own days, else the default. */
  effectiveDays: number;
  /** Whether the reader may change it (admins and the host's organisers). */
  editable: boolean;
}

/**
 * Erases the answers to sensitive questions a number of days after their event ended: the
 * event's own days where its host set them, else SENSITIVE_ANSWERS_RETENTION_DAYS. Run by the
 * worker's repeatable job. The questions stay, so a later answer (after the
 * event) is erased by the next run.
 */
@Injectable()
export class SensitiveAnswersRetention {
  private readonly logger = new Logger(SensitiveAnswersRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
    @Inject(registrationConfig.KEY) private readonly config: ConfigType<typeof registrationConfig>,
    private readonly events: EventsService,
  ) {}

  async policy(actor: Actor, eventId: string): Promise<RetentionPolicy> {
    const manager = this.dataSource.manager;
    const event = await hostedEvent(manager, this.events, actor, eventId);
    const own = await manager.findOneBy(SensitiveAnswersRetentionDays, { eventId });
    return this.policyOf(eventId, own?.days ?? null, maySeeSensitiveAnswers(actor, event));
  }

  /**
   * Sets the event's own days (0 to 3650), or with null returns it to the default; audited with
   * the days before and after. Only those who may change the questions may change it.
   */
  async setDays(actor: Actor, eventId: string, days: number | null): Promise<RetentionPolicy> {
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > MAX_RETENTION_DAYS)) {
      throw RegistrationError.invalid(
        'days',
        `The days after the event must be a whole number from 0 to ${MAX_RETENTION_DAYS}, or empty for the default.`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const event = await hostedEvent(manager, this.events, actor, eventId);
      if (!maySeeSensitiveAnswers(actor, event)) {
        throw RegistrationError.forbidden(
          "Only admins and organisers of the event's host may change how long its sensitive answers are kept.",
        );
      }
      const before = await manager.findOne(SensitiveAnswersRetentionDays, {
        where: { eventId },
        lock: { mode: 'pessimistic_write' },
      });
      const previous = before?.days ?? null;
      if (previous !== days) {
        if (days === null) await manager.delete(SensitiveAnswersRetentionDays, { eventId });
        else await manager.upsert(SensitiveAnswersRetentionDays, { eventId, days }, ['eventId']);
        await this.trail.record(manager, {
          actor: actor.who,
          action: 'registration.retention_changed',
          recordType: 'event',
          recordId: eventId,
          organisationIds: hostingOrganisationIds(event),
          changes: [{ field: 'retentionDays', before: previous, after: days }],
          details: { defaultDays: this.config.sensitiveRetentionDays },
        });
      }
      return this.policyOf(eventId, days, true);
    });
  }

  private policyOf(eventId: string, days: number | null, editable: boolean): RetentionPolicy {
    const defaultDays = this.config.sensitiveRetentionDays;
    return { eventId, days, defaultDays, effectiveDays: days ?? defaultDays, editable };
  }

  /** Per event, one transaction: its answers go and an entry says how many (never which), or neither. */
  async erase(now = new Date()): Promise<ErasureReport> {
    const candidates: Array<{ eventId: string; days: number | null }> = await this.dataSource.query(
      `SELECT DISTINCT answer.event_id AS "eventId", retention.days
         FROM registration_answers answer JOIN registration_questions question ON question.id = answer.question_id
         LEFT JOIN sensitive_answers_retention retention ON retention.event_id = answer.event_id
        WHERE question.sensitive`,
    );
    const daysOf = new Map(
      candidates.map((candidate) => [
        candidate.eventId,
        candidate.days ?? this.config.sensitiveRetentionDays,
      ]),
    );
    const due = (event: { id: string; endsAt: Date }) =>
      event.endsAt.getTime() < now.getTime() - daysOf.get(event.id)! * 86_400_000;
    const events = await eventsByIds(
      this.dataSource.manager,
      candidates.map((candidate) => candidate.eventId),
    );
    const erased: ErasureReport['erased'] = [];
    for (const event of events.filter(due)) {
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
              retentionDays: daysOf.get(event.id)!,
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
