import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { WsAdapter } from '@nestjs/platform-ws';
import cookieParser from 'cookie-parser';
import type { AppConfig } from '@thymis/config';
import { AppModule } from './app.module';
import { readJsonBodies } from './http/json-body';
import { serveOpenApi } from './http/openapi';

/** The whole HTTP API, configured but not yet listening: used by main.ts and by the end-to-end tests alike. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  readJsonBodies(app);
  app.use(cookieParser());
  app.useWebSocketAdapter(new WsAdapter(app));
  // Off unless configured: behind no proxy, X-Forwarded-For is whatever the client makes up, and the login limiter
  // counts by the client address.
  app.set('trust proxy', config.listen.trustProxy);
  app.disable('x-powered-by');
  serveOpenApi(app);
  app.enableShutdownHooks();
  return app;
}
