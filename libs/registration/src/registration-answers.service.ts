import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditTrail } from '@app/audit';
import {
  Actor,
  ErasedCounts,
  EventsService,
  findEvent,
  hostingOrganisationIds,
  PersonDataHolder,
  PersonDataHolders,
} from '@app/planning';
import { AnswerValue, AskedAt } from './question-types';
import { readAnswers } from './question-rules';
import { hostedEvent, maySeeSensitiveAnswers } from './registration-access';
import { RegistrationAnswer } from './registration-answer.entity';
import { RegistrationQuestion } from './registration-question.entity';
import { RegistrationError } from './registration.error';
import { questionsOf } from './registration-questions.service';

/** The registration an answer belongs to: an invitation (or an open sign-up's) of a person to an event. */
export interface Registration {
  invitationId: string;
  eventId: string;
  personId: string;
  /** Who answers: the person themselves, or an organiser for them. */
  actor: AuditActor;
}

/** A question as a reader of answers sees it: sensitive answers may be withheld from them. */
export interface AnsweredQuestion {
  id: string;
  label: string;
  type: RegistrationQuestion['type'];
  sensitive: boolean;
  /** False when the reader may not see the answers, or did not ask for sensitive ones. */
  shown: boolean;
}

export interface RegistrationAnswers {
  eventId: string;
  /** Whether sensitive answers are in this answer. */
  sensitiveIncluded: boolean;
  questions: AnsweredQuestion[];
  /** Per invitation, the answers to the shown questions; unanswered ones are absent. */
  registrations: Array<{ invitationId: string; personId: string; answers: Record<string, AnswerValue> }>;
}

/** The answers as an exporter writes them: one column per shown question, one row per invitation. */
export type InvitationRegistrationAnswers = Array<{ question: AnsweredQuestion; value: AnswerValue | null }>;

export interface AnswersForExport {
  columns: Array<{ questionId: string; label: string; sensitive: boolean }>;
  /** Per invitation id, one value per column in the columns' order; null where unanswered. */
  rows: Map<string, Array<AnswerValue | null>>;
}

export interface ReadOptions {
  /**
   * Sensitive answers are only included when asked for, and asking is refused (403) to those who
   * may not see them.
   */
  includeSensitive: boolean;
}

/** Answers to an event's registration questions: recording them, and reading them as allowed. */
@Injectable()
export class RegistrationAnswersService implements PersonDataHolder, OnModuleInit {
  readonly section = 'registrationAnswers';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditTrail,
    private readonly holders: PersonDataHolders,
  ) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  /**
   * Checks and stores the answers given at this stage, in the caller's transaction (the answer to
   * the invitation, or the sign-up), so that both are saved or neither. Refused answers throw
   * `registration_answers_invalid` naming each question. An empty answer removes a stored one.
   * The audit trail records which questions were answered, never the values.
   */
  async recordIn(
    manager: EntityManager,
    registration: Registration,
    raw: Record<string, unknown>,
    stage: { askedAt: AskedAt; accepting: boolean },
    withheld: 'none' | 'sensitive' = 'none',
  ): Promise<void> {
    const questions = (await questionsOf(manager, registration.eventId, stage.askedAt)).filter(
      (question) => withheld === 'none' || !question.sensitive,
    );
    if (questions.length === 0 && Object.keys(raw).length === 0) return;
    const { values, problems } = readAnswers(questions, raw, stage);
    if (problems.length > 0) throw RegistrationError.invalidAnswers(problems);
    const stored = await this.storedAnswers(manager, registration.invitationId);
    const changed: RegistrationQuestion[] = [];
    for (const question of questions) {
      const value = values.get(question.id) ?? null;
      const before = stored.get(question.id);
      if (value === null) {
        if (before === undefined) continue;
        await manager.delete(RegistrationAnswer, {
          invitationId: registration.invitationId,
          questionId: question.id,
        });
      } else if (JSON.stringify(before) !== JSON.stringify(value)) {
        await manager.query(
          `INSERT INTO registration_answers (invitation_id, question_id, event_id, person_id, value)
           VALUES ($1, $2, $3, $4, $5::jsonb)
           ON CONFLICT (invitation_id, question_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [
            registration.invitationId,
            question.id,
            registration.eventId,
            registration.personId,
            JSON.stringify(value),
          ],
        );
      } else continue;
      changed.push(question);
    }
    if (changed.length === 0) return;
    const event = await findEvent(manager, registration.eventId);
    await this.audit.record(manager, {
      actor: registration.actor,
      action: 'registration.answers_recorded',
      recordType: 'invitation',
      recordId: registration.invitationId,
      organisationIds: event ? hostingOrganisationIds(event) : [],
      subjectPersonId: registration.personId,
      details: {
        eventId: registration.eventId,
        questionIds: changed.map((question) => question.id),
        sensitiveChanged: changed.filter((question) => question.sensitive).length,
      },
    });
  }

  /**
   * Answers an organiser records for someone (a phone call), with their answer to the invitation:
   * the same checks and audit entry as the person's own, naming the organiser. Those who may not
   * see sensitive answers neither see nor change them: those questions are left as they are.
   */
  async recordForIn(
    manager: EntityManager,
    actor: Actor,
    registration: Registration,
    raw: Record<string, unknown>,
    stage: { askedAt: AskedAt; accepting: boolean },
  ): Promise<void> {
    const event = await findEvent(manager, registration.eventId);
    const allowed = event !== null && maySeeSensitiveAnswers(actor, event);
    await this.recordIn(manager, registration, raw, stage, allowed ? 'none' : 'sensitive');
  }

  /** The person's own answers, for their answer page: theirs to see, sensitive ones included. */
  async ownAnswers(invitationId: string): Promise<Map<string, AnswerValue>> {
    return this.storedAnswers(this.dataSource.manager, invitationId);
  }

  /** The answers of an event's registrations, as far as the actor may read them. */
  async list(actor: Actor, eventId: string, options: ReadOptions): Promise<RegistrationAnswers> {
    const { questions, shown } = await this.readable(actor, eventId, options);
    const rows: Array<Pick<RegistrationAnswer, 'invitationId' | 'personId' | 'questionId' | 'value'>> =
      shown.length === 0
        ? []
        : await this.dataSource.manager.query(
            `SELECT invitation_id AS "invitationId", person_id AS "personId", question_id AS "questionId", value
               FROM registration_answers WHERE event_id = $1 AND question_id = ANY($2::uuid[])
              ORDER BY invitation_id`,
            [eventId, shown.map((question) => question.id)],
          );
    const registrations = new Map<string, RegistrationAnswers['registrations'][number]>();
    for (const row of rows) {
      const registration = registrations.get(row.invitationId) ?? {
        invitationId: row.invitationId,
        personId: row.personId,
        answers: {},
      };
      registration.answers[row.questionId] = row.value;
      registrations.set(row.invitationId, registration);
    }
    return {
      eventId,
      sensitiveIncluded: shown.some((question) => question.sensitive),
      questions,
      registrations: [...registrations.values()],
    };
  }

  /** One registration's answers, for the console's invitee page: sensitive ones to those who may see them. */
  async forInvitation(
    actor: Actor,
    eventId: string,
    invitationId: string,
  ): Promise<InvitationRegistrationAnswers> {
    const { questions } = await this.readable(actor, eventId, { includeSensitive: 'when_allowed' });
    const stored = await this.storedAnswers(this.dataSource.manager, invitationId);
    return questions.map((question) => ({
      question,
      value: question.shown ? (stored.get(question.id) ?? null) : null,
    }));
  }

  /**
   * For the participant export: a column per question the actor may read (sensitive ones only
   * with `includeSensitive`, and only for admins and the host's organisers), a row per invitation.
   */
  async forExport(eventId: string, actor: Actor, options: ReadOptions): Promise<AnswersForExport> {
    const answers = await this.list(actor, eventId, options);
    const columns = answers.questions
      .filter((question) => question.shown)
      .map(({ id, label, sensitive }) => ({ questionId: id, label, sensitive }));
    const rows = new Map(
      answers.registrations.map((registration) => [
        registration.invitationId,
        columns.map((column) => registration.answers[column.questionId] ?? null),
      ]),
    );
    return { columns, rows };
  }

  async exportPerson(manager: EntityManager, personId: string): Promise<unknown> {
    return manager.query(
      `SELECT answer.invitation_id AS "invitationId", answer.event_id AS "eventId", question.label AS question,
              answer.value, answer.updated_at AS "updatedAt"
         FROM registration_answers answer JOIN registration_questions question ON question.id = answer.question_id
        WHERE answer.person_id = $1 ORDER BY answer.event_id, question.position`,
      [personId],
    );
  }

  async erasePerson(manager: EntityManager, personId: string): Promise<ErasedCounts> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM registration_answers WHERE person_id = $1`,
      [personId],
    );
    return { registrationAnswersDeleted: deleted };
  }

  /**
   * The one place that decides which answers a reader gets: everything for admins and the host's
   * organisers when they ask for sensitive answers; the answers to the other questions otherwise.
   */
  private async readable(
    actor: Actor,
    eventId: string,
    options: { includeSensitive: boolean | 'when_allowed' },
  ): Promise<{ questions: AnsweredQuestion[]; shown: AnsweredQuestion[] }> {
    const manager = this.dataSource.manager;
    const event = await hostedEvent(manager, this.events, actor, eventId);
    const allowed = maySeeSensitiveAnswers(actor, event);
    // Said plainly rather than answered without them: the caller asked for what it cannot get.
    if (options.includeSensitive === true && !allowed) {
      throw RegistrationError.forbidden(
        "Sensitive answers are shown only to admins and organisers of the event's host.",
      );
    }
    const include = options.includeSensitive === 'when_allowed' ? allowed : options.includeSensitive;
    const questions = (await questionsOf(manager, eventId)).map((question) => ({
      id: question.id,
      label: question.label,
      type: question.type,
      sensitive: question.sensitive,
      shown: !question.sensitive || include,
    }));
    return { questions, shown: questions.filter((question) => question.shown) };
  }

  private async storedAnswers(
    manager: EntityManager,
    invitationId: string,
  ): Promise<Map<string, AnswerValue>> {
    const rows: Array<{ questionId: string; value: AnswerValue }> = await manager.query(
      `SELECT question_id AS "questionId", value FROM registration_answers WHERE invitation_id = $1`,
      [invitationId],
    );
    return new Map(rows.map((row) => [row.questionId, row.value]));
  }
}
