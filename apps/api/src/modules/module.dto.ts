import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';
import type { List, ModuleInstance } from '@thymis/contracts';
import type { SettingValue } from '@thymis/domain';
import { Optional } from '../http/validation';

export class ModuleResponse implements ModuleInstance {
  @ApiProperty({ example: 'kiosk' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { url: 'https://example.org' } })
  settings: Record<string, SettingValue>;
}

export class ModuleListResponse implements List<ModuleInstance> {
  @ApiProperty({ type: [ModuleResponse] }) items: ModuleInstance[];
}

export class AddModuleRequest {
  @ApiProperty({ example: 'kiosk' }) @IsString() @MaxLength(100) type: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Optional()
  @IsObject()
  settings?: Record<string, SettingValue>;
}

export class UpdateModuleRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Settings to change; a null value returns that setting to its default.',
  })
  @IsObject()
  settings: Record<string, SettingValue>;
}
