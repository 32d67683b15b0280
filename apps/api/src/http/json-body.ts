import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';

export const MAX_BODY = '1mb';

/** Parses JSON bodies and turns the parser's own errors into answers that say what was wrong with the body. */
export function readJsonBodies(app: NestExpressApplication): void {
  app.use(json({ limit: MAX_BODY }));
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(describe(error)));
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const path = protoKeyPath(request.body);
    if (path === undefined) return next();
    next(
      new BadRequestException({ code: 'validation_failed', message: `${path}: "__proto__" is not allowed as a name` }),
    );
  });
}

/**
 * Where a "__proto__" key stands in a parsed body, if anywhere. Validation would strip such keys silently (a plain
 * object would even take one as its prototype); refusing them by name tells the client what was not stored.
 */
function protoKeyPath(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key === '__proto__') return here;
    const found = protoKeyPath(child, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

function describe(error: unknown): unknown {
  const { type, message } = (error ?? {}) as { type?: string; message?: string };
  switch (type) {
    case 'entity.parse.failed':
      return new BadRequestException({ code: 'malformed_json', message: `body: not valid JSON (${message})` });
    case 'entity.too.large':
      return new PayloadTooLargeException({ code: 'payload_too_large', message: `body: larger than ${MAX_BODY}` });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpException(
        { code: 'unsupported_media_type', message: `body: ${message}` },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    default:
      return error;
  }
}
