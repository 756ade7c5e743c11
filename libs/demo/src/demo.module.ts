import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { FeedLinks } from '@app/feeds';
import { InvitationSeedModule } from '@app/invitations';
import { DemoProgrammeService } from './demo-programme.service';

/**
 * The demo loader. Every table is written by the lib that owns it; the loader takes their seed
 * parts (the seed functions of planning and feeds, the invitation seed module, the feed link
 * helper), not their whole modules: the seed needs neither their queues nor a Redis connection.
 */
@Module({
  imports: [InvitationSeedModule, AccessModule],
  providers: [DemoProgrammeService, FeedLinks],
  exports: [DemoProgrammeService],
})
export class DemoModule {}
