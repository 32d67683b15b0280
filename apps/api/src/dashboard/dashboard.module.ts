import { DynamicModule, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Every GET path but the API's and the docs' answers with index.html, so that a deep link (`/tasks/<id>`) opens the
 * dashboard, which routes it itself. A route pattern rather than the module's `exclude` option: `exclude` also turns
 * every error on an excluded path — a 400 from the body parser, the docs' 401 — into a 404.
 */
export const SPA_FALLBACK = /^\/(?!(?:api|docs)(?:\/|$)).*/;

/** Angular's build names its bundles `<name>-<HASH>.js|css`: a new build gets new names, so they may stay cached. */
const HASHED_BUNDLE = /-[A-Z0-9]{8}\.(?:js|css)$/;

function cacheHeaders(response: Response, path: string): void {
  if (basename(path) === 'index.html') response.setHeader('Cache-Control', 'no-cache');
  else if (HASHED_BUNDLE.test(path)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

class MissingDashboardHint implements OnApplicationBootstrap {
  constructor(private readonly dir: string) {}

  onApplicationBootstrap(): void {
    new Logger('Dashboard').warn(`no dashboard in ${this.dir}: run "npm run build:frontend"; the API works without it`);
  }
}

/** Serves the built Angular dashboard at `/`; without a build the API starts all the same. */
@Module({})
export class DashboardModule {
  static forRoot(dir: string): DynamicModule {
    if (!existsSync(join(dir, 'index.html'))) {
      return {
        module: DashboardModule,
        providers: [{ provide: MissingDashboardHint, useFactory: () => new MissingDashboardHint(dir) }],
      };
    }
    return {
      module: DashboardModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: dir,
          renderPath: SPA_FALLBACK,
          serveStaticOptions: { index: 'index.html', setHeaders: cacheHeaders },
        }),
      ],
    };
  }
}
