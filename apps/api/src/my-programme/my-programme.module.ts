import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance';
import { FeedsModule } from '@app/feeds';
import { InvitationsModule } from '@app/invitations';
import { MyProgrammeController } from './my-programme.controller';

/** Participants' own pages: their programme at /answer/:token/programme, lost links at /programme-link. */
@Module({
  imports: [InvitationsModule, AttendanceModule, FeedsModule],
  controllers: [MyProgrammeController],
})
export class MyProgrammeModule {}
