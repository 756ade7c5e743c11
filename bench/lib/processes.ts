/**
 * Child processes of a benchmark: every server and load generator runs in a process of its own,
 * is stopped by the bench that started it, and is killed when the bench dies before that.
 */
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

export interface Managed {
  child: ChildProcess;
  /** The last lines the process wrote to stderr, for error messages. */
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a process that the bench owns; stdout is left to the caller (piped). */
export function startProcess(command: string, args: string[], options: SpawnOptions = {}): Managed {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    });
    child.once('error', (error) => {
      running.delete(child);
      stderr += `\n${error.message}`;
      resolve(-1);
    });
  });
  return {
    child,
    stderr: () => stderr,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Waits until the process accepts TCP connections on the port, or fails with its stderr when it
 * exits first or does not listen within `timeoutMs`.
 */
export async function waitForPort(
  managed: Managed,
  port: number,
  name: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void managed.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${name} exited before listening on ${port}:\n${managed.stderr()}`);
    if (await accepts(port)) return;
    await sleep(50);
  }
  await managed.stop('SIGKILL');
  throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms:\n${managed.stderr()}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
