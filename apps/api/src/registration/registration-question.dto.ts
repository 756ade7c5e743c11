import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASKED_AT,
  AskedAt,
  LIMITS,
  MAX_RETENTION_DAYS,
  QUESTION_TYPES,
  QuestionTexts,
  QuestionType,
} from '@app/registration';
import { IsOmittable } from '../http/is-omittable.decorator';
import { toBoolean } from '../http/query-transforms';

export class RegistrationQuestionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An existing question to change; absent for a new one.',
  })
  @IsOmittable()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty({ example: 'Ernährung (vegetarisch, vegan, Allergien)', maxLength: LIMITS.labelLength })
  @IsString()
  @MaxLength(LIMITS.labelLength)
  label: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'The answers to choose from: only for single_choice and multiple_choice (2 to 50).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.optionsPerQuestion)
  @IsString({ each: true })
  @MaxLength(LIMITS.optionLength, { each: true })
  options?: string[];

  @ApiPropertyOptional({ default: false, description: 'Must be answered to accept.' })
  @IsOmittable()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ enum: ASKED_AT, isArray: true, default: ['answer'] })
  @IsOmittable()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ASKED_AT, { each: true })
  askedAt?: AskedAt[];

  @ApiPropertyOptional({
    default: false,
    description:
      "Passport numbers, health or dietary needs: answers only for admins and organisers of the event's host, and erased after the event.",
  })
  @IsOmittable()
  @IsBoolean()
  sensitive?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        label: { type: 'string', maxLength: LIMITS.labelLength },
        options: { type: 'array', items: { type: 'string', maxLength: LIMITS.optionLength } },
      },
    },
    example: { en: { label: 'Dietary needs', options: ['None', 'Vegan'] } },
    description:
      "The label and options in languages other than the event's (de, en, sw); options in the original's order, one text each. Answers keep the original options' texts. Left out, an existing question keeps its translations.",
  })
  @IsOmittable()
  @IsObject()
  translations?: Record<string, QuestionTexts>;
}

export class ReplaceQuestionsDto {
  @ApiProperty({
    type: [RegistrationQuestionDto],
    description: 'All questions of the event, in their order.',
  })
  @IsArray()
  @ArrayMaxSize(LIMITS.questionsPerEvent)
  @ValidateNested({ each: true })
  @Type(() => RegistrationQuestionDto)
  questions: RegistrationQuestionDto[];
}

export class RegistrationAnswersQueryDto {
  @ApiPropertyOptional({
    default: false,
    description:
      "Include the answers to sensitive questions (admins and the host's organisers only; 403 for others).",
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeSensitive?: boolean;
}

export class RetentionDaysDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: MAX_RETENTION_DAYS,
    example: 30,
    description: "Days after the event's end until its sensitive answers are erased; null for the default.",
  })
  @ValidateIf((body: RetentionDaysDto) => body.days !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_RETENTION_DAYS)
  days: number | null;
}
