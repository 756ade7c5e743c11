import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ASKED_AT,
  AskedAt,
  QUESTION_TYPES,
  QuestionInput,
  QuestionType,
  RegistrationError,
  RegistrationQuestion,
} from '@app/registration';
import { ConsoleFormDto } from '../console-forms.dto';

/** The fields of a question's form, with the message key of what was wrong with each. */
export const QUESTION_FIELDS = ['label', 'type', 'options', 'askedAt'] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

const asList = ({ value }: { value: unknown }): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value];

/** A question's form as the browser sends it: text, one line per option, ticked boxes. */
export class QuestionFormDto extends ConsoleFormDto {
  @IsOptional() @IsString() @MaxLength(1000) label?: string;
  @IsOptional() @IsString() @MaxLength(32) type?: string;
  @IsOptional() @IsString() @MaxLength(20000) options?: string;
  @IsOptional() @IsString() @MaxLength(10) required?: string;
  @IsOptional() @IsString() @MaxLength(10) sensitive?: string;

  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(ASKED_AT.length)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  askedAt: string[];
}

export class RetentionFormDto extends ConsoleFormDto {
  @IsOptional() @IsString() @MaxLength(20) days?: string;
}

/** Empty is the default (null); what is no whole number the lib refuses, saying the range. */
export function daysOfForm(form: RetentionFormDto): number | null {
  const text = (form.days ?? '').trim();
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

export class MoveQuestionFormDto extends ConsoleFormDto {
  @IsIn(['up', 'down']) direction: 'up' | 'down';
}

/** The question the form describes; the lib checks it, and says at which field what is wrong. */
export function questionOfForm(form: QuestionFormDto, id?: string): QuestionInput {
  return {
    id,
    type: ((QUESTION_TYPES as readonly string[]).includes(form.type ?? '')
      ? form.type
      : 'text') as QuestionType,
    label: form.label ?? '',
    options: (form.options ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    required: form.required === 'on',
    sensitive: form.sensitive === 'on',
    askedAt: form.askedAt as AskedAt[],
  };
}

/** What the questions are as the API's PUT takes them, to change one and write them all back. */
export function inputOf(question: RegistrationQuestion): QuestionInput {
  const { id, type, label, options, required, askedAt, sensitive } = question;
  return { id, type, label, options, required, askedAt, sensitive };
}

/** The wrong fields of the changed question (at `index`), from the lib's refusal. */
export function fieldErrors(error: RegistrationError, index: number): Set<QuestionField> {
  const prefix = `questions[${index}].`;
  return new Set(
    error.problems
      .filter((problem) => problem.field.startsWith(prefix))
      .map((problem) => problem.field.slice(prefix.length))
      .filter((field): field is QuestionField => (QUESTION_FIELDS as readonly string[]).includes(field)),
  );
}
