import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { UnrecoverableError } from 'bullmq';
import { ParticipationStatus } from '@app/calendar';
import { httpConfig } from '@app/config';
import { EmailDeliveryService, EmailToDeliver, messageIdFor } from '@app/emails';
import { classifySmtpFailure, MailService } from '@app/mail';

/** Where the mail job gets an invitation's answer link (the invitations lib, bound in MailWorkerModule). */
export const ANSWER_URLS = Symbol('ANSWER_URLS');
export interface AnswerUrls {
  answerUrl(invitationId: string): Promise<string | null>;
}

export interface Attempt {
  number: number;
  /** BullMQ will not run this job again after a failure. */
  last: boolean;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'already_settled' | 'gone';

const SETTLED = ['sent', 'failed', 'skipped'];
const ANSWERABLE = ['invitation', 'update', 'reminder', 'waitlist_promotion'];

/**
 * Delivers one outbox email: reloads it, skips it when it no longer applies, claims it, sends it
 * and records the result. The row, not Redis, decides: a row that is sent is never sent again.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);

  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly mail: MailService,
    @Inject(ANSWER_URLS) private readonly answers: AnswerUrls,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
  ) {}

  async deliver(emailId: string, attempt: Attempt): Promise<DeliveryOutcome> {
    const loaded = await this.delivery.load(emailId);
    if (!loaded) return 'gone';
    if (SETTLED.includes(loaded.status)) return 'already_settled';
    if (loaded.skipReason) {
      await this.delivery.recordSkipped(emailId, loaded.skipReason);
      this.logger.log(`Email ${emailId} skipped: ${loaded.skipReason}`);
      return 'skipped';
    }
    const messageId = messageIdFor(emailId, this.http.publicBaseUrl);
    let message;
    try {
      message = this.mail.compose({ ...(await this.contentOf(loaded)), messageId });
    } catch (error) {
      if (attempt.last) await this.delivery.recordFailed(emailId, `Could not compose: ${String(error)}`);
      throw error;
    }
    const claim = await this.delivery.claimForSending(emailId, messageId);
    if (!claim) return 'already_settled';
    if (claim.interrupted) {
      // At-least-once: the relay may have accepted the earlier attempt; the same Message-ID lets
      // clients and people recognise the copy. Losing a cancellation would be worse.
      this.logger.warn(`Email ${emailId} was interrupted while sending; sending again as ${messageId}`);
    }
    try {
      await this.mail.send(message);
    } catch (error) {
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
    await this.delivery.recordSent(emailId);
    return 'sent';
  }

  private async contentOf(loaded: EmailToDeliver) {
    const answerUrl =
      loaded.invitationId && ANSWERABLE.includes(loaded.kind)
        ? await this.answers.answerUrl(loaded.invitationId)
        : null;
    return {
      kind: loaded.kind,
      recipient: {
        name: loaded.person.name,
        email: loaded.person.email,
        locale: loaded.person.locale,
        timeZone: loaded.person.timeZone,
      },
      event: loaded.event,
      parentEvent: loaded.parentEvent,
      answerUrl,
      participation: participationOf(loaded),
    };
  }
}

const PARTICIPATION: Record<string, ParticipationStatus> = {
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
};

function participationOf(loaded: EmailToDeliver): ParticipationStatus {
  if (loaded.aboutWorkshop) return loaded.workshopChoiceStatus === 'confirmed' ? 'ACCEPTED' : 'NEEDS-ACTION';
  return PARTICIPATION[loaded.invitationStatus ?? ''] ?? 'NEEDS-ACTION';
}
