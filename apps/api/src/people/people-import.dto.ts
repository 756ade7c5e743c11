import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IMPORT_COLUMNS, ImportColumn, ImportOutcome, Locale, LOCALES, PersonFieldProblem } from '@app/planning';
import { toBoolean } from '../http/query-transforms';

const OUTCOMES: ImportOutcome[] = ['new', 'update', 'unchanged', 'error'];
const FIELD_PROBLEMS: PersonFieldProblem[] = [
  'missing',
  'too_long',
  'invalid_email',
  'unknown_language',
  'unknown_zone',
  'duplicate_email',
  'other_organisation',
];

export class PeopleImportQueryDto {
  @ApiPropertyOptional({
    description: 'Only say per row what importing would do (new, update, unchanged, error); store nothing.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    description:
      "The fingerprint of an earlier dry run of the same file: import exactly what it showed, or nothing (409 import_outdated) if the organisation's people changed meanwhile.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  fingerprint?: string;
}

export class ImportFieldErrorDto {
  @ApiProperty({ enum: IMPORT_COLUMNS })
  column: ImportColumn;

  @ApiProperty({ enum: FIELD_PROBLEMS })
  problem: PersonFieldProblem;
}

export class ImportRowDto {
  @ApiProperty({ description: 'The line of the file the row starts on; the header is line 1.' })
  line: number;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ description: 'The language as written in the file.' })
  language: string;

  @ApiProperty({ enum: LOCALES, nullable: true, description: 'The language as understood; null when unknown or empty.' })
  locale: Locale | null;

  @ApiProperty({ type: String, nullable: true })
  timeZone: string | null;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ enum: OUTCOMES })
  outcome: ImportOutcome;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person an update or unchanged row matched.' })
  personId: string | null;

  @ApiProperty({ enum: IMPORT_COLUMNS, isArray: true, description: 'For an update: the columns whose values change.' })
  changes: ImportColumn[];

  @ApiProperty({ type: [ImportFieldErrorDto] })
  errors: ImportFieldErrorDto[];
}

export class ImportCountsDto {
  @ApiProperty()
  new: number;

  @ApiProperty()
  update: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty()
  error: number;
}

export class ImportPreviewDto {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ enum: IMPORT_COLUMNS, isArray: true, description: 'The columns the header named.' })
  columns: ImportColumn[];

  @ApiProperty({ type: [ImportRowDto] })
  rows: ImportRowDto[];

  @ApiProperty({ type: ImportCountsDto })
  counts: ImportCountsDto;

  @ApiProperty({ description: 'Pass it as `fingerprint` to import exactly this preview.' })
  fingerprint: string;
}

export class ImportResultDto {
  @ApiProperty()
  created: number;

  @ApiProperty()
  updated: number;

  @ApiProperty()
  unchanged: number;

  @ApiProperty({ description: 'Rows with errors, which were not imported (see the dry run for why).' })
  skipped: number;
}

export class ImportReportDto extends ImportPreviewDto {
  @ApiProperty({ type: ImportResultDto, nullable: true, description: 'What was stored; null for a dry run.' })
  imported: ImportResultDto | null;
}
