import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { MAX_EMBEDDING_ORIGINS } from '@app/planning';

export class EmbeddingOriginsDto {
  @ApiProperty({
    type: [String],
    example: ['https://www.arnsberg.de'],
    description:
      'The whole list of origins (scheme, host and optional port) that may embed the calendar; replaces the list before. Empty: no other site may.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_EMBEDDING_ORIGINS)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  origins: string[];
}
