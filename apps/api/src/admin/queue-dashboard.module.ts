import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AccessModule, ApiKeysService } from '@app/access';
import { QUEUES, QueueModule } from '@app/queue';
import { adminKeyMiddleware } from './admin-key.middleware';

/** The route operators open in a browser; it sits outside /api/v1 like /docs. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/** Bull Board for operators: every queue, behind an admin API key. */
@Module({
  imports: [
    QueueModule,
    BullBoardModule.forRootAsync({
      imports: [AccessModule],
      inject: [ApiKeysService],
      useFactory: (apiKeys: ApiKeysService) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: adminKeyMiddleware(apiKeys),
        boardOptions: { uiConfig: { boardTitle: 'Treffpunkt queues' } },
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
