import { Module } from '@nestjs/common';
import { PublicProgrammeModule } from '@app/public-programme';
import { PublicEventsController } from './public-events.controller';

/** `GET /public/events.json` and the search suggestions of the calendar page. */
@Module({
  imports: [PublicProgrammeModule],
  controllers: [PublicEventsController],
})
export class PublicEventsModule {}
