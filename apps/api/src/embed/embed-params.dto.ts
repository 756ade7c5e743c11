import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Language, LANGUAGES } from '@app/presentation';

export class EmbedParamsDto {
  @ApiProperty({ example: 'arn', description: "The organisation's code." })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be an organisation code such as ARN' })
  code: string;
}

export class EmbedQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
