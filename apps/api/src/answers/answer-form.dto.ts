import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { Answer, ANSWERS } from '@app/invitations';
import { toWorkshopChoices } from '../http/query-transforms';

/**
 * The answer form as the browser posts it: one radio button for the answer, one per round of
 * workshops, and the registration questions as `question[<id>]` (libs/registration checks each answer).
 */
export class AnswerFormDto {
  @IsIn(ANSWERS)
  answer: Answer;

  @IsOptional()
  @Transform(toWorkshopChoices)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  workshop?: string[];

  @IsOptional()
  @IsObject()
  question?: Record<string, unknown>;
}
