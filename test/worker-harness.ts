import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReceivedMail, SmtpSink, startSmtpSink } from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ApiHarness, startApi } from './api-harness';

export interface WorkerHarness {
  app: INestApplication;
  close(): Promise<void>;
}

/** Settings that make retries and relay passes fast enough for tests. */
export function fastMailSettings(smtpUrl: string): Record<string, string> {
  return {
    SMTP_URL: smtpUrl,
    MAIL_RETRY_DELAY_MS: '300',
    MAIL_RELAY_INTERVAL_MS: '300',
  };
}

/**
 * The worker in this process, on the database and Redis prefix in process.env (as startApi()
 * set them), with `env` on top (at least SMTP_URL).
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerHarness> {
  Object.assign(process.env, env);
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, close: () => app.close() };
}

/** An SMTP sink, the API and a worker in this process that sends to the sink: what mail suites run on. */
export interface MailingStack {
  sink: SmtpSink;
  api: ApiHarness;
  worker: WorkerHarness;
  close(): Promise<void>;
}

export async function startMailingStack(publicBaseUrl: string): Promise<MailingStack> {
  const sink = await startSmtpSink();
  const api = await startApi({
    env: () => ({ PUBLIC_BASE_URL: publicBaseUrl, ...fastMailSettings(sink.url) }),
  });
  const worker = await startWorker(fastMailSettings(sink.url));
  return {
    sink,
    api,
    worker,
    close: async () => {
      await worker.close();
      await api.close();
      await sink.close();
    },
  };
}

/** The `count`th email the sink received for an address, waiting up to `waitMs` for it to arrive. */
export async function mailNumber(
  sink: SmtpSink,
  address: string,
  count: number,
  waitMs: number,
): Promise<ReceivedMail> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const mails = sink.received.filter((mail) => mail.recipients.includes(address));
    if (mails.length >= count) return mails[count - 1];
    if (Date.now() > deadline) throw new Error(`No email number ${count} to ${address} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Deletes the Redis keys of a suite's queue prefix. Call it last, after every worker and queue of
 * the suite is closed: a worker still running would fail on the keys it finds gone.
 */
export async function removeQueueKeys(prefix = process.env.QUEUE_PREFIX): Promise<void> {
  if (!prefix) return;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged that it runs. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** Peak resident set size seen by sampling /proc, in bytes (Linux). */
  peakRss(): number;
  /** The last 20,000 characters the process wrote (stdout and stderr). */
  output(): string;
  stopSampling(): void;
}

const WORKER_SETTINGS = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    config: { workerNodeOptions: string; workerEnvironment: string };
  }
).config;
/** The heap limits the worker runs with in production (package.json config.workerNodeOptions). */
const WORKER_NODE_OPTIONS = WORKER_SETTINGS.workerNodeOptions.split(' ');
/** The allocator settings it runs with (config.workerEnvironment, NAME=value pairs). */
const WORKER_ENVIRONMENT = Object.fromEntries(
  WORKER_SETTINGS.workerEnvironment.split(' ').map((pair) => pair.split('=', 2)),
) as Record<string, string>;

/**
 * What a test allows per worker process it starts: compiling and booting the worker from its
 * TypeScript takes about 5 s on a quiet machine and several times that on a loaded one.
 */
export const WORKER_START_BUDGET_MS = 45_000;

/**
 * The real worker entry point (apps/worker/src/main.ts) as a child process, for tests that kill
 * it and for the benchmark. It inherits process.env plus `env`.
 */
export function spawnWorker(
  env: Record<string, string>,
  options: { compiled?: boolean; nodeArgs?: string[] } = {},
): WorkerProcess {
  const root = join(__dirname, '..');
  const args = options.compiled
    ? [join(root, 'dist/apps/worker/src/main.js')]
    : [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(root, 'apps/worker/src/main.ts'),
      ];
  const child = spawn(process.execPath, [...WORKER_NODE_OPTIONS, ...(options.nodeArgs ?? []), ...args], {
    cwd: root,
    env: { ...process.env, ...WORKER_ENVIRONMENT, WORKER_HEALTH_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes('Worker running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`The worker exited with ${code} before it ran:\n${output}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentSetSize(child.pid));
  }, 100);
  void exited.then(() => clearInterval(sampler));
  return {
    child,
    ready,
    exited,
    peakRss: () => peak,
    output: () => output,
    stopSampling: () => clearInterval(sampler),
  };
}

function residentSetSize(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : 0;
  } catch {
    return 0;
  }
}
