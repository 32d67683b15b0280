import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import type { ConfigView, List } from '@thymis/contracts';
import {
  ALL_IMAGE_FORMATS,
  HARDWARE_MODELS,
  type HardwareModel,
  type ImageFormat,
  type ModuleInstance,
} from '@thymis/domain';
import { ModuleResponse } from '../modules/module.dto';
import { Optional } from '../http/validation';

export class CreateConfigRequest {
  @ApiProperty({ example: 'Lobby kiosk' }) @IsString() @MaxLength(200) displayName: string;
  @ApiPropertyOptional({
    pattern: '^[a-z]([a-z0-9-]*[a-z0-9])?$',
    description: 'Derived from displayName when absent.',
  })
  @Optional()
  @IsString()
  identifier?: string;
  @ApiProperty({ enum: HARDWARE_MODELS }) @IsString() hardwareModel: string;
  @ApiPropertyOptional({ enum: ALL_IMAGE_FORMATS, description: "Defaults to the hardware model's first format." })
  @Optional()
  @IsString()
  imageFormat?: string;
  @ApiPropertyOptional({ type: [String], description: 'Tag identifiers.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[];
}

export class UpdateConfigRequest {
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: HARDWARE_MODELS }) @Optional() @IsString() hardwareModel?: string;
  @ApiPropertyOptional({ enum: ALL_IMAGE_FORMATS }) @Optional() @IsString() imageFormat?: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[];
}

export class ConfigResponse implements ConfigView {
  @ApiProperty() identifier: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: HARDWARE_MODELS }) hardwareModel: HardwareModel;
  @ApiProperty({ enum: ALL_IMAGE_FORMATS }) imageFormat: ImageFormat;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [ModuleResponse] }) modules: ModuleInstance[];
  @ApiProperty({ description: 'Stream version; also sent as ETag, send it back in If-Match.' }) version: number;
}

export class ConfigListResponse implements List<ConfigView> {
  @ApiProperty({ type: [ConfigResponse] }) items: ConfigView[];
  @ApiProperty() total: number;
}
