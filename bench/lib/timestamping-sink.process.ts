/**
 * The timestamping SMTP sink in a process of its own, so that arrival times are taken on a thread
 * that neither sender shares. Talks to its parent (bench/lib/timestamping-sink.ts) over IPC.
 */
import { startTimestampingSmtpSink } from '@app/testing';
import type { SinkReply, SinkRequest } from './timestamping-sink';

function reply(message: SinkReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const sink = await startTimestampingSmtpSink();
  process.on('message', (request: SinkRequest) => {
    switch (request.type) {
      case 'arrivals':
        reply({ type: 'arrivals', arrivals: sink.arrivals });
        break;
      case 'count':
        reply({ type: 'count', count: sink.arrivals.length });
        break;
      case 'reset':
        sink.arrivals.length = 0;
        reply({ type: 'reset' });
        break;
    }
  });
  process.on('disconnect', () => void sink.close().then(() => process.exit(0)));
  reply({ type: 'listening', url: sink.url });
}

void main();
