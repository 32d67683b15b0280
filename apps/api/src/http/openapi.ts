import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/auth.guard';

/** OpenAPI document at /docs/openapi.json and Swagger UI at /docs, both served from local files. */
export function serveOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thymis-TS controller')
      .setDescription('Generates, deploys and manages NixOS devices. Every write is an event; see /api/events.')
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE)
      .addBearerAuth()
      .addSecurityRequirements('cookie')
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
