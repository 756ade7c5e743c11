import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { describeProblems } from '../problems/problems.openapi';
import { API_KEY_HEADER_SCHEME, BEARER_SCHEME } from './api-key-auth.decorator';

/** Where Swagger UI is served; the document itself is at `${DOCS_PATH}-json` (and -yaml). */
export const DOCS_PATH = 'docs';

/**
 * The OpenAPI document of every route the app has, errors included. Operation ids are
 * `<controller>_<method>` (events_create, feedTokens_rotate): stable as long as the handler keeps
 * its name, and what generated clients call the operations.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Treffpunkt organiser API')
      .setDescription(
        'Plan city days, workshops, conferences, delegation visits and exchange trips. ' +
          'Authorize with an organiser API key (the demo seed prints one per organisation). ' +
          'Errors are RFC 9457 problem details (application/problem+json) whose `code` is listed per operation.',
      )
      .setVersion('1')
      .addTag('organisations', 'Municipalities, councils and other organisations that host or take part.')
      .addTag(
        'partnerships',
        'Organisations working together, e.g. a municipal partnership Arnsberg–Morogoro.',
      )
      .addTag('people', 'People of organisations: invitees and organisers; export and erasure (GDPR).')
      .addTag(
        'events',
        'City days, conferences, delegation visits and their parts: workshops, sessions, legs.',
      )
      .addTag('invitations', 'Invite people to events and workshops; answers, seats and waitlists.')
      .addTag(
        'registration',
        'Registration questions of events and the answers to them; sensitive answers only for the host.',
      )
      .addTag('emails', 'Invitations, updates and reminders sent, with their delivery state.')
      .addTag('exports', 'Participant lists as CSV and Excel, printable programmes as PDF.')
      .addTag('calendar feeds', 'iCalendar feeds for calendar apps, and where to subscribe to them.')
      .addTag('webhooks', 'HTTPS notifications of answers, changes and failed emails.')
      .addTag('api-keys', 'The keys machines and organisers use, with their roles.')
      .addTag('audit', 'Who changed what and when.')
      .addTag('health', 'Liveness and readiness probes.')
      .addTag('problems', 'The error codes, as a page for people.')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'An API key, tp_…, as `Authorization: Bearer tp_…`.' },
        BEARER_SCHEME,
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description: 'The same API key in a header of its own.',
        },
        API_KEY_HEADER_SCHEME,
      )
      .build(),
    // A controller without @ApiTags shows up as untagged, which the completeness test reports.
    { operationIdFactory: operationId, autoTagControllers: false },
  );
  describeProblems(document);
  return document;
}

export function operationId(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}_${methodKey}`;
}
