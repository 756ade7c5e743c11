/**
 * An SMTP sink that notes when each message (by Message-ID) was accepted, for the reminder
 * lateness benchmark. postfix's smtp-sink only counts; lateness needs the arrival of every single
 * message. It runs libs/testing's smtp-server based sink in a child process.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Arrival } from '@app/testing';

export type SinkRequest = { type: 'arrivals' } | { type: 'count' } | { type: 'reset' };
export type SinkReply =
  | { type: 'listening'; url: string }
  | { type: 'arrivals'; arrivals: Arrival[] }
  | { type: 'count'; count: number }
  | { type: 'reset' };

export interface TimestampingSink {
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** Every accepted message with its arrival time (Date.now() in the sink), in arrival order. */
  arrivals(): Promise<Arrival[]>;
  count(): Promise<number>;
  /** Resolves once `count` messages arrived; rejects after `timeoutMs` or if the sink dies. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  /** Forgets what arrived so far. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTimestampingSink(): Promise<TimestampingSink> {
  const child = fork(join(__dirname, 'timestamping-sink.process.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
  let exited = false;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void ended.then(() => (exited = true));
  // Dies with the bench: an orphaned sink would keep its port and the bench's pipe.
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);

  const next = <T extends SinkReply['type']>(type: T): Promise<Extract<SinkReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      const listener = (message: SinkReply): void => {
        if (message.type !== type) return;
        child.off('message', listener);
        resolve(message as Extract<SinkReply, { type: T }>);
      };
      child.on('message', listener);
      void ended.then(() => reject(new Error('The timestamping SMTP sink exited')));
    });
  const ask = <T extends SinkRequest['type']>(type: T) => {
    const answer = next(type);
    child.send({ type });
    return answer;
  };

  const { url } = await next('listening');
  const count = async () => (await ask('count')).count;
  return {
    url,
    arrivals: async () => (await ask('arrivals')).arrivals,
    count,
    waitFor: async (target, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const received = await count();
        if (received >= target) return;
        if (exited) throw new Error(`The sink exited after ${received} of ${target} messages`);
        if (Date.now() > deadline)
          throw new Error(`The sink received ${received} of ${target} messages in ${timeoutMs} ms`);
        await sleep(200);
      }
    },
    reset: async () => {
      await ask('reset');
    },
    stop: async () => {
      process.off('exit', kill);
      if (!exited) {
        child.disconnect();
        await Promise.race([ended, sleep(10_000).then(kill)]);
      }
    },
  };
}
