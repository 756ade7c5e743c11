import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { PublicCalendarController } from './public-calendar.controller';

/** The public event calendar page at /calendar. */
@Module({
  imports: [FeedsModule],
  controllers: [PublicCalendarController],
})
export class PublicCalendarModule {}
