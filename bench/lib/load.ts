/**
 * The load generator, always in a process of its own so that it never takes a thread from the
 * server under test: wrk (Debian package wrk) with a Lua report, or autocannon's CLI as a child
 * process when wrk cannot be had.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess } from './processes';
import { ensureTool, WRK } from './system-tools';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Load threads; wrk's default here is 1, leaving the other core to the server. */
  threads?: number;
  /** A run of this many seconds first whose figures are thrown away (JIT, caches, pools). */
  warmupSeconds?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** With autocannon, which reports no 95th percentile, its 97.5th: an upper bound. */
  p95Ms: number;
  p99Ms: number;
  /** Answers with a status of 400 or more. */
  non2xx3xx: number;
  /** Connect, read and write errors and timeouts. */
  errors: number;
}

/** Requests over 30 s count as latency, not as errors, so that a slow server shows as slow. */
const REQUEST_TIMEOUT = '30s';

const WRK_REPORT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT {\\"requests\\":%d,\\"durationUs\\":%d,\\"p95Us\\":%d,\\"p99Us\\":%d,\\"status\\":%d,\\"connect\\":%d,\\"read\\":%d,\\"write\\":%d,\\"timeout\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(95), latency:percentile(99), e.status, e.connect, e.read, e.write, e.timeout))
end
`;

let loadTool: 'wrk' | 'autocannon' | undefined;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await runLoad({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0 });
  loadTool ??= chooseTool();
  return loadTool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

function chooseTool(): 'wrk' | 'autocannon' {
  try {
    ensureTool(WRK);
    return 'wrk';
  } catch (error) {
    console.log(`wrk is not available (${(error as Error).message}); autocannon generates the load instead`);
    return 'autocannon';
  }
}

async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const directory = mkdtempSync(join(tmpdir(), 'treffpunkt-bench-wrk-'));
  try {
    const script = join(directory, 'report.lua');
    writeFileSync(script, WRK_REPORT);
    const threads = Math.min(options.threads ?? 1, options.connections);
    const args = [
      '-t',
      String(threads),
      '-c',
      String(options.connections),
      '-d',
      `${options.seconds}s`,
      '--timeout',
      REQUEST_TIMEOUT,
      '-s',
      script,
      ...headerArgs(options.headers),
      options.url,
    ];
    const output = await collect(WRK.binary, args);
    const line = /^WRK_RESULT (\{.*\})$/m.exec(output);
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const result = JSON.parse(line[1]) as Record<string, number>;
    return {
      requestsPerSecond: result.requests / (result.durationUs / 1e6),
      p95Ms: result.p95Us / 1000,
      p99Ms: result.p99Us / 1000,
      non2xx3xx: result.status,
      errors: result.connect + result.read + result.write + result.timeout,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '--json',
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds),
    '-t',
    REQUEST_TIMEOUT.replace('s', ''),
    ...headerArgs(options.headers),
    options.url,
  ];
  const output = await collect(process.execPath, args);
  const json = output.slice(output.indexOf('{'));
  const result = JSON.parse(json) as {
    requests: { average: number };
    latency: { p97_5: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    '4xx'?: number;
    '5xx'?: number;
  };
  return {
    requestsPerSecond: result.requests.average,
    p95Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    non2xx3xx: (result['4xx'] ?? 0) + (result['5xx'] ?? 0),
    errors: result.errors + result.timeouts,
  };
}

function headerArgs(headers: Record<string, string> = {}): string[] {
  return Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
}

/** Runs the command to its end and returns its stdout; fails with stderr when it fails. */
async function collect(command: string, args: string[]): Promise<string> {
  const load = startProcess(command, args);
  let output = '';
  load.child.stdout?.setEncoding('utf8');
  load.child.stdout?.on('data', (chunk: string) => (output += chunk));
  const code = await load.exited;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${load.stderr()}`);
  return output;
}
