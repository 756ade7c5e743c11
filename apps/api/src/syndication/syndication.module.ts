import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { NewsFeedsController } from './news-feeds.controller';
import { SitemapController } from './sitemap.controller';

/** The public calendar for other channels: RSS and Atom feeds, and the sitemap for search engines. */
@Module({
  imports: [FeedsModule],
  controllers: [NewsFeedsController, SitemapController],
})
export class SyndicationModule {}
