/**
 * The built API (dist/apps/api/src/main.js) as a process of its own, as production runs it, so
 * that a benchmark's load generator and seeding never share its thread.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt, ROOT } from './build';
import { freePort, startProcess } from './processes';

export interface ApiProcessOptions {
  /** DATABASE_URL at least; QUEUE_PREFIX, LOG_LEVEL … override the defaults below. */
  env: Record<string, string>;
  /** Extra node flags, e.g. ['--prof'] or ['--cpu-prof', '--cpu-prof-dir=/tmp/profiles']. */
  nodeArgs?: string[];
  /** How long /health/ready may take to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
}

export interface RunningApi {
  /** Base URL, e.g. http://127.0.0.1:41234 (routes are under /api/v1). */
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** The highest resident memory each API process had so far (VmHWM), summed over them, in bytes. */
  peakRssBytes(): number;
}

/** Variables every benchmark API gets unless `env` says otherwise. */
function defaultEnvironment(port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    // BENCH_API_LOG=<file> keeps the API's log (at info) there, e.g. to see how many entries a render took anew.
    LOG_LEVEL: process.env.BENCH_API_LOG ? 'info' : 'warn',
    API_PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    QUEUE_PREFIX: `tp-bench-${randomBytes(4).toString('hex')}`,
    // As production should run it, and as nginx's `worker_processes auto` does: one per core.
    API_PROCESSES: String(availableParallelism()),
    ANSWER_LINK_SECRET: randomBytes(32).toString('hex'),
    SIGN_IN_SECRET: randomBytes(32).toString('hex'),
    // The load generators ask from one address far faster than any client may.
    API_RATE_LIMIT: '100000000',
    ANSWER_RATE_LIMIT: '100000000',
  };
}

export async function startApiProcess(options: ApiProcessOptions): Promise<RunningApi> {
  ensureBuilt();
  const port = options.env.API_PORT ? Number(options.env.API_PORT) : await freePort();
  const env = { ...process.env, ...defaultEnvironment(port), ...options.env };
  const api = startProcess(
    process.execPath,
    [...(options.nodeArgs ?? []), join(ROOT, 'dist/apps/api/src/main.js')],
    { cwd: ROOT, env },
  );
  let output = '';
  api.child.stdout?.setEncoding('utf8');
  const logFile = process.env.BENCH_API_LOG;
  api.child.stdout?.on('data', (chunk: string) => {
    output = (output + chunk).slice(-4000);
    if (logFile) appendFileSync(logFile, chunk);
  });
  const pid = api.child.pid!;
  // The primary and each process it forked: their peaks, by pid, as long as they were seen.
  const peaks = new Map<number, number>();
  const readPeak = (): number => {
    for (const processId of [pid, ...childrenOf(pid)]) {
      const peak = peakRssOf(processId);
      if (peak !== undefined) peaks.set(processId, Math.max(peaks.get(processId) ?? 0, peak));
    }
    return [...peaks.values()].reduce((sum, peak) => sum + peak, 0);
  };
  const sampler = setInterval(readPeak, 250);
  sampler.unref();
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, api.exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    clearInterval(sampler);
    await api.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\nAPI output:\n${output}\n${api.stderr()}`);
  }
  return {
    url,
    pid,
    peakRssBytes: readPeak,
    stop: async () => {
      readPeak();
      clearInterval(sampler);
      await api.stop('SIGTERM');
    },
  };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** VmHWM of a running process in bytes; undefined once it has ended. */
function peakRssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return undefined;
  }
}

async function waitForReady(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let ended: number | null | undefined;
  void exited.then((code) => (ended = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended !== undefined) throw new Error(`the API exited (${ended}) before it was ready`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the API was not ready within ${timeoutMs} ms`);
}

/**
 * The first admin key of a fresh database, through the API's own command (as `npm run
 * keys:first-admin` does), e.g. to send as "Authorization: Bearer <key>".
 */
export async function issueFirstAdminKey(env: Record<string, string>): Promise<string> {
  ensureBuilt();
  const command = startProcess(
    process.execPath,
    [join(ROOT, 'dist/apps/api/src/commands/create-admin-key.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // BENCH_API_LOG=<file> keeps the API's log (at info) there, e.g. to see how many entries a render took anew.
    LOG_LEVEL: process.env.BENCH_API_LOG ? 'info' : 'warn',
        ANSWER_LINK_SECRET: randomBytes(32).toString('hex'),
        SIGN_IN_SECRET: randomBytes(32).toString('hex'),
        ...env,
      },
    },
  );
  let output = '';
  command.child.stdout?.setEncoding('utf8');
  command.child.stdout?.on('data', (chunk: string) => (output += chunk));
  const code = await command.exited;
  const token = /\btp_[a-z0-9]{16}_[A-Za-z0-9_-]{43}/.exec(output)?.[0];
  if (code !== 0 || !token)
    throw new Error(`create-admin-key failed (${code}):\n${output}\n${command.stderr()}`);
  return token;
}
