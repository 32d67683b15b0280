import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { PUBLIC_ROUTE, type AuthenticatedRequest } from './principal';

export const SESSION_COOKIE = 'thymis_session';

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
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const session = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const principal = await this.auth.authenticate({ bearer, session });
    if (!principal) throw new UnauthorizedException({ code: 'unauthorized', message: 'log in or send an API token' });
    request.principal = principal;
    return true;
  }
}
