import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './environment';
import {
  answersConfig,
  databaseConfig,
  feedsConfig,
  httpConfig,
  logConfig,
  mailConfig,
  rateLimitsConfig,
  redisConfig,
  smtpConfig,
  webhooksConfig,
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
        webhooksConfig,
      ],
    }),
  ],
})
export class AppConfigModule {}
