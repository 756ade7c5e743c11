/**
 * The strongest peers a benchmark compares with, each in a process of its own: Debian's nginx
 * serving the same bytes, a bare node:http server serving them from memory, and postfix's
 * smtp-sink as the SMTP relay. Missing Debian tools are installed (and the bench says so).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startProcess, waitForPort } from './processes';
import { ensureTool, NGINX, SMTP_SINK } from './system-tools';

export { runLoad } from './load';
export type { LoadOptions, LoadResult } from './load';

export interface RunningPeer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** The directory whose files nginx serves: <url>/personal.ics is <root>/personal.ics. */
  root: string;
  /** Serve <file>.gz to clients that accept gzip, when it exists (precompressed bodies). */
  gzipStatic?: boolean;
}

/** Content types nginx gives the files it serves; anything else is application/octet-stream. */
const CONTENT_TYPES: Record<string, string[]> = {
  'text/calendar': ['ics'],
  'text/html': ['html', 'htm'],
  'text/plain': ['txt'],
  'text/css': ['css'],
  'application/javascript': ['js'],
  'application/json': ['json'],
  'application/xml': ['xml'],
};

/** Debian's nginx as its own master process with a generated configuration in a temp dir. */
export async function startNginx(options: NginxOptions): Promise<RunningPeer> {
  const binary = ensureTool(NGINX);
  const directory = mkdtempSync(join(tmpdir(), 'treffpunkt-bench-nginx-'));
  const port = await freePort();
  const types = Object.entries(CONTENT_TYPES)
    .map(([type, extensions]) => `    ${type} ${extensions.join(' ')};`)
    .join('\n');
  const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes auto;
daemon off;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 4096; }
http {
  types {
${types}
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/calendar text/html text/plain text/css application/javascript application/json application/xml;
  access_log off;
  sendfile on;
  tcp_nopush on;
  etag on;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  client_body_temp_path ${directory}/client_body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${resolve(options.root)};
    ${options.gzipStatic ? 'gzip_static on;\n    gzip_vary on;' : ''}
    location / { }
  }
}
`;
  writeFileSync(join(directory, 'nginx.conf'), config);
  const nginx = startProcess(binary, [
    '-p',
    directory,
    '-c',
    join(directory, 'nginx.conf'),
    '-e',
    join(directory, 'error.log'),
  ]);
  nginx.child.stdout?.resume();
  const cleanUp = () => rmSync(directory, { recursive: true, force: true });
  try {
    await waitForPort(nginx, port, 'nginx');
  } catch (error) {
    cleanUp();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      // SIGTERM is nginx's fast shutdown: the master stops its workers and exits.
      await nginx.stop('SIGTERM');
      cleanUp();
    },
  };
}

export interface BareNodeServerOptions {
  /** The bytes to serve, read once into memory. */
  file: string;
  contentType: string;
  /** The same body gzipped, served to clients that accept gzip. */
  gzipFile?: string;
}

/** A bare node:http server serving one body from memory, in a child process (any path answers). */
export async function startBareNodeServer(options: BareNodeServerOptions): Promise<RunningPeer> {
  const server = startProcess(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      join(__dirname, 'bare-node-server.process.ts'),
      JSON.stringify(options),
    ],
    { cwd: join(__dirname, '..', '..') },
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    let output = '';
    server.child.stdout?.setEncoding('utf8');
    server.child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const line = /^(\{.*\})\n/m.exec(output);
      if (line) resolvePort((JSON.parse(line[1]) as { port: number }).port);
    });
    void server.exited.then((code) =>
      reject(new Error(`the bare node:http server exited (${code}) before listening:\n${server.stderr()}`)),
    );
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop('SIGTERM') };
}

export interface RunningSmtpSink {
  host: string;
  port: number;
  /** Messages the sink has taken in completely (the "." of DATA received) since it started. */
  received(): Promise<number>;
  /** Resolves once `count` messages were received; rejects after `timeoutMs` or if the sink dies. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * postfix's smtp-sink: a fast SMTP server that throws messages away, as a relay that never limits
 * the sender would. `-c` makes it write running counters to stdout after every message
 * ("sess=… quit=… mesg=N\r"); counting them costs the sink one small write per message, unlike
 * dumping each message to disk.
 */
export async function startSmtpSink(): Promise<RunningSmtpSink> {
  const binary = ensureTool(SMTP_SINK);
  const port = await freePort();
  const privileges = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
  const sink = startProcess(binary, ['-c', ...privileges, '-m', '1000', `127.0.0.1:${port}`, '1000']);
  let count = 0;
  let lastOutputAt = Date.now();
  const waiters = new Set<() => void>();
  let tail = '';
  sink.child.stdout?.setEncoding('utf8');
  sink.child.stdout?.on('data', (chunk: string) => {
    // Each update ends with \r; a chunk may end in the middle of one.
    const text = tail + chunk;
    const end = text.lastIndexOf('\r');
    if (end >= 0) {
      const latest = [...text.slice(0, end).matchAll(/mesg=(\d+)/g)].at(-1);
      if (latest) count = Number(latest[1]);
    }
    tail = text.slice(end + 1);
    lastOutputAt = Date.now();
    for (const wake of waiters) wake();
  });
  let ended = false;
  void sink.exited.then(() => {
    ended = true;
    for (const wake of waiters) wake();
  });
  await waitForPort(sink, port, 'smtp-sink');

  const waitFor = async (target: number, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (count < target) {
      if (ended) throw new Error(`smtp-sink exited after ${count} of ${target} messages:\n${sink.stderr()}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`smtp-sink received ${count} of ${target} messages in ${timeoutMs} ms`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(done, Math.min(remaining, 1000));
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          wake();
        }
        waiters.add(done);
      });
    }
  };

  return {
    host: '127.0.0.1',
    port,
    received: async () => {
      // The counter line can still be in the pipe right after a client saw its 250: read until
      // the sink has been quiet for a moment.
      const since = Date.now();
      while (Date.now() - lastOutputAt < 25 && Date.now() - since < 1000) await sleep(5);
      return count;
    },
    waitFor,
    stop: () => sink.stop('SIGTERM'),
  };
}
