import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PAGE_LANGUAGES, PageLanguage } from '../public-calendar/page-text';

export class EmbedParamsDto {
  @ApiProperty({ example: 'arn', description: "The organisation's code." })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be an organisation code such as ARN' })
  code: string;
}

export class EmbedQueryDto {
  @ApiPropertyOptional({ enum: PAGE_LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(PAGE_LANGUAGES)
  lang?: PageLanguage;
}
