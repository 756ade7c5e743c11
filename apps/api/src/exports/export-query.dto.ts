import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Language, LANGUAGES } from '@app/presentation';
import { toBoolean } from '../http/query-transforms';

export class ParticipantExportQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    default: 'en',
    description: 'The language of the headers and answers.',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({
    default: false,
    description:
      'Include answers marked sensitive (passport numbers, health or dietary needs): for admins and organisers of the host only; a viewer asking gets 403.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeSensitive?: boolean;
}

export class ProgrammeQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'The language of the programme.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
