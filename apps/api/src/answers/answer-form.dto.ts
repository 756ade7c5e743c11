import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { Answer, ANSWERS } from '@app/invitations';

/**
 * The answer form as the browser posts it: one radio button, any number of checked workshops, and
 * the registration questions as `question[<id>]` (libs/registration checks each answer).
 */
export class AnswerFormDto {
  @IsIn(ANSWERS)
  answer: Answer;

  @IsOptional()
  @Transform(({ value }: { value: unknown }): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  )
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  workshop?: string[];

  @IsOptional()
  @IsObject()
  question?: Record<string, unknown>;
}
