import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { logConfig } from '@app/config';
import { requestForLog, responseForLog } from './request-log';

/** Structured JSON logs through pino; readable lines in development. No secrets, no headers. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [logConfig.KEY],
      useFactory: (log: ConfigType<typeof logConfig>) => ({
        pinoHttp: {
          level: log.level,
          wrapSerializers: false,
          serializers: { req: requestForLog, res: responseForLog },
          autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
          transport: log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
