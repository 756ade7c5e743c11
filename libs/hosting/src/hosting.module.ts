import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { EmailsModule } from '@app/emails';
import { HostAssignment } from './host-assignment.entity';
import { HostScheduleSent } from './host-schedule-sent.entity';
import { HostSchedulesService } from './host-schedules.service';
import { HostingService } from './hosting.service';
import { ItinerariesService } from './itineraries.service';
import { RoomAssignment } from './room-assignment.entity';

/** Hosting a visit: hosts and rooms, guests' itineraries, hosts' schedules by email. */
@Module({
  imports: [
    TypeOrmModule.forFeature([HostAssignment, RoomAssignment, HostScheduleSent]),
    AuditModule,
    EmailsModule,
  ],
  providers: [HostingService, HostSchedulesService, ItinerariesService],
  exports: [HostingService, HostSchedulesService, ItinerariesService],
})
export class HostingModule {}
