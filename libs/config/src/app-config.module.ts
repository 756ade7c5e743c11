import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './environment';
import { databaseConfig, httpConfig, logConfig, redisConfig, smtpConfig } from './namespaces';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      validate: validateEnvironment,
      load: [databaseConfig, redisConfig, httpConfig, smtpConfig, logConfig],
    }),
  ],
})
export class AppConfigModule {}
