import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { TASK_STATUSES, TASK_TYPES, type Artifact, type TaskStatus, type TaskType } from '@thymis/domain';
import { Optional, OptionalInt } from '../http/validation';

export class TaskQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @Optional() @IsIn(TASK_STATUSES) state?: TaskStatus;
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Another name for state.' })
  @Optional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;
  @ApiPropertyOptional({ enum: TASK_TYPES }) @Optional() @IsIn(TASK_TYPES) type?: TaskType;
  @ApiPropertyOptional({ description: 'Only tasks of this configuration.' }) @Optional() @IsString() configId?: string;
  @OptionalInt({ min: 1, max: 500, default: 50 }) limit?: number;
  @OptionalInt({ min: 0, default: 0 }) offset?: number;
}

export class ArtifactResponse implements Artifact {
  @ApiProperty({ example: 'thymis-image-kiosk.img' }) name: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

export class TaskResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TASK_TYPES }) type: TaskType;
  @ApiProperty({ type: String, nullable: true, description: 'The configuration an image build builds.' })
  configId: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Log position an image build renders the configuration at.',
  })
  position: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Repository commit at that position.' }) commit:
    string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) retryOf: string | null;
  @ApiProperty({ type: ArtifactResponse, nullable: true }) artifact: Artifact | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed or was cancelled.' }) reason: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TaskDetailResponse extends TaskResponse {
  @ApiProperty({ nullable: true, description: 'The running build: builds done/expected, current activity, percent.' })
  progress: unknown;
}

export class TaskPage {
  @ApiProperty({ type: [TaskResponse] }) items: TaskResponse[];
  @ApiProperty() total: number;
}

export class TaskAccepted {
  @ApiProperty() taskId: string;
}

export class TaskLogs {
  @ApiProperty({ type: [String] }) lines: string[];
  @ApiProperty({ description: 'False while the task runs: more lines will come.' }) complete: boolean;
}

export class ArtifactUploadQuery {
  @ApiProperty({ example: 'thymis-image-kiosk.img', description: 'thymis-image-<config>.<ext>' })
  @IsString()
  @Length(1, 200)
  name: string;
}
