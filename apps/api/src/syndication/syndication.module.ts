import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PublicProgrammeModule } from '@app/public-programme';
import { NewsFeedsController } from './news-feeds.controller';
import { SitemapController } from './sitemap.controller';

/** The public calendar for other channels: RSS and Atom feeds, and the sitemap for search engines. */
@Module({
  imports: [FeedsModule, PublicProgrammeModule],
  controllers: [NewsFeedsController, SitemapController],
})
export class SyndicationModule {}
