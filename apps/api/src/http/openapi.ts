import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { credentialsOf, SESSION_COOKIE, unauthorized } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';

const DOCS_PATH = 'docs';

/**
 * OpenAPI document at /docs/openapi.json (and .yaml) and Swagger UI at /docs, both served from local files. Like every
 * route but health and login they need a session or token: the document maps the whole API.
 */
export function serveOpenApi(app: INestApplication): void {
  const auth = app.get(AuthService);
  app.use(`/${DOCS_PATH}`, (request: Request, _response: Response, next: NextFunction) => {
    auth.authenticate(credentialsOf(request)).then(
      (principal) => next(principal ? undefined : unauthorized()),
      (error: unknown) => next(error),
    );
  });
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
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}/openapi.json`,
    yamlDocumentUrl: `${DOCS_PATH}/openapi.yaml`,
  });
}
