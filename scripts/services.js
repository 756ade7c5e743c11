'use strict';
/**
 * Small checks for scripts/start.sh and scripts/test.sh that need a Postgres or Redis client, so
 * that neither psql nor redis-cli has to be installed. Reads DATABASE_URL and REDIS_URL from the
 * environment (lib.sh has filled in .env and the defaults).
 *
 *   node scripts/services.js ping-postgres     exit 0: answers, 1: no answer, 2: answers but refuses us
 *   node scripts/services.js ping-redis        exit 0: answers, 1: no answer
 *   node scripts/services.js create-database   creates the database of DATABASE_URL when missing
 *   node scripts/services.js port-free PORT    exit 0 when nothing listens on PORT
 *   node scripts/services.js http-ok URL       exit 0 when URL answers 2xx
 */
const net = require('node:net');

const TIMEOUT_MS = 2000;
const INVALID_CATALOG_NAME = '3D000';

function databaseUrl() {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/treffpunkt';
}

function maintenanceUrl(url) {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return maintenance.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

async function withClient(url, work) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function isConnectionFailure(error) {
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(error.code) ||
    /timeout|terminated|ECONNREFUSED/i.test(String(error.message))
  );
}

async function pingPostgres() {
  try {
    await withClient(databaseUrl(), (client) => client.query('SELECT 1'));
    return 0;
  } catch (error) {
    // A server that says the database is missing answers; start.sh creates the database later.
    if (error.code === INVALID_CATALOG_NAME) return 0;
    if (isConnectionFailure(error)) return 1;
    process.stderr.write(`Postgres answers but refuses the connection: ${error.message}\n`);
    return 2;
  }
}

async function pingRedis() {
  const Redis = require('ioredis');
  const client = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const reply = await client.ping();
    return reply === 'PONG' ? 0 : 1;
  } catch (error) {
    if (/NOAUTH|WRONGPASS|invalid password/i.test(String(error.message))) {
      process.stderr.write(`Redis answers but refuses the connection: ${error.message}\n`);
      return 2;
    }
    return 1;
  } finally {
    client.disconnect();
  }
}

async function createDatabase() {
  const url = databaseUrl();
  const name = databaseName(url);
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  await withClient(maintenanceUrl(url), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount > 0) return;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    process.stdout.write(`Created database ${name}\n`);
  });
  return 0;
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(1));
    server.listen(Number(port), () => server.close(() => resolve(0)));
  });
}

async function httpOk(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return response.ok ? 0 : 1;
  } catch {
    return 1;
  }
}

const commands = {
  'ping-postgres': pingPostgres,
  'ping-redis': pingRedis,
  'create-database': createDatabase,
  'port-free': portFree,
  'http-ok': httpOk,
};

const [command, argument] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write(`usage: node scripts/services.js ${Object.keys(commands).join('|')} [argument]\n`);
  process.exit(64);
}
commands[command](argument).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
