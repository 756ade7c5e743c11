import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** The Message-ID header with angle brackets, as sent. */
  messageId: string;
  recipients: string[];
  raw: Buffer;
  /** Absent when the sink was started with `parse: false` (benchmarks). */
  parsed?: ParsedMail;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Answers every MAIL FROM with this code (421: try later) until called with null. */
  refuseAll(code: number | null): void;
  /** Answers RCPT TO for this address with this code (550: no such mailbox). */
  refuseRecipient(address: string, code: number): void;
  /** SMTP transactions refused so far. */
  refusals(): number;
  /**
   * While on, takes each message in and never answers it, like a relay that hangs; the sender
   * waits for its socket timeout. Returns how many messages are hanging so far.
   */
  hang(on: boolean): void;
  hanging(): number;
  /** Resolves when at least `count` messages have arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Messages by Message-ID: more than one entry under an id is a duplicate. */
  byMessageId(): Map<string, ReceivedMail[]>;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * A real SMTP server on an ephemeral port that keeps what it receives, for tests and benchmarks:
 * nothing is mocked between nodemailer and it. It can be told to refuse (421, 550) to exercise
 * retries and permanent failures, and to hang to exercise timeouts and shutdowns.
 */
export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const refusedRecipients = new Map<string, number>();
  let refuseCode: number | null = null;
  let refusals = 0;
  let hang = false;
  let hanging = 0;

  const refusal = (code: number): Error => {
    refusals += 1;
    return Object.assign(
      new Error(code >= 500 ? 'Refused by the test sink' : 'Try again later (test sink)'),
      {
        responseCode: code,
      },
    );
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onMailFrom(_address, _session, callback) {
      callback(refuseCode ? refusal(refuseCode) : undefined);
    },
    onRcptTo(address, _session, callback) {
      const code = refusedRecipients.get(address.address.toLowerCase());
      callback(code ? refusal(code) : undefined);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (hang) {
          hanging += 1;
          return;
        }
        const raw = Buffer.concat(chunks);
        const headerEnd = raw.indexOf('\r\n\r\n');
        const headers = raw.subarray(0, headerEnd < 0 ? raw.length : headerEnd).toString('utf8');
        const mail: ReceivedMail = {
          messageId: MESSAGE_ID.exec(headers)?.[1] ?? '',
          recipients: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
        };
        const store = (): void => {
          received.push(mail);
          waiters.forEach((wake) => wake());
          callback();
        };
        if (!parse) return store();
        simpleParser(raw)
          .then((parsed) => {
            mail.parsed = parsed;
            store();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseAll: (code) => {
      refuseCode = code;
    },
    refuseRecipient: (address, code) => {
      refusedRecipients.set(address.toLowerCase(), code);
    },
    refusals: () => refusals,
    hang: (on) => {
      hang = on;
    },
    hanging: () => hanging,
    waitForCount: (count, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`The SMTP sink received ${received.length} of ${count} messages in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    byMessageId: () => {
      const groups = new Map<string, ReceivedMail[]>();
      for (const mail of received) groups.set(mail.messageId, [...(groups.get(mail.messageId) ?? []), mail]);
      return groups;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
