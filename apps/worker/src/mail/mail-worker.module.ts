import { Module } from '@nestjs/common';
import { SignInEmailsModule } from '@app/accounts';
import { EmailDeliveryModule } from '@app/emails';
import { HostingModule } from '@app/hosting';
import { InvitationEmailsModule } from '@app/invitations';
import { MailModule } from '@app/mail';
import { EmailSender } from './email-sender.service';
import { MailProcessor } from './mail.processor';
import { OutboxRelayRunner } from './outbox-relay.runner';

/**
 * The outbox (claim, record) meets invitations, sign-in requests and hosts' schedules (what an
 * email says, whether it applies) here.
 */
@Module({
  imports: [EmailDeliveryModule, MailModule, InvitationEmailsModule, SignInEmailsModule, HostingModule],
  providers: [MailProcessor, EmailSender, OutboxRelayRunner],
})
export class MailWorkerModule {}
