import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe } from './http/validation';

/** Everything main.ts sets up on the app besides listening, shared with the e2e tests. */
export function configureApi(app: INestApplication): void {
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
