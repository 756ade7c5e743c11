import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Each process answers with its pid on one shared port, which the primary prints once it is taken.
 * A file, not `node -e`: cluster forks the processes from the primary's script.
 */
const SERVER = `
const { createServer } = require('node:http');
const cluster = require('node:cluster');
const { runApiProcesses } = require(${JSON.stringify(join(__dirname, 'api-processes.ts'))});
runApiProcesses(Number(process.env.PROCESSES), async () => {
  const server = createServer((request, response) => response.end(String(process.pid)));
  server.listen(0, '127.0.0.1', () => {
    const listening = { port: server.address().port };
    if (cluster.isWorker) process.send(listening);
    else process.stdout.write(JSON.stringify(listening) + '\\n');
  });
  process.once('SIGTERM', () => { server.close(); process.disconnect?.(); });
});
if (cluster.isPrimary) cluster.on('message', (worker, message) => process.stdout.write(JSON.stringify(message) + '\\n'));
`;

interface Started {
  primary: ChildProcess;
  port: number;
  exited: Promise<unknown>;
}

async function startProcesses(processes: number): Promise<Started> {
  const primary = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    env: { ...process.env, PROCESSES: String(processes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(primary, 'exit');
  let output = '';
  primary.stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    primary.stdout.on('data', (chunk: string) => {
      output += chunk;
      // Each process says so once it listens; all of them must before requests are spread.
      const lines = [...output.matchAll(/^\{"port":(\d+)\}$/gm)];
      if (lines.length === processes) resolve(Number(lines[0][1]));
    });
    void exited.then(() => reject(new Error(`ended before listening: ${output}`)));
  });
  return { primary, port, exited };
}

/**
 * The pids that answered `requests` requests, each on a new connection. A connection handed to a
 * process just as it died gets no answer: it is given up after a while, as a client would.
 */
async function answeringPids(port: number, requests: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let sent = 0; sent < requests; sent++) {
    const body = await new Promise<string | null>((resolve) => {
      const request = get({ host: '127.0.0.1', port, agent: false, timeout: 2_000 }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(null));
    });
    if (body !== null) pids.add(Number(body));
  }
  return pids;
}

const scratch = mkdtempSync(join(tmpdir(), 'treffpunkt-api-processes-'));
const script = join(scratch, 'server.js');
writeFileSync(script, SERVER);

describe('runApiProcesses', () => {
  let started: Started | undefined;

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  afterEach(async () => {
    if (started?.primary.exitCode === null) {
      started.primary.kill('SIGKILL');
      await started.exited;
    }
  });

  it('should serve one port from several processes, replace one that dies, and end them all on SIGTERM', async () => {
    started = await startProcesses(2);
    const pids = await answeringPids(started.port, 8);
    expect(pids.size).toBe(2);
    expect(pids.has(started.primary.pid!)).toBe(false);

    const [killed] = pids;
    process.kill(killed, 'SIGKILL');
    let answering = await answeringPids(started.port, 8);
    while (answering.size < 2 || answering.has(killed)) {
      await sleep(100);
      answering = await answeringPids(started.port, 8);
    }
    expect(answering.has(killed)).toBe(false);

    started.primary.kill('SIGTERM');
    const [code] = (await started.exited) as [number | null];
    expect(code).toBe(0);
    for (const pid of answering) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('should run a single API in the process itself when one process is asked for', async () => {
    started = await startProcesses(1);
    expect(await answeringPids(started.port, 3)).toEqual(new Set([started.primary.pid]));
  });
});
