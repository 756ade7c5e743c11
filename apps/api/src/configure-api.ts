import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, NextFunction, raw, Request, Response } from 'express';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HttpConfig } from '@app/config';
import { MAX_IMPORT_BYTES } from '@app/planning';
import { WarmFeeds } from './feeds/warm-feeds';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';
import { WellFormedInputPipe } from './http/well-formed-input.pipe';
import { buildApiDocument, DOCS_PATH } from './openapi/api-document';

/** Everything main.ts sets up on the app besides listening, shared with the e2e tests. */
export function configureApi(app: NestExpressApplication): void {
  const http = app.get(ConfigService).getOrThrow<HttpConfig>('http');
  app.set('trust proxy', http.trustProxy);
  app.disable('x-powered-by');
  answerWarmFeedsFirst(app);
  app.use(securityHeaders);
  // The console's session cookie (unsigned: it is a random token looked up server-side).
  app.use('/console', cookieParser());
  // Room for an invitation naming tens of thousands of people by id in one request; every other
  // route keeps the default limit of 100 kB. Registered first, so the default parser skips these
  // bodies; wrapped, because Nest leaves out its own parser once it sees one named jsonParser.
  const largeInvitationBody = json({ limit: '2mb' });
  app.use('/api/v1/events/:id/invitations', (request: Request, response: Response, next: NextFunction) =>
    largeInvitationBody(request, response, next),
  );
  // A people import is the CSV file itself as the body (curl --data-binary @people.csv).
  const csvBody = raw({ type: ['text/csv', 'application/csv'], limit: MAX_IMPORT_BYTES });
  app.use('/api/v1/people/import', (request: Request, response: Response, next: NextFunction) =>
    csvBody(request, response, next),
  );
  app.useGlobalPipes(new WellFormedInputPipe(), createValidationPipe());
  app.enableShutdownHooks();
  const document = buildApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    swaggerOptions: { persistAuthorization: true, displayOperationId: true },
  });
}

/**
 * Feeds that cannot have changed are answered by the HTTP server's own request listener, before
 * Express: a calendar app asks again and again, and Express alone costs more than the answer.
 */
function answerWarmFeedsFirst(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const warmFeeds = app.get(WarmFeeds);
  const [express] = server.listeners('request') as Array<
    (request: IncomingMessage, response: ServerResponse) => void
  >;
  server.removeAllListeners('request');
  server.on('request', (request, response) =>
    warmFeeds.handle(request, response, () => express.call(server, request, response)),
  );
}
