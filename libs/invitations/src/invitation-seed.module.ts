import { Module } from '@nestjs/common';
import { AnswerLinks } from './answer-links';
import { InvitationSeedService } from './invitation-seed.service';

/** For loading seed data: writes invitations without the queues, emails and Redis of the rest of invitations. */
@Module({
  providers: [InvitationSeedService, AnswerLinks],
  exports: [InvitationSeedService],
})
export class InvitationSeedModule {}
