/**
 * The benchmark's SMTP sink in a process of its own, so that neither the direct sender nor the
 * API shares a thread with it. Talks to its parent over IPC.
 */
import { startSmtpSink } from '@app/testing';

export type SinkRequest = { type: 'wait'; count: number } | { type: 'reset' } | { type: 'stats' };
export type SinkReply =
  | { type: 'listening'; url: string }
  | { type: 'reached'; count: number }
  | { type: 'stats'; received: number; distinct: number };

function reply(message: SinkReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const sink = await startSmtpSink({ parse: false });
  process.on('message', (request: SinkRequest) => {
    if (request.type === 'reset') sink.received.length = 0;
    if (request.type === 'stats') {
      reply({ type: 'stats', received: sink.received.length, distinct: sink.byMessageId().size });
    }
    if (request.type === 'wait') {
      void sink
        .waitForCount(request.count, 3_600_000)
        .then(() => reply({ type: 'reached', count: request.count }));
    }
  });
  process.on('disconnect', () => void sink.close().then(() => process.exit(0)));
  reply({ type: 'listening', url: sink.url });
}

void main();
