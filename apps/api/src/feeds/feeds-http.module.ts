import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { FeedsController } from './feeds.controller';
import { WarmFeeds } from './warm-feeds';

/** The iCalendar feeds at /feeds, outside the versioned organiser API: their URLs live in calendar apps. */
@Module({
  imports: [FeedsModule],
  controllers: [FeedsController],
  providers: [WarmFeeds],
  exports: [WarmFeeds],
})
export class FeedsHttpModule {}
