import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { FeedsController } from './feeds.controller';

/** The iCalendar feeds at /feeds, outside the versioned organiser API: their URLs live in calendar apps. */
@Module({
  imports: [FeedsModule],
  controllers: [FeedsController],
})
export class FeedsHttpModule {}
