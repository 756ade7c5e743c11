import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { FieldProblem } from '@app/errors';
import { Actor, Event, EventsService, hostingOrganisationIds, Locale } from '@app/planning';
import { hostedEvent, maySeeSensitiveAnswers } from './registration-access';
import { RegistrationQuestion } from './registration-question.entity';
import { RegistrationError } from './registration.error';
import { AskedAt } from './question-types';
import { checkQuestions, QuestionInput } from './question-rules';
import { missingQuestionTranslations, QuestionTranslations } from './question-translations';

/** The questions of an event, as the hosts see them. */
export interface EventQuestions {
  eventId: string;
  /** Whether the reader may change them (admins and the host's organisers). */
  editable: boolean;
  /** The event's language, in which the questions were written. */
  originalLanguage: Locale;
  questions: Array<RegistrationQuestion & { missingTranslations: Locale[] }>;
}

/** An event's registration questions: reading them, and replacing them as a whole ordered list. */
@Injectable()
export class RegistrationQuestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor, eventId: string): Promise<EventQuestions> {
    const manager = this.dataSource.manager;
    const event = await hostedEvent(manager, this.events, actor, eventId);
    return withMissing(event, maySeeSensitiveAnswers(actor, event), await questionsOf(manager, eventId));
  }

  /** What the answer page or the sign-up form asks; the link or the form is the credential. */
  asked(eventId: string, askedAt: AskedAt): Promise<RegistrationQuestion[]> {
    return questionsOf(this.dataSource.manager, eventId, askedAt);
  }

  /**
   * Replaces the event's questions with these, in this order: questions with an id are changed,
   * those without are added, those left out are removed with their answers. Changes that would
   * make answers unreadable are refused (409): a new type for a question that has answers, or
   * removing an option that answers hold. Renaming an option is removing it and adding another.
   */
  async replace(actor: Actor, eventId: string, inputs: QuestionInput[]): Promise<EventQuestions> {
    return this.dataSource.transaction(async (manager) => {
      const event = await hostedEvent(manager, this.events, actor, eventId);
      if (!maySeeSensitiveAnswers(actor, event)) {
        throw RegistrationError.forbidden(
          actor.role === 'viewer'
            ? 'Viewers may only read the questions.'
            : "Only admins and organisers of the event's host may change its questions.",
        );
      }
      const { questions, problems } = checkQuestions(inputs, event.originalLanguage);
      if (problems.length > 0) throw RegistrationError.invalidQuestions(problems);
      const current: RegistrationQuestion[] = await manager
        .getRepository(RegistrationQuestion)
        .createQueryBuilder('question')
        .where('question.eventId = :eventId', { eventId })
        .setLock('pessimistic_write')
        .getMany();
      const byId = new Map(current.map((question) => [question.id, question]));
      const unknown = questions.flatMap((question, index) =>
        question.id !== undefined && !byId.has(question.id)
          ? [
              {
                field: `questions[${index}].id`,
                message: `Question ${index + 1}: this event has no question ${question.id}.`,
              },
            ]
          : [],
      );
      if (unknown.length > 0) throw RegistrationError.invalidQuestions(unknown);
      await this.refuseUnreadable(manager, questions, byId);

      const kept = new Set(questions.flatMap((question) => (question.id ? [question.id] : [])));
      const removed = current.filter((question) => !kept.has(question.id));
      const answersRemoved =
        removed.length === 0
          ? 0
          : await answerCount(
              manager,
              removed.map((q) => q.id),
            );
      if (removed.length > 0)
        await manager.delete(
          RegistrationQuestion,
          removed.map((question) => question.id),
        );
      const added: string[] = [];
      const changed: string[] = [];
      const repository = manager.getRepository(RegistrationQuestion);
      for (const [position, question] of questions.entries()) {
        const before = question.id ? byId.get(question.id) : undefined;
        const fields = {
          ...question,
          translations: question.translations ?? keptTranslations(before, question.options),
          position,
          eventId,
        };
        if (!before) {
          const saved = await repository.save(repository.create({ ...fields, id: undefined }));
          added.push(saved.id);
        } else if (differs(before, fields)) {
          await repository.update(before.id, { ...fields, id: undefined });
          changed.push(before.id);
        }
      }
      if (added.length + changed.length + removed.length > 0) {
        await this.audit.record(manager, {
          actor: actor.who,
          action: 'registration.questions_changed',
          recordType: 'event',
          recordId: eventId,
          organisationIds: hostingOrganisationIds(event),
          details: { added, changed, removed: removed.map((question) => question.id), answersRemoved },
        });
      }
      return withMissing(event, true, await questionsOf(manager, eventId));
    });
  }

  private async refuseUnreadable(
    manager: EntityManager,
    questions: QuestionInput[],
    byId: Map<string, RegistrationQuestion>,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const [index, question] of questions.entries()) {
      const before = question.id ? byId.get(question.id) : undefined;
      if (!before) continue;
      if (before.type !== question.type && (await answerCount(manager, [before.id])) > 0) {
        problems.push({
          field: `questions[${index}].type`,
          message: `“${before.label}” has answers: its type stays ${before.type}. Add a new question instead.`,
        });
        continue;
      }
      const dropped = before.options.filter((option) => !(question.options ?? []).includes(option));
      for (const option of dropped) {
        const [{ count }]: Array<{ count: number }> = await manager.query(
          `SELECT count(*)::int AS count FROM registration_answers
            WHERE question_id = $1 AND (value = to_jsonb($2::text) OR value @> jsonb_build_array($2::text))`,
          [before.id, option],
        );
        if (count > 0) {
          problems.push({
            field: `questions[${index}].options`,
            message: `“${before.label}”: ${count} answer(s) chose “${option}”, so it cannot be removed or renamed.`,
          });
        }
      }
    }
    if (problems.length > 0)
      throw RegistrationError.inUse(problems.map((problem) => problem.message).join(' '), problems);
  }
}

export function questionsOf(
  manager: EntityManager,
  eventId: string,
  askedAt?: AskedAt,
): Promise<RegistrationQuestion[]> {
  const query = manager
    .getRepository(RegistrationQuestion)
    .createQueryBuilder('question')
    .where('question.eventId = :eventId', { eventId });
  if (askedAt) query.andWhere(':askedAt = ANY(question.askedAt)', { askedAt });
  return query.orderBy('question.position', 'ASC').getMany();
}

function withMissing(event: Event, editable: boolean, questions: RegistrationQuestion[]): EventQuestions {
  return {
    eventId: event.id,
    editable,
    originalLanguage: event.originalLanguage,
    questions: questions.map((question) => ({
      ...question,
      missingTranslations: missingQuestionTranslations(question, event.originalLanguage),
    })),
  };
}

/** A question's translations when a change leaves them out: its labels, and its options' while they still fit. */
function keptTranslations(before: RegistrationQuestion | undefined, options: string[]): QuestionTranslations {
  if (!before) return {};
  const same = JSON.stringify(before.options) === JSON.stringify(options);
  return Object.fromEntries(
    Object.entries(before.translations).map(([language, texts]) => [
      language,
      same ? texts : { label: texts.label },
    ]),
  );
}

async function answerCount(manager: EntityManager, questionIds: string[]): Promise<number> {
  const [{ count }]: Array<{ count: number }> = await manager.query(
    `SELECT count(*)::int AS count FROM registration_answers WHERE question_id = ANY($1::uuid[])`,
    [questionIds],
  );
  return count;
}

function differs(
  before: RegistrationQuestion,
  after: Omit<RegistrationQuestion, 'createdAt' | 'updatedAt' | 'id'>,
): boolean {
  return (
    before.position !== after.position ||
    before.type !== after.type ||
    before.label !== after.label ||
    before.required !== after.required ||
    before.sensitive !== after.sensitive ||
    JSON.stringify(before.options) !== JSON.stringify(after.options) ||
    JSON.stringify(before.translations) !== JSON.stringify(after.translations) ||
    JSON.stringify(before.askedAt) !== JSON.stringify(after.askedAt)
  );
}
