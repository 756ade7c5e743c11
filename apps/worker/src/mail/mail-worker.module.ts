import { Module } from '@nestjs/common';
import { EmailDeliveryModule } from '@app/emails';
import { InvitationEmailsModule } from '@app/invitations';
import { MailModule } from '@app/mail';
import { EmailSender } from './email-sender.service';
import { MailProcessor } from './mail.processor';
import { OutboxRelayRunner } from './outbox-relay.runner';

/** The outbox (claim, record) and invitations (what an email says, whether it applies) meet here. */
@Module({
  imports: [EmailDeliveryModule, MailModule, InvitationEmailsModule],
  providers: [MailProcessor, EmailSender, OutboxRelayRunner],
})
export class MailWorkerModule {}
