import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HardwareModel, ImageFormat, ModuleInstance } from '@thymis/domain';

@Entity('configs')
export class ConfigRecord {
  @PrimaryColumn('text') identifier: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { name: 'hardware_model' }) hardwareModel: HardwareModel;
  @Column('text', { name: 'image_format' }) imageFormat: ImageFormat;
  @Column('jsonb') tags: string[];
  @Column('jsonb') modules: ModuleInstance[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity('tags')
export class TagRecord {
  @PrimaryColumn('text') identifier: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('integer') priority: number;
  @Column('jsonb') modules: ModuleInstance[];
  @Column('integer') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity('api_tokens')
export class ApiTokenRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { unique: true }) hash: string;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

import { TaskRecord } from './task-record.entity';

export const READ_MODEL_ENTITIES = [ConfigRecord, TagRecord, ApiTokenRecord, TaskRecord];
