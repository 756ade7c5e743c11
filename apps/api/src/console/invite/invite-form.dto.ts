import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConsoleFormDto } from '../console-forms.dto';

/** A browser posts one checked box as a value and several as a list. */
const asList = ({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Ids as the invite form posts them. Checked as text only: an id that is not one (a tampered
 * form) is reported on the form like an unknown one, by the screen's service.
 */
function Ids(max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(asList),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
  );
}

export const INVITE_STEPS = ['search', 'preview'] as const;

/** The invite form: who, which workshops, the people search, and which button was pressed. */
export class InviteSelectionFormDto extends ConsoleFormDto {
  @Ids(1_000)
  personIds?: string[];

  @Ids(1_000)
  organisationIds?: string[];

  @Ids(100)
  partnershipIds?: string[];

  @Ids(200)
  workshopIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsIn(INVITE_STEPS)
  step?: (typeof INVITE_STEPS)[number];
}
