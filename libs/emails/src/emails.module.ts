import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanningModule } from '@app/planning';
import { QueueModule } from '@app/queue';
import { Email } from './email.entity';
import { EmailsService } from './emails.service';
import { RecipientData } from './recipient-data';

/** For producers (invitations) and the organiser API: write emails, read their state. */
@Module({
  imports: [TypeOrmModule.forFeature([Email]), QueueModule, PlanningModule],
  providers: [EmailsService, RecipientData],
  exports: [EmailsService],
})
export class EmailsModule {}
