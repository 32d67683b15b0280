import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { List, TagView } from '@thymis/contracts';
import { RequestOrigin, type Origin } from '../auth/principal';
import { IfMatch } from '../http/versioning';
import { CreateTagRequest, TagListResponse, TagResponse, UpdateTagRequest } from './tag.dto';
import { TagsService } from './tags.service';

const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: 'Version from ETag; 412 when stale.' });

@ApiTags('tags')
@Controller('api/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOkResponse({ type: TagListResponse })
  async list(): Promise<List<TagView>> {
    const items = await this.tags.list();
    return { items, total: items.length };
  }

  @Post()
  @ApiCreatedResponse({ type: TagResponse })
  create(@Body() body: CreateTagRequest, @RequestOrigin() origin: Origin): Promise<TagView> {
    return this.tags.create(body, origin);
  }

  @Get(':id')
  @ApiOkResponse({ type: TagResponse })
  get(@Param('id') id: string): Promise<TagView> {
    return this.tags.get(id);
  }

  @Patch(':id')
  @ifMatch
  @ApiOkResponse({ type: TagResponse })
  update(
    @Param('id') id: string,
    @Body() body: UpdateTagRequest,
    @RequestOrigin() origin: Origin,
    @IfMatch() version?: number,
  ): Promise<TagView> {
    return this.tags.update(id, body, origin, version);
  }

  @Delete(':id')
  @HttpCode(204)
  @ifMatch
  @ApiNoContentResponse({ description: 'Also removes the tag from every configuration.' })
  delete(@Param('id') id: string, @RequestOrigin() origin: Origin, @IfMatch() version?: number): Promise<void> {
    return this.tags.delete(id, origin, version);
  }
}
