import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './principal';

export const SESSION_COOKIE = 'thymis_session';

/** The session cookie and bearer token a request carries, if any. */
export function credentialsOf(request: Request): { session?: string; bearer?: string } {
  const authorization = request.headers.authorization;
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  const session = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return { session, bearer };
}

export const unauthorized = () =>
  new UnauthorizedException({ code: 'unauthorized', message: 'log in or send an API token' });

/** Every route needs a session cookie or a bearer token, unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.auth.authenticate(credentialsOf(request));
    if (!principal) throw unauthorized();
    request.principal = principal;
    return true;
  }
}
