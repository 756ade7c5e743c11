import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, RouterModule } from '@nestjs/core';
import { AccessModule } from '@app/access';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { ApiKeyGuard } from './http/api-key.guard';
import { ProblemFilter } from './http/problem.filter';
import { OrganiserApiModule } from './organiser-api.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    HealthModule,
    AccessModule,
    OrganiserApiModule,
    RouterModule.register([{ path: 'api/v1', module: OrganiserApiModule }]),
  ],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
