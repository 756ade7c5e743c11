import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@app/queue';
import { Email } from './email.entity';
import { EmailsService } from './emails.service';

/** For producers (invitations) and the organiser API: write emails, read their state. */
@Module({
  imports: [TypeOrmModule.forFeature([Email]), QueueModule],
  providers: [EmailsService],
  exports: [EmailsService],
})
export class EmailsModule {}
