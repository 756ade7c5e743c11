import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { HttpConfig } from '@app/config';
import { WorkerModule } from './worker.module';

/**
 * A Nest application rather than a bare application context only so that orchestrators can probe
 * /health and /health/ready; it mounts no other routes.
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const http = app.get(ConfigService).getOrThrow<HttpConfig>('http');
  await app.listen(http.workerHealthPort, '127.0.0.1');
  app.get(Logger).log(`Worker running; health on port ${http.workerHealthPort}`);
}

void bootstrap();
