import { Module } from '@nestjs/common';
import { FeedsModule } from '@app/feeds';
import { InvitationsModule } from '@app/invitations';
import { PublicProgrammeModule } from '@app/public-programme';
import { PlanningModule } from '@app/planning';
import { PublicCalendarController } from './public-calendar.controller';

/** The public event calendar page at /calendar: list, search, archive and event pages. */
@Module({
  imports: [FeedsModule, PlanningModule, PublicProgrammeModule, InvitationsModule],
  controllers: [PublicCalendarController],
})
export class PublicCalendarModule {}
