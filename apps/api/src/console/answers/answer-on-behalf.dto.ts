import { IsIn, IsObject, IsOptional } from 'class-validator';
import { Answer, ANSWERS, INVITATION_STATUSES, InvitationStatus } from '@app/invitations';
import { IsWorkshopChoices } from '../../http/query-transforms';
import { ConsoleFormDto } from '../console-forms.dto';

/**
 * The answer an organiser records for an invitee. A missing answer is shown again on the form;
 * values no form offers (a forged request) are refused by validation.
 */
export class AnswerOnBehalfFormDto extends ConsoleFormDto {
  @IsOptional()
  @IsIn(ANSWERS)
  answer?: Answer;

  @IsWorkshopChoices()
  workshop?: string[];

  /** The status the page showed, so that an answer given meanwhile is not overwritten unseen. */
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  seen?: InvitationStatus;

  /** The registration questions as `question[<id>]`, as on the answer page; libs/registration checks each. */
  @IsOptional()
  @IsObject()
  question?: Record<string, unknown>;
}
