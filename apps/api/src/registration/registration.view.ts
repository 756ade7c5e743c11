import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Locale, LOCALES } from '@app/planning';
import { ASKED_AT, AskedAt, AnswerValue, QUESTION_TYPES, QuestionType } from '@app/registration';

export class RegistrationQuestionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty()
  label: string;

  @ApiProperty({ type: [String] })
  options: string[];

  @ApiProperty()
  required: boolean;

  @ApiProperty({ enum: ASKED_AT, isArray: true })
  askedAt: AskedAt[];

  @ApiProperty()
  sensitive: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { label: { type: 'string' }, options: { type: 'array', items: { type: 'string' } } },
    },
    description: "Label and options by language other than the event's.",
  })
  translations: Record<string, { label: string; options?: string[] }>;

  @ApiProperty({
    enum: LOCALES,
    isArray: true,
    description:
      'Languages into which the label or an option is not translated yet; readers see the original.',
  })
  missingTranslations: Locale[];
}

export class EventQuestionsView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({
    description: "Whether this key may change the questions (admins and the host's organisers).",
  })
  editable: boolean;

  @ApiProperty({ enum: LOCALES, description: "The event's language, in which the questions were written." })
  originalLanguage: Locale;

  @ApiProperty({ type: [RegistrationQuestionView] })
  questions: RegistrationQuestionView[];
}

export class AnsweredQuestionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  label: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty()
  sensitive: boolean;

  @ApiProperty({
    description: 'False when its answers are left out: sensitive, and not asked for or not allowed.',
  })
  shown: boolean;
}

export const ANSWER_VALUE_SCHEMA = {
  oneOf: [
    { type: 'string', description: 'text, a date (YYYY-MM-DD) or the chosen option' },
    { type: 'array', items: { type: 'string' }, description: 'the chosen options' },
    { type: 'boolean', description: 'yes or no' },
  ],
};

export class RegistrationView {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: ANSWER_VALUE_SCHEMA,
    description: 'By question id; only shown questions that were answered.',
  })
  answers: Record<string, AnswerValue>;
}

export class RegistrationAnswersView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  sensitiveIncluded: boolean;

  @ApiProperty({ type: [AnsweredQuestionView] })
  questions: AnsweredQuestionView[];

  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath(RegistrationView) } })
  registrations: RegistrationView[];
}

export class RetentionPolicyView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The event's own days; null when it keeps the default.",
  })
  days: number | null;

  @ApiProperty({
    type: 'integer',
    description: 'SENSITIVE_ANSWERS_RETENTION_DAYS, for events without their own.',
  })
  defaultDays: number;

  @ApiProperty({ type: 'integer', description: 'What the erasure after the event uses.' })
  effectiveDays: number;

  @ApiProperty({ description: "Whether this key may change it (admins and the host's organisers)." })
  editable: boolean;
}
