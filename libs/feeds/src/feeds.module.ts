import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedsConfig, feedsConfig } from '@app/config';
import { ChangeVersionModule } from '@app/database';
import { PlanningModule } from '@app/planning';
import { FeedCache } from './feed-cache';
import { FeedLinks } from './feed-links';
import { FeedQueries } from './feed-queries';
import { FeedRenderPool } from './feed-render-pool';
import { FeedToken } from './feed-token.entity';
import { FeedTokenData } from './feed-token-data';
import { FeedTokensService } from './feed-tokens.service';
import { FeedsRedis } from './feeds-redis';
import { FeedsService } from './feeds.service';
import { PublicCalendarService } from './public-calendar.service';
import { PublicSitemapService } from './public-sitemap.service';
import { RateLimiter } from './rate-limiter';

@Module({
  imports: [TypeOrmModule.forFeature([FeedToken]), ChangeVersionModule, PlanningModule],
  providers: [
    FeedsRedis,
    FeedCache,
    {
      provide: FeedQueries,
      inject: [getDataSourceToken(), feedsConfig.KEY],
      useFactory: (dataSource: DataSource, config: FeedsConfig) => new FeedQueries(dataSource, config),
    },
    FeedRenderPool,
    FeedLinks,
    RateLimiter,
    FeedsService,
    FeedTokensService,
    FeedTokenData,
    PublicCalendarService,
    PublicSitemapService,
  ],
  exports: [
    FeedsService,
    FeedTokensService,
    FeedLinks,
    PublicCalendarService,
    PublicSitemapService,
    RateLimiter,
  ],
})
export class FeedsModule {}
