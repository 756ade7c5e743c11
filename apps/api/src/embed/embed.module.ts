import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { PublicProgrammeModule } from '@app/public-programme';
import { EmbedController } from './embed.controller';

/** The calendar on other sites: the widget script, its list and the iframe view. */
@Module({
  imports: [FeedsModule, PlanningModule, PublicProgrammeModule],
  controllers: [EmbedController],
})
export class EmbedModule {}
