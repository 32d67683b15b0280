import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';

export const MAX_BODY = '1mb';
/** Deeper than any request the API takes; a limit keeps walking and validating a hostile body cheap. */
export const MAX_DEPTH = 32;

const UNSTORABLE_REASON = 'must not contain NUL or unpaired surrogate characters';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What Postgres text and jsonb cannot hold: NUL, and a UTF-16 surrogate without its other half. */
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

const invalid = (message: string) => new BadRequestException({ code: 'validation_failed', message });

/**
 * Parses JSON bodies and refuses, by name, what the API could not store as sent: the parser's own errors, a path or
 * body with characters Postgres refuses, a body nested too deep, a "__proto__" name.
 */
export function readJsonBodies(app: NestExpressApplication): void {
  app.use((request: Request, _response: Response, next: NextFunction) => next(pathProblem(request.path)));
  app.use(json({ limit: MAX_BODY }));
  app.use((error: unknown, request: Request, _response: Response, next: NextFunction) =>
    next(describe(error, request.headers['content-encoding'])),
  );
  app.use((request: Request, _response: Response, next: NextFunction) => {
    const problem = bodyProblem(request.body);
    next(problem === undefined ? undefined : invalid(problem));
  });
}

/** Route parameters are decoded from the path, so a path that decodes to nothing storable is refused as a whole. */
function pathProblem(path: string): HttpException | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return invalid('path: not valid percent-encoded UTF-8');
  }
  return unstorable(decoded) ? invalid(`path: ${UNSTORABLE_REASON}`) : undefined;
}

/**
 * The first problem in a parsed body, as "field.path: reason", if any. Walked with an explicit stack so that no
 * nesting can overflow the call stack. A "__proto__" name is refused because validation would strip it silently (a
 * plain object would even take it as its prototype); naming it tells the client what was not stored.
 */
export function bodyProblem(body: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, depth } = next;
    const field = path || 'body';
    if (typeof value === 'string') {
      if (unstorable(value)) return `${field}: ${UNSTORABLE_REASON}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth === MAX_DEPTH) return `body: nested deeper than ${MAX_DEPTH} levels`;
    const children = Object.entries(value);
    for (const [key] of children) {
      if (key === '__proto__') return `${path ? `${path}.` : ''}${key}: "__proto__" is not allowed as a name`;
      if (unstorable(key)) return `${field}: field names ${UNSTORABLE_REASON}`;
    }
    // Reversed, so that the first problem in document order is the one named.
    for (const [key, child] of children.reverse()) {
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

interface ParserError {
  type?: string;
  message?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  /** Set by zlib, whose messages ("incorrect header check") do not say what was being decoded. */
  errno?: number;
}

function describe(error: unknown, contentEncoding: string | undefined): unknown {
  if (error instanceof HttpException) return error;
  const { type, message, status, statusCode, expose, errno } = (error ?? {}) as ParserError;
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
    default: {
      // Any other error the parser marks as the client's, e.g. a body that does not inflate as its Content-Encoding says.
      const clientStatus = status ?? statusCode;
      if (expose !== true || clientStatus === undefined || clientStatus < 400 || clientStatus > 499) return error;
      const reason =
        typeof errno === 'number' && contentEncoding
          ? `not valid ${contentEncoding} data, as its Content-Encoding says it is`
          : message || 'refused';
      return new HttpException({ message: `body: ${reason}` }, clientStatus);
    }
  }
}
