import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Me } from '@thymis/contracts';
import type { EventMetadata } from '@thymis/event-store';

export type AuthenticatedRequest = Request & { principal?: Me };

export const PUBLIC_ROUTE = 'thymis:public';
/** Marks a route that answers without a session or token (health, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const Principal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Me => context.switchToHttp().getRequest<AuthenticatedRequest>().principal!,
);

/** Who is acting and under which correlation id: the metadata of the events a request appends. */
export type Origin = Omit<EventMetadata, 'at'>;

export const RequestOrigin = createParamDecorator((_: unknown, context: ExecutionContext): Origin => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const given = request.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  return { actor: request.principal!.username, correlationId };
});
