import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PublicProgrammeModule } from '@app/public-programme';
import { PlanningModule } from '@app/planning';
import { PublicCalendarController } from './public-calendar.controller';

/** The public event calendar page at /calendar: list, search, archive and event pages. */
@Module({
  imports: [FeedsModule, PlanningModule, PublicProgrammeModule],
  controllers: [PublicCalendarController],
})
export class PublicCalendarModule {}
