import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Me } from '@thymis/contracts';
import { LoginRequest, MeResponse } from './auth.dto';
import { SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { Principal, Public } from './principal';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponse, description: 'Sets the HttpOnly session cookie.' })
  async login(
    @Body() body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const session = await this.auth.login(request.ip ?? 'unknown', body.username, body.password);
    response.cookie(SESSION_COOKIE, session.secret, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.auth.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    return { username: body.username, via: 'session' };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (session) await this.auth.logout(session);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ type: MeResponse })
  me(@Principal() principal: Me): Me {
    return principal;
  }
}
