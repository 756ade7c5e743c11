import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import {
  InvitationCalendarInput,
  InvitationCalendars,
  renderInvitationCalendar,
  singleLine,
} from '@app/calendar';
import { smtpConfig } from '@app/config';
import { EmailContent } from './render/email-content';
import { renderEmail } from './render/render-email';

/** maildev's SMTP port: where `scripts/start.sh` runs a catcher when SMTP_URL is not set. */
export const LOCAL_CATCHER_SMTP_URL = 'smtp://127.0.0.1:1025';

export interface OutgoingEmail extends EmailContent {
  /** Deterministic per outbox row, with angle brackets. */
  messageId: string;
}

/** An email rendered elsewhere, sent as it is. */
export interface PlainEmail {
  recipient: { name: string | null; email: string; language: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface SmtpAcceptance {
  messageId: string;
  /** The relay's answer, e.g. "250 OK: queued as …". */
  response: string;
}

/**
 * The only place that talks SMTP: one pooled nodemailer transport per process, configured by
 * SMTP_URL. Rendering is pure and lives in render/; this composes and sends.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transporter: Transporter<SMTPPool.SentMessageInfo> | null = null;
  private stopped = false;
  private readonly organizer: { name: string; email: string };

  constructor(@Inject(smtpConfig.KEY) private readonly smtp: ConfigType<typeof smtpConfig>) {
    this.organizer = parseMailbox(smtp.organizer);
  }

  /**
   * The complete message, as nodemailer takes it. Deterministic for the same content. A sender of
   * many emails about the same events passes one InvitationCalendars to all, which renders each
   * event's calendar once rather than once per recipient.
   */
  compose(email: OutgoingEmail, calendars?: InvitationCalendars): SendMailOptions {
    const renderCalendar = (input: InvitationCalendarInput): string =>
      calendars ? calendars.render(input) : renderInvitationCalendar(input);
    const rendered = renderEmail(email);
    const method = email.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
    const attendee = {
      name: email.recipient.name,
      email: email.recipient.email,
      participation: email.participation,
    };
    const calendar = renderCalendar({
      method,
      event: email.event,
      organizer: this.organizer,
      attendee,
      url: method === 'REQUEST' ? email.answerUrl : null,
    });
    // iTIP carries one UID per message: the parts a cancellation took along (which may be in the
    // person's calendar from an email about a workshop) get a CANCEL each, as attachments.
    const partCancellations =
      method === 'CANCEL'
        ? email.parts
            .filter((part) => part.event.status === 'cancelled')
            .map((part, index) => ({
              filename: `cancel-part-${index + 1}.ics`,
              contentType: 'text/calendar; charset=utf-8; method=CANCEL',
              content: renderCalendar({
                method,
                event: part.event,
                organizer: this.organizer,
                attendee,
              }),
            }))
        : [];
    return {
      from: this.smtp.from,
      to: { name: singleLine(email.recipient.name), address: email.recipient.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: email.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': email.recipient.locale },
      icalEvent: { method, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: calendar },
      ...(partCancellations.length > 0 ? { attachments: partCancellations } : {}),
    };
  }

  /** A message without a calendar part (a sign-in email), rendered by the lib that writes it. */
  composePlain(email: PlainEmail): SendMailOptions {
    return {
      from: this.smtp.from,
      to: { name: singleLine(email.recipient.name ?? ''), address: email.recipient.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': email.recipient.language },
    };
  }

  /**
   * Resolves once the relay accepted the message; rejects with nodemailer's error otherwise. The
   * MIME message is built into one buffer first: streamed, nodemailer writes it to the socket in
   * about twenty pieces, a system call each, which costs more than building it.
   */
  async send(message: SendMailOptions): Promise<SmtpAcceptance> {
    if (this.stopped) throw new Error('Not sent: this worker stopped sending (shutdown)');
    const mime = new MailComposer(message).compile();
    const envelope = mime.getEnvelope();
    const raw = await mime.build();
    const info = await this.transport().sendMail({ envelope, raw });
    return { messageId: mime.messageId(), response: info.response };
  }

  /** After the worker closed (in-flight jobs still send while the app shuts down). */
  onApplicationShutdown(): void {
    this.stopSending();
  }

  /**
   * Closes the pooled SMTP connections: messages on them fail, and so does every later send, as a
   * temporary failure, so that another worker retries them.
   */
  stopSending(): void {
    this.stopped = true;
    this.transporter?.close();
    this.transporter = null;
  }

  private transport(): Transporter<SMTPPool.SentMessageInfo> {
    if (!this.transporter) {
      const url = this.smtp.url ?? LOCAL_CATCHER_SMTP_URL;
      if (!this.smtp.url) this.logger.warn(`SMTP_URL is not set; sending to the local catcher at ${url}`);
      // createTransport({ url, … }) would drop every other option (and with it the pool): the URL
      // is parsed here, and settings written into it (?maxConnections=…) win over ours.
      this.transporter = createTransport({
        pool: true,
        maxConnections: this.smtp.poolSize,
        maxMessages: Infinity,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
        ...parseConnectionUrl(url),
      } satisfies SMTPPool.Options);
    }
    return this.transporter;
  }
}

/** "Name <address>" from configuration as name and address, for ORGANIZER. */
function parseMailbox(value: string): { name: string; email: string } {
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address) throw new Error(`MAIL_ORGANIZER is not a mailbox: ${value}`);
  return { name: singleLine(first.name || first.address), email: first.address };
}
