import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Artifact, TaskStatus, TaskType } from '@thymis/domain';

@Entity('tasks')
export class TaskRecord {
  @PrimaryColumn('uuid') id: string;
  @Column('text') type: TaskType;
  @Column('text', { name: 'config_id', nullable: true }) configId: string | null;
  @Column('text') status: TaskStatus;
  @Column('bigint', {
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  position: number | null;
  @Column('text', { nullable: true }) commit: string | null;
  @Column('integer') attempts: number;
  @Column('uuid', { name: 'retry_of', nullable: true }) retryOf: string | null;
  @Column('jsonb', { nullable: true }) artifact: Artifact | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'requested_by' }) requestedBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
