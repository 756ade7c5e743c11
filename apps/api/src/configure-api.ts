import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response } from 'express';
import { WarmFeeds } from './feeds/warm-feeds';
import { createValidationPipe } from './http/validation';

/** Everything main.ts sets up on the app besides listening, shared with the e2e tests. */
export function configureApi(app: INestApplication): void {
  // First of all: feeds that cannot have changed are answered before routing and logging.
  app.use(app.get(WarmFeeds).handle);
  // Room for an invitation naming tens of thousands of people by id in one request; every other
  // route keeps the default limit of 100 kB. Registered first, so the default parser skips these
  // bodies; wrapped, because Nest leaves out its own parser once it sees one named jsonParser.
  const largeInvitationBody = json({ limit: '2mb' });
  app.use('/api/v1/events/:id/invitations', (request: Request, response: Response, next: NextFunction) =>
    largeInvitationBody(request, response, next),
  );
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Treffpunkt organiser API')
      .setDescription(
        'Plan city days, workshops, conferences, delegation visits and exchange trips. ' +
          'Authorize with an organiser API key (the demo seed prints one per organisation).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'tp_… API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { swaggerOptions: { persistAuthorization: true } });
}
