/**
 * The "bare node:http" anchor: the same bytes from memory with a strong ETag, 304 on a matching
 * If-None-Match, the gzip body to clients that accept it. What Node itself can do, with no
 * framework, in processes of its own: one per core through node:cluster, as nginx's `worker_processes
 * auto` and the API's API_PROCESSES in the benchmarks. Prints `{"port":…}` on stdout once they listen.
 *
 *   node -r ts-node/register/transpile-only bench/lib/bare-node-server.process.ts '{"file":…,"contentType":…}'
 */
import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';

interface Options {
  file: string;
  contentType: string;
  gzipFile?: string;
}

interface Representation {
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

function representation(file: string, headers: Record<string, string>): Representation {
  const body = readFileSync(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  return { body, etag, headers: { ...headers, etag } };
}

/** If-None-Match compares weakly (RFC 9110 13.1.2), so W/"x" matches "x". */
function matches(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}

/**
 * Forks one server per core and passes SIGTERM on. Each listens on port 0: through the primary,
 * they share the one port it picked.
 */
function primary(): void {
  const processes = availableParallelism();
  let listening = 0;
  for (let forked = 0; forked < processes; forked++) {
    cluster.fork().once('listening', ({ port }: AddressInfo) => {
      listening++;
      if (listening === processes) process.stdout.write(`${JSON.stringify({ port })}\n`);
    });
  }
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
}

function serve(): void {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const vary: Record<string, string> = options.gzipFile ? { vary: 'Accept-Encoding' } : {};
  const identity = representation(options.file, { 'content-type': options.contentType, ...vary });
  const gzip = options.gzipFile
    ? representation(options.gzipFile, {
        'content-type': options.contentType,
        'content-encoding': 'gzip',
        ...vary,
      })
    : undefined;

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const chosen = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') ? gzip : identity;
    if (matches(request, chosen.etag)) {
      response.writeHead(304, chosen.headers).end();
      return;
    }
    response.writeHead(200, { ...chosen.headers, 'content-length': String(chosen.body.length) });
    response.end(request.method === 'HEAD' ? undefined : chosen.body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    // The channel to the primary would keep this process alive.
    process.disconnect?.();
  });
}

if (cluster.isPrimary) primary();
else serve();
