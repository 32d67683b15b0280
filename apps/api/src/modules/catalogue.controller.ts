import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MODULE_CATALOGUE, type ModuleSpec } from '@thymis/nix';

class SettingResponse {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['bool', 'string', 'int', 'select', 'list', 'textarea', 'nix'] }) type: string;
  @ApiProperty() displayName: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, description: 'What the device uses when the setting is not set.' }) default: unknown;
  @ApiProperty({ type: [String], required: false }) choices?: string[];
  @ApiProperty({ required: false }) min?: number;
  @ApiProperty({ required: false }) max?: number;
  @ApiProperty({ required: false, description: "A list's items: 'string', or {fields: [setting]}." }) of?: unknown;
  @ApiProperty({ required: false, description: 'Anchored regular expression a string (or each list item) must match.' })
  pattern?: string;
  @ApiProperty({ required: false, description: 'What the pattern asks for, in words.' }) patternDescription?: string;
  @ApiProperty({ required: false, description: 'List-item field: no two items may share its value.' }) unique?: boolean;
}

class ModuleTypeResponse {
  @ApiProperty({ example: 'kiosk' }) type: string;
  @ApiProperty() displayName: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [SettingResponse] }) settings: SettingResponse[];
}

/** The module catalogue: every module a configuration or tag can carry, with its typed settings. */
@ApiTags('modules')
@Controller('api/modules')
export class CatalogueController {
  @Get()
  @ApiOkResponse({ type: [ModuleTypeResponse] })
  list(): ModuleSpec[] {
    return MODULE_CATALOGUE;
  }
}
