import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { HttpConfig, httpConfig } from '@app/config';
import { ApiModule } from './api.module';
import { runApiProcesses } from './api-processes';
import { configureApi } from './configure-api';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  const http = app.get(ConfigService).getOrThrow<HttpConfig>('http');
  await app.listen(http.apiPort);
  app.get(Logger).log(`API listening on port ${http.apiPort}; docs at ${http.publicBaseUrl}/docs`);
}

runApiProcesses(httpConfig().apiProcesses, bootstrap);
