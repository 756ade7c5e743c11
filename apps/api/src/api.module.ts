import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, RouterModule } from '@nestjs/core';
import { AccessModule } from '@app/access';
import { AppConfigModule } from '@app/config';
import { ChangeVersionModule, DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { LoggingModule } from '@app/logging';
import { QueueModule } from '@app/queue';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { ConsoleModule } from './console/console.module';
import { AnswerPagesModule } from './answers/answer-pages.module';
import { ItinerariesModule } from './itineraries/itineraries.module';
import { EmbedModule } from './embed/embed.module';
import { FeedLinksApiModule } from './feeds/feed-links-api.module';
import { FeedsHttpModule } from './feeds/feeds-http.module';
import { ApiKeyGuard } from './http/api-key.guard';
import { ChangeCatchUpInterceptor } from './http/change-catch-up.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { MyProgrammeModule } from './my-programme/my-programme.module';
import { OrganiserApiModule } from './organiser-api.module';
import { ProblemsModule } from './problems/problems.module';
import { PublicCalendarModule } from './public-calendar/public-calendar.module';
import { SignUpPagesModule } from './sign-up/sign-up-pages.module';
import { PublicEventsModule } from './public-events/public-events.module';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { SyndicationModule } from './syndication/syndication.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    ChangeVersionModule,
    QueueModule,
    HealthModule,
    ProblemsModule,
    AccessModule,
    RateLimitsModule,
    OrganiserApiModule,
    QueueDashboardModule,
    AnswerPagesModule,
    ItinerariesModule,
    MyProgrammeModule,
    FeedsHttpModule,
    FeedLinksApiModule,
    PublicCalendarModule,
    SignUpPagesModule,
    PublicEventsModule,
    ConsoleModule,
    EmbedModule,
    SyndicationModule,
    RouterModule.register([
      { path: 'api/v1', module: OrganiserApiModule },
      { path: 'api/v1', module: FeedLinksApiModule },
    ]),
  ],
  providers: [
    // Rate limits first, so that a flood of requests with wrong keys is limited too.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: ChangeCatchUpInterceptor },
  ],
})
export class ApiModule {}
