import { Module } from '@nestjs/common';
import { HostingModule } from '@app/hosting';
import { ItinerariesController } from './itineraries.controller';

/** Guests' itineraries at /answer/:token/itinerary, outside the organiser API. */
@Module({
  imports: [HostingModule],
  controllers: [ItinerariesController],
})
export class ItinerariesModule {}
