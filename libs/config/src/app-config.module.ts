import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './environment';
import {
  answersConfig,
  auditConfig,
  databaseConfig,
  feedsConfig,
  httpConfig,
  logConfig,
  mailConfig,
  rateLimitsConfig,
  redisConfig,
  smtpConfig,
} from './namespaces';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment,
      load: [
        databaseConfig,
        redisConfig,
        httpConfig,
        smtpConfig,
        mailConfig,
        logConfig,
        answersConfig,
        feedsConfig,
        rateLimitsConfig,
        auditConfig,
      ],
    }),
  ],
})
export class AppConfigModule {}
