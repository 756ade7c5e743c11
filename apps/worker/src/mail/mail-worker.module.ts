import { Module } from '@nestjs/common';
import { EmailDeliveryModule } from '@app/emails';
import { AnswerLinks, InvitationsModule } from '@app/invitations';
import { MailModule } from '@app/mail';
import { ANSWER_LINKS, EmailSender } from './email-sender.service';
import { MailProcessor } from './mail.processor';
import { OutboxRelayRunner } from './outbox-relay.runner';

@Module({
  imports: [EmailDeliveryModule, MailModule, InvitationsModule],
  providers: [
    MailProcessor,
    EmailSender,
    OutboxRelayRunner,
    { provide: ANSWER_LINKS, useExisting: AnswerLinks },
  ],
})
export class MailWorkerModule {}
