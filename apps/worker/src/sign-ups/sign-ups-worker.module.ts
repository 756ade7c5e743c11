import { Module } from '@nestjs/common';
import { SignUpRetentionModule } from '@app/invitations';
import { QueueModule } from '@app/queue';
import { SignUpRetentionProcessor } from './sign-up-retention.processor';
import { SignUpRetentionSchedule } from './sign-up-retention.schedule';

@Module({
  imports: [SignUpRetentionModule, QueueModule],
  providers: [SignUpRetentionProcessor, SignUpRetentionSchedule],
})
export class SignUpsWorkerModule {}
