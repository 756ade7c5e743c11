import { IsIn, IsObject, IsOptional } from 'class-validator';
import { Answer, ANSWERS } from '@app/invitations';
import { IsWorkshopChoices } from '../http/query-transforms';

/**
 * The answer form as the browser posts it: one radio button for the answer, one per round of
 * workshops, and the registration questions as `question[<id>]` (libs/registration checks each answer).
 */
export class AnswerFormDto {
  @IsIn(ANSWERS)
  answer: Answer;

  @IsWorkshopChoices()
  workshop?: string[];

  @IsOptional()
  @IsObject()
  question?: Record<string, unknown>;
}
