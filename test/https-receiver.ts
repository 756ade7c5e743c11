import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/**
 * A real HTTPS server for webhook suites, with a throwaway self-signed certificate for 127.0.0.1
 * and localhost (made by openssl). The worker trusts it through WEBHOOK_CA_FILE, as an operator
 * would trust an internal CA; TLS verification stays on.
 */
export interface HttpsReceiver {
  port: number;
  /** The certificate's PEM file, for WEBHOOK_CA_FILE. */
  caFile: string;
  received: ReceivedWebhook[];
  /** Answers requests to `path` with these statuses in turn, then 200; 0 answers nothing, as a hung receiver. */
  answer(path: string, statuses: number[]): void;
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

export async function startHttpsReceiver(): Promise<HttpsReceiver> {
  const directory = mkdtempSync(join(tmpdir(), 'tp-webhooks-'));
  const [keyFile, certFile] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=Treffpunkt test receiver',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const received: ReceivedWebhook[] = [];
  const planned = new Map<string, number[]>();
  const server: Server = createServer(
    { key: readFileSync(keyFile), cert: readFileSync(certFile) },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        received.push({
          path,
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
          ),
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        const status = planned.get(path)?.shift() ?? 200;
        if (status === 0) return;
        response
          .writeHead(status, { 'content-type': 'text/plain' })
          .end(status < 300 ? 'ok' : 'receiver trouble');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    caFile: certFile,
    received,
    answer: (path, statuses) => planned.set(path, [...statuses]),
    url: (path, host = '127.0.0.1') => `https://${host}:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
