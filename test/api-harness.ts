import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@app/access';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApi } from '../apps/api/src/configure-api';

export interface ApiHarness {
  app: INestApplication;
  database: TestDatabase;
  dataSource: DataSource;
  /** A key of the operator organisation with the admin role. */
  adminKey: string;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface StartApiOptions {
  /** Environment variables to set on top, e.g. a DATABASE_URL through a proxy the test controls. */
  env?: (database: TestDatabase) => Record<string, string>;
}

/** The whole API on a throwaway database and its own Redis key prefix, as main.ts sets it up. */
export async function startApi(options: StartApiOptions = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_PREFIX = `tp-test-${randomBytes(4).toString('hex')}`;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
  // Suites send many requests from one address; the suite of the limits sets its own.
  process.env.API_RATE_LIMIT = '1000000';
  process.env.ANSWER_RATE_LIMIT = '1000000';
  Object.assign(process.env, options.env?.(database));
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApi(app);
  await app.init();
  const issued = await app.get(ApiKeysService).issueFirstAdmin({
    organisationName: 'Treffpunkt operators',
    organisationCode: 'OPS',
    country: 'DE',
    timeZone: 'Europe/Berlin',
  });
  return {
    app,
    database,
    dataSource: app.get(DataSource),
    adminKey: issued.token,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A second API on the same database and Redis prefix (set by startApi), as a scaled-out
 * deployment runs it: it keeps its own caches, as another process would.
 */
export async function startAnotherApi(): Promise<{
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApi(app);
  await app.init();
  return { http: () => request(app.getHttpServer()), close: () => app.close() };
}

export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}

/** Keeps a response body as text exactly as sent (supertest would not parse text/calendar). */
export function textParser(response: unknown, done: (error: Error | null, body: string) => void): void {
  const stream = response as NodeJS.ReadableStream & { setEncoding(encoding: string): void };
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
}
