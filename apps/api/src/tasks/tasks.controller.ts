import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { RequestOrigin, type Origin } from '../auth/principal';
import {
  ArtifactResponse,
  ArtifactUploadQuery,
  TaskAccepted,
  TaskDetailResponse,
  TaskLogs,
  TaskPage,
  TaskQuery,
} from './task.dto';
import { TasksService } from './tasks.service';
import { uuidOf } from '../http/uuid-param';

const taskId = uuidOf('task');

@ApiTags('tasks')
@Controller('api')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post('configs/:id/image-builds')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: TaskAccepted,
    description: 'Download Replacement Image: builds the configuration as it is now.',
  })
  async buildImage(@Param('id') configId: string, @RequestOrigin() origin: Origin): Promise<TaskAccepted> {
    return { taskId: await this.tasks.requestImageBuild(configId, origin) };
  }

  @Post('tasks/probe')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TaskAccepted, description: 'A task that does nothing: checks that workers answer.' })
  async probe(@RequestOrigin() origin: Origin): Promise<TaskAccepted> {
    return { taskId: await this.tasks.probe(origin) };
  }

  @Get('tasks')
  @ApiOkResponse({ type: TaskPage })
  list(@Query() { state, status, ...query }: TaskQuery): Promise<TaskPage> {
    if (state && status && state !== status) {
      throw new BadRequestException({
        code: 'validation_failed',
        message: 'state: differs from status, its other name',
      });
    }
    return this.tasks.list({ ...query, status: state ?? status, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('tasks/:id')
  @ApiOkResponse({ type: TaskDetailResponse })
  async get(@Param('id', taskId) id: string): Promise<TaskDetailResponse> {
    return { ...(await this.tasks.get(id)), progress: await this.tasks.progress(id) };
  }

  @Get('tasks/:id/logs')
  @ApiOkResponse({ type: TaskLogs })
  logs(@Param('id', taskId) id: string): Promise<TaskLogs> {
    return this.tasks.logs(id);
  }

  @Post('tasks/:id/cancel')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cancelled; a running build is stopped. 409 when the task has ended.' })
  cancel(@Param('id', taskId) id: string, @RequestOrigin() origin: Origin): Promise<void> {
    return this.tasks.cancel(id, origin);
  }

  @Post('tasks/:id/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TaskAccepted, description: 'A new task with the same input. 409 while the task runs.' })
  async retry(@Param('id', taskId) id: string, @RequestOrigin() origin: Origin): Promise<TaskAccepted> {
    return { taskId: await this.tasks.retry(id, origin) };
  }

  @Get('tasks/:id/artifact')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The image, as thymis-image-<config>.<ext>.' })
  async artifact(
    @Param('id', taskId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const artifact = await this.tasks.artifact(id);
    response.setHeader('Content-Disposition', `attachment; filename="${artifact.name}"`);
    return new StreamableFile(createReadStream(artifact.path), {
      type: 'application/octet-stream',
      length: artifact.size,
    });
  }

  @Put('tasks/:id/artifact')
  @HttpCode(201)
  @ApiConsumes('application/octet-stream')
  @ApiCreatedResponse({
    type: ArtifactResponse,
    description: 'A worker on another machine sends the image of a running build; 409 once the task has ended.',
  })
  async receiveArtifact(
    @Param('id', taskId) id: string,
    @Query() query: ArtifactUploadQuery,
    @Req() request: Request,
  ): Promise<ArtifactResponse> {
    if (!request.is('application/octet-stream')) {
      throw new HttpException(
        { code: 'unsupported_media_type', message: 'Content-Type: must be application/octet-stream' },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const length = Number(request.headers['content-length']);
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new HttpException(
        { code: 'length_required', message: 'Content-Length: required, the size of the image in bytes' },
        HttpStatus.LENGTH_REQUIRED,
      );
    }
    return this.tasks.receiveArtifact(id, query.name, request, length);
  }
}
