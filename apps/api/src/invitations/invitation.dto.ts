import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { Answer, ANSWERS, INVITATION_STATUSES, InvitationStatus } from '@app/invitations';
import { IsOmittable } from '../http/is-omittable.decorator';
import { PageQueryDto } from '../http/page.dto';

export class InviteDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'People to invite.' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50_000)
  @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Invite every person of these organisations.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  organisationIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Invite every person of the member organisations of these partnerships.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  partnershipIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Workshops or sessions inside the event (parts with a capacity) to reserve seats in for the invited people; beyond the capacity they are waitlisted.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  workshopIds?: string[];
}

export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only people holding or waiting for a seat in this workshop.',
  })
  @IsOptional()
  @IsUUID()
  workshopId?: string;
}

/** An answer an organiser records for an invitee (after a phone call), as their answer link would. */
export class AnswerOnBehalfDto {
  @ApiProperty({ enum: ANSWERS })
  @IsIn(ANSWERS)
  answer: Answer;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Every workshop the invitee holds afterwards; seats left out are given up (to the waitlist). At most one new seat per round (workshops whose times overlap).',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  workshopIds: string[];

  @ApiPropertyOptional({
    description:
      'Naming a held workshop and a new one of the same round answers 409 round_taken, naming the held seat; with true the new one replaces it in the same transaction.',
  })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;

  @ApiPropertyOptional({
    enum: INVITATION_STATUSES,
    description:
      'The status the client saw; when the invitation has another by now, nothing changes (409 invitation_changed).',
  })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  expectedStatus?: InvitationStatus;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'By question id: text, a date (YYYY-MM-DD), the chosen option or options, or true/false; an empty value removes a stored answer.',
    example: { '6f1c2d3e-0000-4000-8000-000000000001': 'vegetarian' },
  })
  @IsOptional()
  @IsObject()
  registrationAnswers?: Record<string, unknown>;
}
