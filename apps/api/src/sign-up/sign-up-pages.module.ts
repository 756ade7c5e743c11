import { Module } from '@nestjs/common';
import { InvitationsModule } from '@app/invitations';
import { SignUpPagesController } from './sign-up-pages.controller';

/** Open sign-up's public pages: the form beside the public calendar, and the confirmation link's page. */
@Module({
  imports: [InvitationsModule],
  controllers: [SignUpPagesController],
})
export class SignUpPagesModule {}
