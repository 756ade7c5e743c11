import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@app/access';
import { FeedLinks, FeedToken } from '@app/feeds';
import { AnswerLinks, Invitation, WorkshopChoice } from '@app/invitations';
import { PlanningModule } from '@app/planning';
import { DemoProgrammeService } from './demo-programme.service';

/**
 * The demo loader. It takes the link helpers of invitations and feeds, not their modules: the
 * seed writes rows and needs neither their queues nor their Redis connection.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Invitation, WorkshopChoice, FeedToken]), PlanningModule, AccessModule],
  providers: [DemoProgrammeService, AnswerLinks, FeedLinks],
  exports: [DemoProgrammeService],
})
export class DemoModule {}
