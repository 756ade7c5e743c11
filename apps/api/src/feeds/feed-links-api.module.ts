import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { FeedLinksController } from './feed-links.controller';
import { FeedTokensController } from './feed-tokens.controller';

/** The organiser API's part about feeds, mounted under /api/v1 next to the organiser API. */
@Module({
  imports: [FeedsModule, PlanningModule],
  controllers: [FeedLinksController, FeedTokensController],
})
export class FeedLinksApiModule {}
