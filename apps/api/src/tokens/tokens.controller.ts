import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CreatedToken, List, TokenView } from '@thymis/contracts';
import { RequestOrigin, type Origin } from '../auth/principal';
import { CreatedTokenResponse, CreateTokenRequest, TokenListResponse } from './token.dto';
import { TokensService } from './tokens.service';
import { uuidOf } from '../http/uuid-param';

const uuid = uuidOf('token');

@ApiTags('tokens')
@Controller('api/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedTokenResponse })
  create(@Body() body: CreateTokenRequest, @RequestOrigin() origin: Origin): Promise<CreatedToken> {
    return this.tokens.create(body.name, origin);
  }

  @Get()
  @ApiOkResponse({ type: TokenListResponse })
  async list(): Promise<List<TokenView>> {
    return { items: await this.tokens.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; revoking twice is harmless.' })
  @ApiNotFoundResponse()
  revoke(@Param('id', uuid) id: string, @RequestOrigin() origin: Origin): Promise<void> {
    return this.tokens.revoke(id, origin);
  }
}
