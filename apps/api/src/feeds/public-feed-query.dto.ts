import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PublicFeedFilter } from '@app/feeds';
import { EVENT_KINDS, EventKind } from '@app/planning';
import { toList } from '../http/query-transforms';

export class PublicFeedQueryDto {
  @ApiPropertyOptional({
    enum: EVENT_KINDS,
    isArray: true,
    description: 'One or more kinds, comma-separated.',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(EVENT_KINDS, { each: true })
  kind?: EventKind[];

  @ApiPropertyOptional({ example: 'klima' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string;

  @ApiPropertyOptional({ example: 'arn', description: 'Code of a hosting or co-hosting organisation.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'organisation must be an organisation code such as ARN' })
  organisation?: string;

  @ApiPropertyOptional({ description: 'Text searched in titles and descriptions.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export function toPublicFeedFilter(query: PublicFeedQueryDto): PublicFeedFilter {
  return {
    kinds: query.kind,
    tag: query.tag?.trim() || undefined,
    organisationCode: query.organisation,
    q: query.q?.trim() || undefined,
  };
}
