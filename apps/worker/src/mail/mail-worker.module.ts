import { Module } from '@nestjs/common';
import { EmailDeliveryModule } from '@app/emails';
import { InvitationsModule, InvitationsService } from '@app/invitations';
import { MailModule } from '@app/mail';
import { ANSWER_URLS, EmailSender } from './email-sender.service';
import { MailProcessor } from './mail.processor';
import { OutboxRelayRunner } from './outbox-relay.runner';

@Module({
  imports: [EmailDeliveryModule, MailModule, InvitationsModule],
  providers: [
    MailProcessor,
    EmailSender,
    OutboxRelayRunner,
    { provide: ANSWER_URLS, useExisting: InvitationsService },
  ],
})
export class MailWorkerModule {}
