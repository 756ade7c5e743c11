import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { UnrecoverableError } from 'bullmq';
import { ParticipationStatus } from '@app/calendar';
import { httpConfig } from '@app/config';
import { EmailDeliveryService, EmailToDeliver, messageIdFor } from '@app/emails';
import { classifySmtpFailure, EmailContent, MailService } from '@app/mail';

/** Opens an invitation's sealed answer token into its link (the invitations lib, bound in MailWorkerModule). */
export const ANSWER_LINKS = Symbol('ANSWER_LINKS');
export interface SealedAnswerLinks {
  urlFromSealed(sealed: Buffer): string;
}

export interface Attempt {
  number: number;
  /** BullMQ will not run this job again after a failure. */
  last: boolean;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'not_pending';

const ANSWERABLE = ['invitation', 'update', 'reminder', 'waitlist_promotion'];

/**
 * Delivers one outbox email: claims the row, skips it when it no longer applies, sends it and
 * records the result. The row, not Redis, decides: a row that is sent is never sent again.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);

  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly mail: MailService,
    @Inject(ANSWER_LINKS) private readonly answerLinks: SealedAnswerLinks,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
  ) {}

  async deliver(emailId: string, attempt: Attempt): Promise<DeliveryOutcome> {
    const messageId = messageIdFor(emailId, this.http.publicBaseUrl);
    const email = await this.delivery.claim(emailId, messageId);
    if (!email) return 'not_pending';
    if (email.skipReason) {
      await this.delivery.recordSkipped(email, email.skipReason);
      this.logger.log(`Email ${emailId} skipped: ${email.skipReason}`);
      return 'skipped';
    }
    if (email.interrupted) {
      // At-least-once: the relay may have accepted the interrupted attempt; the same Message-ID
      // lets clients and people recognise the copy. A lost cancellation would be worse.
      this.logger.warn(`Email ${emailId} was interrupted while sending; sending it again as ${messageId}`);
    }
    try {
      await this.mail.send(this.mail.compose({ ...this.contentOf(email), messageId }));
    } catch (error) {
      await this.recordFailure(emailId, error, attempt);
    }
    await this.delivery.recordSent(emailId);
    return 'sent';
  }

  /** Records why the attempt failed and rethrows so BullMQ retries, or stops retrying when it is pointless. */
  private async recordFailure(emailId: string, error: unknown, attempt: Attempt): Promise<never> {
    const failure = classifySmtpFailure(error);
    if (failure.permanent) {
      await this.delivery.recordFailed(emailId, failure.description);
      this.logger.warn(`Email ${emailId} failed permanently: ${failure.description}`);
      throw new UnrecoverableError(failure.description);
    }
    if (attempt.last) {
      await this.delivery.recordFailed(
        emailId,
        `${failure.description} (gave up after ${attempt.number} attempts)`,
      );
    } else {
      await this.delivery.recordRetrying(emailId, failure.description);
    }
    this.logger.warn(`Email ${emailId} attempt ${attempt.number} failed: ${failure.description}`);
    throw error;
  }

  private contentOf(email: EmailToDeliver): EmailContent {
    const answerUrl =
      email.answerTokenSealed && ANSWERABLE.includes(email.kind)
        ? this.answerLinks.urlFromSealed(email.answerTokenSealed)
        : null;
    return {
      kind: email.kind,
      recipient: {
        name: email.person.name,
        email: email.person.email,
        locale: email.person.locale,
        timeZone: email.person.timeZone,
      },
      event: email.event,
      parentEvent: email.parentEvent,
      answerUrl,
      participation: participationOf(email),
    };
  }
}

const PARTICIPATION: Record<string, ParticipationStatus> = {
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
};

function participationOf(email: EmailToDeliver): ParticipationStatus {
  if (email.aboutWorkshop) return email.workshopChoiceStatus === 'confirmed' ? 'ACCEPTED' : 'NEEDS-ACTION';
  return PARTICIPATION[email.invitationStatus ?? ''] ?? 'NEEDS-ACTION';
}
