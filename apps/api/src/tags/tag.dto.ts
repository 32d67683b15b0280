import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength } from 'class-validator';
import type { List, TagView } from '@thymis/contracts';
import type { ModuleInstance } from '@thymis/domain';
import { ModuleResponse } from '../modules/module.dto';
import { Optional } from '../http/validation';

export class CreateTagRequest {
  @ApiProperty({ example: 'Lobby screens' }) @IsString() @MaxLength(200) displayName: string;
  @ApiPropertyOptional({
    pattern: '^[a-z]([a-z0-9-]*[a-z0-9])?$',
    description: 'Derived from displayName when absent.',
  })
  @Optional()
  @IsString()
  identifier?: string;
  @ApiPropertyOptional({ default: 90, minimum: 0, maximum: 1000, description: 'Lower wins.' })
  @Optional()
  @IsInt()
  priority?: number;
}

export class UpdateTagRequest {
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000 }) @Optional() @IsInt() priority?: number;
}

export class TagResponse implements TagView {
  @ApiProperty() identifier: string;
  @ApiProperty() displayName: string;
  @ApiProperty() priority: number;
  @ApiProperty({ type: [ModuleResponse] }) modules: ModuleInstance[];
  @ApiProperty({ description: 'Stream version; also sent as ETag, send it back in If-Match.' }) version: number;
}

export class TagListResponse implements List<TagView> {
  @ApiProperty({ type: [TagResponse] }) items: TagView[];
  @ApiProperty() total: number;
}
