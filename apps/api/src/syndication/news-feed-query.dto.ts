import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PublicFeedQueryDto } from '../feeds/public-feed-query.dto';
import { Language, LANGUAGES } from '@app/presentation';

/** The calendar page's filter, and the language of the feed's texts. */
export class NewsFeedQueryDto extends PublicFeedQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}
