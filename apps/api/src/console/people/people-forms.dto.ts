import { IsBase64, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_IMPORT_BYTES } from '@app/planning';
import { ConsoleFormDto } from '../console-forms.dto';

/**
 * The person form as typed: every field a string, however wrong; the planning rules say what is
 * wrong with each, so that the form comes back with a message per field rather than an error page.
 */
export class PersonFormDto extends ConsoleFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  language?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  timeZone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  department?: string;
}

/** The previewed file again (base64, as a form field carries bytes) and what the preview showed. */
export class ImportConfirmFormDto extends ConsoleFormDto {
  @IsBase64()
  @MaxLength(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4)
  content: string;

  @IsString()
  @MaxLength(100)
  fingerprint: string;
}

export class PeopleQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  /** What was just done, for the notice after a redirect. */
  @IsOptional()
  @IsIn(['added', 'saved', 'removed'])
  done?: 'added' | 'saved' | 'removed';

  /** An import's counts after its redirect: created, updated, unchanged, skipped. */
  @IsOptional()
  @Matches(/^\d{1,5}(,\d{1,5}){3}$/)
  imported?: string;
}
