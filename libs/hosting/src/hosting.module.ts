import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { EmailsModule } from '@app/emails';
import { PlanningModule } from '@app/planning';
import { HostAssignment } from './host-assignment.entity';
import { HostingData } from './hosting-data';
import { HostScheduleSent } from './host-schedule-sent.entity';
import { HostSchedulesService } from './host-schedules.service';
import { HostingService } from './hosting.service';
import { ItinerariesService } from './itineraries.service';
import { RoomAssignment } from './room-assignment.entity';

/** Hosting a visit: hosts and rooms, guests' itineraries, hosts' schedules by email; their part of a person's export. */
@Module({
  imports: [
    TypeOrmModule.forFeature([HostAssignment, RoomAssignment, HostScheduleSent]),
    AuditModule,
    EmailsModule,
    PlanningModule,
  ],
  providers: [HostingService, HostSchedulesService, ItinerariesService, HostingData],
  exports: [HostingService, HostSchedulesService, ItinerariesService],
})
export class HostingModule {}
