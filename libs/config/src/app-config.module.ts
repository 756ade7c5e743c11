import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import {
  accountsConfig,
  answersConfig,
  auditConfig,
  databaseConfig,
  feedsConfig,
  httpConfig,
  logConfig,
  mailConfig,
  rateLimitsConfig,
  redisConfig,
  registrationConfig,
  singleSignOnConfig,
  smtpConfig,
  webhooksConfig,
} from './namespaces';

/**
 * Reads .env into process.env and loads the namespaces; no `validate` here, as the namespaces
 * validate the environment (once, shared: readEnvironment) and fail the boot on a wrong value.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      load: [
        databaseConfig,
        redisConfig,
        httpConfig,
        smtpConfig,
        mailConfig,
        logConfig,
        answersConfig,
        accountsConfig,
        singleSignOnConfig,
        feedsConfig,
        rateLimitsConfig,
        auditConfig,
        registrationConfig,
        webhooksConfig,
      ],
    }),
  ],
})
export class AppConfigModule {}
