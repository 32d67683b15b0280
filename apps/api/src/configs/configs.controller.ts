import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ConfigView, List } from '@thymis/contracts';
import { RequestOrigin, type Origin } from '../auth/principal';
import { IfMatch } from '../http/versioning';
import { ConfigListResponse, ConfigResponse, CreateConfigRequest, UpdateConfigRequest } from './config.dto';
import { ConfigsService } from './configs.service';

const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: 'Version from ETag; 412 when stale.' });

@ApiTags('configs')
@Controller('api/configs')
export class ConfigsController {
  constructor(private readonly configs: ConfigsService) {}

  @Get()
  @ApiOkResponse({ type: ConfigListResponse })
  async list(): Promise<List<ConfigView>> {
    const items = await this.configs.list();
    return { items, total: items.length };
  }

  @Post()
  @ApiCreatedResponse({ type: ConfigResponse })
  create(@Body() body: CreateConfigRequest, @RequestOrigin() origin: Origin): Promise<ConfigView> {
    return this.configs.create(body, origin);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConfigResponse })
  get(@Param('id') id: string): Promise<ConfigView> {
    return this.configs.get(id);
  }

  @Patch(':id')
  @ifMatch
  @ApiOkResponse({ type: ConfigResponse })
  update(
    @Param('id') id: string,
    @Body() body: UpdateConfigRequest,
    @RequestOrigin() origin: Origin,
    @IfMatch() version?: number,
  ): Promise<ConfigView> {
    return this.configs.update(id, body, origin, version);
  }

  @Delete(':id')
  @HttpCode(204)
  @ifMatch
  @ApiNoContentResponse()
  delete(@Param('id') id: string, @RequestOrigin() origin: Origin, @IfMatch() version?: number): Promise<void> {
    return this.configs.delete(id, origin, version);
  }
}
