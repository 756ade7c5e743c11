import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { UnrecoverableError } from 'bullmq';
import { SendMailOptions } from 'nodemailer';
import { httpConfig, mailConfig } from '@app/config';
import { SignInEmails } from '@app/accounts';
import {
  ClaimedEmail,
  DeliveryOutcome,
  EmailDeliveryService,
  EventEmailClaim,
  isParticipantKind,
  messageIdFor,
} from '@app/emails';
import { HostSchedulesService } from '@app/hosting';
import { InvitationEmails, ParticipantEmails, SignUpEmails } from '@app/invitations';
import { InvitationCalendars } from '@app/calendar';
import { classifySmtpFailure, MailService } from '@app/mail';
import { OutcomeRecorder } from './outcome-recorder';
import { SendWindow } from './send-window';

export interface Attempt {
  number: number;
  /** BullMQ will not run this job again after a failure. */
  last: boolean;
}

/** A job's emails, as the mail processor hands them over. */
export interface EmailsJob {
  id: string;
  emailIds: string[];
  attempt: Attempt;
}

/** A claimed email, ready: the message to send (given its Message-ID), or why it no longer applies. */
type PreparedEmail =
  | { skipReason: string; message?: undefined }
  | { skipReason: null; message: (messageId: string) => SendMailOptions };

export interface DeliveryReport {
  sent: number;
  skipped: number;
  /** Already sent, failed or skipped, or held by another job: nothing to do. */
  notPending: number;
  /** The worker began shutting down before every email was claimed: the job is to go back to the queue. */
  handedBack: boolean;
}

/**
 * Delivers the emails of a job: claims its rows a few at a time as places in the send window
 * free up, asks InvitationEmails what each says and whether it still applies, skips those that
 * no longer do, sends the others over the pooled transport and records each outcome. The rows, not Redis, decide: a row that is sent is never sent again.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);
  private readonly window: SendWindow;
  private readonly recorder: OutcomeRecorder;
  /** Rows claimed per statement: half the window, so that one part sends while the next is claimed. */
  private readonly claimSize: number;
  /** Ends each send still waiting for the relay, when the shutdown grace runs out. */
  private readonly cutters = new Set<(reason: Error) => void>();
  private cutShort = false;
  /** Shared by all jobs: a fan-out's jobs are many, its events few. */
  private readonly calendars = new InvitationCalendars();

  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly invitationEmails: InvitationEmails,
    private readonly signInEmails: SignInEmails,
    private readonly hostSchedules: HostSchedulesService,
    private readonly participantEmails: ParticipantEmails,
    private readonly signUpEmails: SignUpEmails,
    private readonly mail: MailService,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
    @Inject(mailConfig.KEY) settings: ConfigType<typeof mailConfig>,
  ) {
    this.window = new SendWindow(settings.concurrency);
    this.recorder = new OutcomeRecorder(delivery);
    this.claimSize = Math.max(1, Math.ceil(settings.concurrency / 2));
  }

  /** On shutdown: emails in flight finish; jobs claim no more and are handed back. */
  stopClaiming(): void {
    this.window.close();
  }

  /**
   * Sends still waiting for the relay are cut off: they end as temporary failures and their rows
   * are retried by the next worker. One the relay accepted just before may come again then, with
   * the same Message-ID.
   */
  abandonInFlight(): void {
    this.cutShort = true;
    const reason = new Error('Cut short: the worker shut down before the relay answered');
    this.cutters.forEach((cut) => cut(reason));
    this.mail.stopSending();
  }

  /**
   * Throws when an email failed: an UnrecoverableError when none can succeed on a retry, another
   * error when some failed temporarily, so that BullMQ retries the job with backoff (the emails
   * already sent are not pending then, and are left alone).
   */
  async deliver(job: EmailsJob): Promise<DeliveryReport> {
    const deliveries: Array<Promise<DeliveryOutcome>> = [];
    let considered = 0;
    let handedBack = false;
    let claimFailure: Error | null = null;
    try {
      for (let start = 0; start < job.emailIds.length; start += this.claimSize) {
        const ids = job.emailIds.slice(start, start + this.claimSize);
        if (!(await this.window.take(ids.length))) {
          handedBack = true;
          break;
        }
        const claimed = await this.claim(job, ids);
        considered += ids.length;
        for (const [email, prepared] of claimed) deliveries.push(this.deliverClaimed(job, email, prepared));
      }
    } catch (error) {
      claimFailure = error instanceof Error ? error : new Error(String(error));
    }
    // Whatever stopped the loop, every email claimed is sent and recorded before the job ends.
    const settled = await Promise.allSettled(deliveries);
    if (claimFailure !== null) throw claimFailure;
    const notRecorded = settled.find((result) => result.status === 'rejected');
    if (notRecorded) throw notRecorded.reason;
    const outcomes = settled.map((result) => (result as PromiseFulfilledResult<DeliveryOutcome>).value);
    this.logSkipped(job, outcomes);
    this.throwOnFailures(job, outcomes);
    return {
      sent: outcomes.filter((outcome) => outcome.status === 'sent').length,
      skipped: outcomes.filter((outcome) => outcome.status === 'skipped').length,
      notPending: considered - outcomes.length,
      handedBack,
    };
  }

  private async claim(job: EmailsJob, ids: string[]): Promise<Array<[ClaimedEmail, PreparedEmail]>> {
    let claimed: ClaimedEmail[] = [];
    try {
      claimed = await this.delivery.claim(
        job.id,
        ids.map((id) => ({ id, messageId: messageIdFor(id, this.http.publicBaseUrl) })),
      );
    } finally {
      this.window.give(ids.length - claimed.length);
    }
    const interrupted = claimed.filter((email) => email.interrupted).map((email) => email.id);
    if (interrupted.length > 0) {
      // At-least-once: the relay may have accepted the interrupted attempt; the same Message-ID
      // lets clients and people recognise the copy. A lost cancellation would be worse.
      this.logger.warn(
        `Emails ${interrupted.join(', ')} were interrupted while sending; sending them again with the same Message-IDs`,
      );
    }
    try {
      const prepared = await this.prepare(claimed);
      return claimed.map((email) => [email, prepared.get(email.id)!]);
    } catch (error) {
      // Claimed rows that will not be attempted now give their places back; their job retries.
      this.window.give(claimed.length);
      throw error;
    }
  }

  /**
   * Invitation emails are decided by InvitationEmails, sign-in emails by SignInEmails, hosts'
   * schedules by HostSchedulesService, a participant's feed link and programme links by
   * ParticipantEmails, sign-up confirmations by SignUpEmails.
   */
  private async prepare(claimed: ClaimedEmail[]): Promise<Map<string, PreparedEmail>> {
    const aboutEvents = claimed.filter(
      (email): email is EventEmailClaim =>
        email.kind !== 'sign_in' &&
        email.kind !== 'host_schedule' &&
        email.kind !== 'sign_up' &&
        !isParticipantKind(email.kind),
    );
    const signIns = claimed.filter((email) => email.kind === 'sign_in');
    const schedules = claimed.filter((email) => email.kind === 'host_schedule');
    const participants = claimed.filter((email) => isParticipantKind(email.kind));
    const signUps = claimed.filter((email) => email.kind === 'sign_up');
    const [invitationEmails, signInEmails, scheduleEmails, participantEmails, signUpEmails] =
      await Promise.all([
        this.invitationEmails.prepare(aboutEvents),
        this.signInEmails.prepare(signIns),
        this.hostSchedules.prepare(schedules),
        this.participantEmails.prepare(participants),
        this.signUpEmails.prepare(signUps),
      ]);
    const prepared = new Map<string, PreparedEmail>();
    for (const email of invitationEmails) {
      prepared.set(
        email.id,
        email.skipReason === null
          ? {
              skipReason: null,
              message: (messageId) => this.mail.compose({ ...email.content, messageId }, this.calendars),
            }
          : { skipReason: email.skipReason },
      );
    }
    for (const email of [...signInEmails, ...scheduleEmails, ...participantEmails, ...signUpEmails]) {
      prepared.set(
        email.id,
        email.skipReason === null
          ? {
              skipReason: null,
              message: (messageId) => this.mail.composePlain({ ...email.content, messageId }),
            }
          : { skipReason: email.skipReason },
      );
    }
    return prepared;
  }

  /** Resolves once the outcome is recorded; its place in the window is free again then. */
  private async deliverClaimed(
    job: EmailsJob,
    email: ClaimedEmail,
    prepared: PreparedEmail,
  ): Promise<DeliveryOutcome> {
    try {
      const outcome = await this.attempt(job, email, prepared);
      await this.recorder.record(outcome);
      return outcome;
    } finally {
      this.window.give(1);
    }
  }

  private async attempt(
    job: EmailsJob,
    email: ClaimedEmail,
    prepared: PreparedEmail,
  ): Promise<DeliveryOutcome> {
    const claimedBy = { emailId: email.id, jobId: job.id };
    if (prepared.skipReason !== null) return { ...claimedBy, status: 'skipped', reason: prepared.skipReason };
    try {
      const messageId = messageIdFor(email.id, this.http.publicBaseUrl);
      await this.sendUnlessCutShort(prepared.message(messageId));
      return { ...claimedBy, status: 'sent' };
    } catch (error) {
      const failure = classifySmtpFailure(error);
      if (failure.permanent) return { ...claimedBy, status: 'failed', error: failure.description };
      if (job.attempt.last) {
        const error = `${failure.description} (gave up after ${job.attempt.number} attempts)`;
        return { ...claimedBy, status: 'failed', error };
      }
      return { ...claimedBy, status: 'retrying', error: failure.description };
    }
  }

  /** A connection busy with a hanging relay cannot be closed from here: the wait for it is ended instead. */
  private sendUnlessCutShort(message: ReturnType<MailService['compose']>): Promise<void> {
    if (this.cutShort) return Promise.reject(new Error('Not sent: the worker is shutting down'));
    return new Promise<void>((resolve, reject) => {
      this.cutters.add(reject);
      this.mail
        .send(message)
        .then(() => resolve(), reject)
        .finally(() => this.cutters.delete(reject));
    });
  }

  private logSkipped(job: EmailsJob, outcomes: DeliveryOutcome[]): void {
    const reasons = new Map<string, number>();
    for (const outcome of outcomes) {
      if (outcome.status === 'skipped') reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
    }
    if (reasons.size === 0) return;
    const summary = [...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ');
    this.logger.log(`Job ${job.id}: skipped ${summary}`);
  }

  private throwOnFailures(job: EmailsJob, outcomes: DeliveryOutcome[]): void {
    const failures = outcomes.flatMap((outcome) =>
      outcome.status === 'failed' || outcome.status === 'retrying' ? [outcome] : [],
    );
    if (failures.length === 0) return;
    const retrying = failures.filter((outcome) => outcome.status === 'retrying');
    const described = (outcome: (typeof failures)[number]): string => `${outcome.emailId}: ${outcome.error}`;
    const summary = `${failures.length} of ${job.emailIds.length} emails failed (${described(failures[0])})`;
    this.logger.warn(
      `Job ${job.id} attempt ${job.attempt.number}: ${summary}${retrying.length > 0 ? `; ${retrying.length} to retry` : ''}`,
    );
    if (retrying.length > 0) throw new Error(summary);
    throw new UnrecoverableError(summary);
  }
}
