import { registerAs } from '@nestjs/config';
import { readEnvironment } from './environment';

export const databaseConfig = registerAs('db', () => ({ url: readEnvironment().DATABASE_URL }));

export const redisConfig = registerAs('redis', () => {
  const environment = readEnvironment();
  return { url: environment.REDIS_URL, queuePrefix: environment.QUEUE_PREFIX };
});

export const httpConfig = registerAs('http', () => {
  const environment = readEnvironment();
  return {
    apiPort: environment.API_PORT,
    workerHealthPort: environment.WORKER_HEALTH_PORT,
    publicBaseUrl: environment.PUBLIC_BASE_URL.replace(/\/+$/, ''),
  };
});

export const smtpConfig = registerAs('smtp', () => {
  const environment = readEnvironment();
  return { url: environment.SMTP_URL, from: environment.MAIL_FROM, organizer: environment.MAIL_ORGANIZER };
});

export const logConfig = registerAs('log', () => {
  const environment = readEnvironment();
  return { level: environment.LOG_LEVEL, pretty: environment.NODE_ENV === 'development' };
});

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type HttpConfig = ReturnType<typeof httpConfig>;
export type SmtpConfig = ReturnType<typeof smtpConfig>;
export type LogConfig = ReturnType<typeof logConfig>;
