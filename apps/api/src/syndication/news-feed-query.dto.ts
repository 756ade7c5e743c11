import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PublicFeedQueryDto } from '../feeds/public-feed-query.dto';
import { PAGE_LANGUAGES, PageLanguage } from '../public-calendar/page-text';

/** The calendar page's filter, and the language of the feed's texts. */
export class NewsFeedQueryDto extends PublicFeedQueryDto {
  @ApiPropertyOptional({ enum: PAGE_LANGUAGES, default: 'de' })
  @IsOptional()
  @IsIn(PAGE_LANGUAGES)
  lang?: PageLanguage;
}
