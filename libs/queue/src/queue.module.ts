import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '@app/config';
import { QUEUES } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

const queues = Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }));

/** The BullMQ connection and every queue; producers inject queues, processors live in the worker. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (redis: ConfigType<typeof redisConfig>) => ({
        connection: redisConnectionOptions(redis.url, 'queue'),
        prefix: redis.queuePrefix,
      }),
    }),
    ...queues,
  ],
  exports: [...queues],
})
export class QueueModule {}
