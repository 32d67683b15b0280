import { Body, Controller, Delete, Get, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { List, ModuleInstance } from '@thymis/contracts';
import type { ModuleCommand } from '@thymis/domain';
import { RequestOrigin, type Origin } from '../auth/principal';
import { ConfigResponse } from '../configs/config.dto';
import { ConfigsService } from '../configs/configs.service';
import { IfMatch } from '../http/versioning';
import { TagResponse } from '../tags/tag.dto';
import { TagsService } from '../tags/tags.service';
import { AddModuleRequest, ModuleListResponse, UpdateModuleRequest } from './module.dto';
import type { ModuleHost } from './module-host.interface';
import { ModuleSettings } from './module-settings.service';

const OWNERS = ['configs', 'tags'] as const;
const ownerParam = ApiParam({ name: 'owner', enum: OWNERS });
/** Writes answer with the owner: a configuration or a tag, whichever the path names. */
const owner = { oneOf: [{ $ref: getSchemaPath(ConfigResponse) }, { $ref: getSchemaPath(TagResponse) }] };
const ifMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: "Owner's version from ETag; 412 when stale.",
});

/** The modules of a configuration or a tag: both answer the same routes. Writes return the whole owner. */
@ApiTags('modules')
@ApiExtraModels(ConfigResponse, TagResponse)
@Controller('api/:owner/:id/modules')
export class ModulesController {
  private readonly hosts: Record<(typeof OWNERS)[number], ModuleHost<{ modules: ModuleInstance[]; version: number }>>;

  constructor(
    configs: ConfigsService,
    tags: TagsService,
    private readonly settings: ModuleSettings,
  ) {
    this.hosts = { configs, tags };
  }

  @Get()
  @ownerParam
  @ApiOkResponse({ type: ModuleListResponse })
  async list(@Param('owner') owner: string, @Param('id') id: string): Promise<List<ModuleInstance>> {
    return { items: (await this.host(owner).get(id)).modules };
  }

  @Post()
  @ownerParam
  @ifMatch
  @ApiCreatedResponse({ description: 'The configuration or tag with the module added.', schema: owner })
  add(
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Body() body: AddModuleRequest,
    @RequestOrigin() origin: Origin,
    @IfMatch() version?: number,
  ) {
    return this.run(owner, id, { kind: 'add-module', type: body.type, settings: body.settings ?? {} }, origin, version);
  }

  @Patch(':type')
  @ownerParam
  @ifMatch
  @ApiOkResponse({ description: 'The configuration or tag with the settings changed.', schema: owner })
  update(
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Param('type') type: string,
    @Body() body: UpdateModuleRequest,
    @RequestOrigin() origin: Origin,
    @IfMatch() version?: number,
  ) {
    return this.run(owner, id, { kind: 'update-module', type, settings: body.settings }, origin, version);
  }

  @Delete(':type')
  @ownerParam
  @ifMatch
  @ApiOkResponse({ description: 'The configuration or tag without the module.', schema: owner })
  remove(
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Param('type') type: string,
    @RequestOrigin() origin: Origin,
    @IfMatch() version?: number,
  ) {
    return this.run(owner, id, { kind: 'remove-module', type }, origin, version);
  }

  private async run(owner: string, id: string, command: ModuleCommand, origin: Origin, version?: number) {
    const host = this.host(owner);
    await this.settings.check(command);
    return host.runModuleCommand(id, command, origin, version);
  }

  private host(owner: string) {
    if (!(OWNERS as readonly string[]).includes(owner))
      throw new NotFoundException({ code: 'not_found', message: `no route /api/${owner}/…/modules` });
    return this.hosts[owner as (typeof OWNERS)[number]];
  }
}
