/**
 * Checks the benchmark peers against what the benchmarks rely on: nginx and the bare node:http
 * server answer the same bytes with the right type and 304 on If-None-Match, smtp-sink counts
 * exactly the messages nodemailer delivered, wrk reports, and the built API starts on a
 * throwaway database. Exits non-zero on the first surprise.
 *
 *   npm run bench:check
 */
import 'reflect-metadata';
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodemailer from 'nodemailer';
import { createTestDatabase } from '@app/testing';
import { issueFirstAdminKey, startApiProcess } from './api-process';
import { runLoad, startBareNodeServer, startNginx, startSmtpSink } from './peers';

const MESSAGES = 200;

async function checkHttpPeers(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'treffpunkt-bench-check-'));
  const body = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Prüfung\r\n${'X-PAD:0123456789\r\n'.repeat(2000)}END:VCALENDAR\r\n`;
  writeFileSync(join(root, 'feed.ics'), body);
  writeFileSync(join(root, 'feed.ics.gz'), gzipSync(body));
  const nginx = await startNginx({ root, gzipStatic: true });
  const bare = await startBareNodeServer({
    file: join(root, 'feed.ics'),
    gzipFile: join(root, 'feed.ics.gz'),
    contentType: 'text/calendar; charset=utf-8',
  });
  try {
    for (const [name, url] of [
      ['nginx', `${nginx.url}/feed.ics`],
      ['bare node:http', `${bare.url}/feed.ics`],
    ]) {
      const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(first.status, 200, name);
      assert.equal(first.headers.get('content-type'), 'text/calendar; charset=utf-8', name);
      assert.equal(await first.text(), body, name);
      const etag = first.headers.get('etag');
      assert.ok(etag && !etag.startsWith('W/'), `${name} gives a strong ETag`);
      const again = await fetch(url, { headers: { 'if-none-match': etag, 'accept-encoding': 'identity' } });
      assert.equal(again.status, 304, `${name} answers If-None-Match with 304`);
      const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzipped.headers.get('content-encoding'), 'gzip', `${name} serves the gzip body`);
      assert.equal(await gzipped.text(), body, name);
      const load = await runLoad({ url, connections: 10, seconds: 2, headers: { 'if-none-match': etag } });
      assert.equal(load.errors + load.non2xx3xx, 0, `${name} under load: ${JSON.stringify(load)}`);
      console.log(
        `${name}: ok (304s ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.p99Ms.toFixed(2)} ms)`,
      );
    }
  } finally {
    await nginx.stop();
    await bare.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function checkSmtpSink(): Promise<void> {
  const sink = await startSmtpSink();
  const transport = nodemailer.createTransport({
    host: sink.host,
    port: sink.port,
    pool: true,
    maxConnections: 5,
  });
  try {
    assert.equal(await sink.received(), 0);
    await Promise.all(
      Array.from({ length: MESSAGES }, (_, index) =>
        transport.sendMail({
          from: 'bench@treffpunkt.example',
          to: `person-${index}@treffpunkt.example`,
          subject: `Einladung ${index}`,
          text: 'Hallo!\n'.repeat(200),
        }),
      ),
    );
    await sink.waitFor(MESSAGES, 10_000);
    assert.equal(await sink.received(), MESSAGES, 'smtp-sink counts every delivered message once');
    console.log(`smtp-sink: ok (${MESSAGES} messages counted)`);
  } finally {
    transport.close();
    await sink.stop();
  }
}

async function checkApiProcess(): Promise<void> {
  const database = await createTestDatabase();
  try {
    const key = await issueFirstAdminKey({ DATABASE_URL: database.url });
    const api = await startApiProcess({ env: { DATABASE_URL: database.url } });
    try {
      const response = await fetch(`${api.url}/api/v1/events`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { items: [], nextCursor: null });
      console.log(
        `API process: ok (pid ${api.pid}, peak RSS ${(api.peakRssBytes() / 1024 / 1024).toFixed(0)} MB)`,
      );
    } finally {
      await api.stop();
    }
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  await checkHttpPeers();
  await checkSmtpSink();
  await checkApiProcess();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
