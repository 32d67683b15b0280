import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

/** The stream version a write expects, from `If-Match: "3"` (quotes and W/ optional); undefined without the header. */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const value = header.replace(/^W\//, '').replace(/"/g, '').trim();
  const version = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(version)) {
    throw new BadRequestException({
      code: 'validation_failed',
      message: 'If-Match: must be a version as sent in ETag',
    });
  }
  return version;
});

/** Sends a resource's stream version as its ETag, so that a client can hand it back in If-Match. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | undefined)?.version;
        if (typeof version === 'number')
          context.switchToHttp().getResponse<Response>().setHeader('ETag', `"${version}"`);
        return body;
      }),
    );
  }
}
