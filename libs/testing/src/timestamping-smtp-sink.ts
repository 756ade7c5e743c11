import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

export interface Arrival {
  /** The Message-ID header with angle brackets, as sent. */
  messageId: string;
  /** Date.now() when the message's data had arrived, just before the sink answered 250. */
  at: number;
}

export interface TimestampingSmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  /** Every accepted message in arrival order; a Message-ID seen twice is a duplicate. */
  arrivals: Arrival[];
  /** Resolves when at least `count` messages have arrived; rejects after `timeoutMs`. */
  waitForCount(count: number, timeoutMs: number): Promise<Arrival[]>;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * A real SMTP server that notes when each message was accepted, for measuring how punctually
 * timed emails (reminders) go out. It keeps no bodies, so ten thousand messages cost little.
 */
export async function startTimestampingSmtpSink(): Promise<TimestampingSmtpSink> {
  const arrivals: Arrival[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream: SMTPServerDataStream, _session, callback) {
      // Headers come first; the Message-ID is read from the first chunks only.
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 64 * 1024) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const headerEnd = head.indexOf('\r\n\r\n');
        const headers = headerEnd < 0 ? head : head.slice(0, headerEnd);
        arrivals.push({ messageId: MESSAGE_ID.exec(headers)?.[1] ?? '', at: Date.now() });
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    waitForCount: (count, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (arrivals.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(arrivals);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`The SMTP sink received ${arrivals.length} of ${count} messages in ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
