import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { TcpProxy } from './tcp-proxy';

/** The worker boots against real Postgres and Redis and answers only its health probes. */
describe('Worker', () => {
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redisProxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
  let database: TestDatabase;
  let worker: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    await redisProxy.open();
    process.env.DATABASE_URL = database.url;
    process.env.REDIS_URL = redisProxy.rewrite(redis.toString());
    process.env.QUEUE_PREFIX = `tp-test-${randomBytes(4).toString('hex')}`;
    process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
    process.env.NODE_ENV = 'test';
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = moduleRef.createNestApplication({ logger: false });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await redisProxy.cut();
    await database?.drop();
  });

  const http = () => request(worker.getHttpServer());

  it('should answer /health and /health/ready with 200 when Postgres and Redis answer', async () => {
    await http().get('/health').expect(200);
    const response = await http().get('/health/ready').expect(200);
    expect(response.body).toMatchObject({ details: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('should mount no organiser API', async () => {
    await http().get('/api/v1/events').expect(404);
    await http().get('/docs').expect(404);
  });

  it('should answer 503 from readiness while Redis is unreachable and recover by itself', async () => {
    await redisProxy.cut();
    try {
      const response = await http().get('/health/ready').expect(503);
      expect(response.body).toMatchObject({ details: { redis: { status: 'down' } } });
    } finally {
      await redisProxy.open();
    }
    const deadline = Date.now() + 10_000;
    let status = 503;
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await http().get('/health/ready')).status;
    }
    expect(status).toBe(200);
  });
});
