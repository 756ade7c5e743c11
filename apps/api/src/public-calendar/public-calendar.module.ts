import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PlanningModule } from '@app/planning';
import { PublicCalendarController } from './public-calendar.controller';

/** The public event calendar page at /calendar. */
@Module({
  imports: [FeedsModule, PlanningModule],
  controllers: [PublicCalendarController],
})
export class PublicCalendarModule {}
