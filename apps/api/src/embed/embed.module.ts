import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { EmbedController } from './embed.controller';

/** The calendar on other sites: the widget script, its list and the iframe view. */
@Module({
  imports: [FeedsModule, PlanningModule],
  controllers: [EmbedController],
})
export class EmbedModule {}
