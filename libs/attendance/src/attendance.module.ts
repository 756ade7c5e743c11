import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PlanningModule } from '@app/planning';
import { Attendance } from './attendance.entity';
import { AttendanceData } from './attendance-data';
import { AttendanceService } from './attendance.service';
import { CheckInCodes } from './check-in-codes';

/** Check-in: the attendance table, the codes on programme pages, lists and reports. */
@Module({
  imports: [TypeOrmModule.forFeature([Attendance]), PlanningModule, AuditModule],
  providers: [AttendanceService, CheckInCodes, AttendanceData],
  exports: [AttendanceService, CheckInCodes],
})
export class AttendanceModule {}
