import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeVersionModule } from '@app/database';
import { PlanningModule } from '@app/planning';
import { FeedCache } from './feed-cache';
import { FeedLinks } from './feed-links';
import { FeedQueries } from './feed-queries';
import { FeedRenderer } from './feed-renderer';
import { FeedToken } from './feed-token.entity';
import { FeedTokensService } from './feed-tokens.service';
import { FeedsRedis } from './feeds-redis';
import { FeedsService } from './feeds.service';
import { PublicCalendarService } from './public-calendar.service';
import { RateLimiter } from './rate-limiter';

@Module({
  imports: [TypeOrmModule.forFeature([FeedToken]), ChangeVersionModule, PlanningModule],
  providers: [
    FeedsRedis,
    FeedCache,
    FeedQueries,
    FeedRenderer,
    FeedLinks,
    RateLimiter,
    FeedsService,
    FeedTokensService,
    PublicCalendarService,
  ],
  exports: [FeedsService, FeedTokensService, FeedLinks, PublicCalendarService, RateLimiter],
})
export class FeedsModule {}
