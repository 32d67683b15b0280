import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { DomainError, notFound, streams, taskAggregate, type Artifact, type TaskInput } from '@thymis/domain';
import { CommandRunner, EventStore } from '@thymis/event-store';
import { ConfigRecord, TaskRecord } from '@thymis/projections';
import { cancelChannel, JobName, QueueName } from '@thymis/queue';
import type { Origin } from '../auth/principal';
import { REDIS } from '../core/injection-tokens';
import { Projections } from '../core/projections.service';
import { ArtifactStore } from './artifact-store.service';
import { JobQueues } from './job-queues';
import { OutboxRelay } from './outbox-relay.service';

export interface TaskFilter {
  status?: string;
  type?: string;
  configId?: string;
  limit: number;
  offset: number;
}

/** Requests, lists and steers tasks; the workers carry them out. */
@Injectable()
export class TasksService {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly projections: Projections,
    private readonly queues: JobQueues,
    private readonly relay: OutboxRelay,
    private readonly artifacts: ArtifactStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Builds the configuration as it is now: later edits do not leak into the image. */
  async requestImageBuild(configId: string, origin: Origin): Promise<string> {
    if (!(await this.db.getRepository(ConfigRecord).existsBy({ identifier: configId }))) {
      throw notFound('configuration', configId);
    }
    const position = await this.store.head();
    await this.projections.settle(position);
    const commit = (await this.projections.repository.head())?.sha;
    return this.request({ type: 'image-build', configId, position, commit }, origin);
  }

  /** A task that does nothing: shows that requests reach the workers and their reports come back. */
  probe(origin: Origin): Promise<string> {
    return this.request({ type: 'probe' }, origin);
  }

  /** A new task with the same input as an ended one. */
  async retry(id: string, origin: Origin): Promise<string> {
    const task = await this.get(id);
    if (task.status === 'queued' || task.status === 'running') {
      throw new DomainError('nothing_to_do', `task '${id}' is ${task.status}; cancel it or wait for it to end`);
    }
    const input = {
      type: task.type,
      configId: task.configId ?? undefined,
      position: task.position ?? undefined,
      commit: task.commit ?? undefined,
    };
    return this.request(input, origin, id);
  }

  async cancel(id: string, origin: Origin): Promise<void> {
    const result = await this.commands.execute(
      streams.task(id),
      id,
      taskAggregate,
      { kind: 'cancel', reason: `cancelled by ${origin.actor}` },
      { metadata: origin },
    );
    await this.projections.settleReads(result.position);
    // A queued job is dropped; a running one is stopped by its worker, which listens on this channel.
    await (await this.queues.job(QueueName.ImageBuilds, id).catch(() => undefined))?.remove().catch(() => undefined);
    // The client connects lazily and queues nothing offline: unconnected, the publish would be dropped.
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    await this.redis.publish(cancelChannel(this.config.redis.prefix), id).catch(() => undefined);
  }

  async list(filter: TaskFilter): Promise<{ items: TaskRecord[]; total: number }> {
    const where = {
      ...(filter.status ? { status: filter.status as TaskRecord['status'] } : {}),
      ...(filter.type ? { type: filter.type as TaskRecord['type'] } : {}),
      ...(filter.configId ? { configId: filter.configId } : {}),
    };
    const [items, total] = await this.db.getRepository(TaskRecord).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<TaskRecord> {
    const task = await this.db.getRepository(TaskRecord).findOneBy({ id });
    if (!task) throw notFound('task', id);
    return task;
  }

  /** The running job's last progress report, when there is one. */
  async progress(id: string): Promise<unknown> {
    const job = (await this.queues.job(QueueName.ImageBuilds, id).catch(() => undefined)) as Job | undefined;
    if (!job?.progress || typeof job.progress !== 'object') return null;
    // The lines travel with progress to live watchers; here they are in …/logs.
    return { ...job.progress, lines: undefined };
  }

  async logs(id: string): Promise<{ lines: string[]; complete: boolean }> {
    const task = await this.get(id);
    const { logs } = await this.queues.queues[QueueName.ImageBuilds]
      .getJobLogs(id, 0, -1)
      .catch(() => ({ logs: [] as string[] }));
    return { lines: logs, complete: !(task.status === 'queued' || task.status === 'running') };
  }

  async artifact(id: string): Promise<{ path: string; name: string; size: number }> {
    const task = await this.get(id);
    if (!task.artifact) throw notFound('image of task', id);
    return { path: this.artifacts.pathOf(id, task.artifact.name), ...task.artifact };
  }

  /** The image a worker on another machine built for a running task (see ArtifactStore.receive). */
  async receiveArtifact(id: string, name: string, body: Readable, length: number): Promise<Artifact> {
    return this.artifacts.receive(await this.get(id), name, body, length);
  }

  private async request(input: TaskInput, origin: Origin, retryOf?: string): Promise<string> {
    const id = randomUUID();
    const job = { job: input.type === 'probe' ? JobName.Probe : JobName.BuildImage, payload: { taskId: id } };
    const result = await this.commands.execute(
      streams.task(id),
      id,
      taskAggregate,
      { kind: 'request', input, retryOf },
      // A fresh id: the stream is new, there is nothing to read.
      { metadata: origin, outbox: [{ topic: job.job, payload: job.payload }], from: { state: undefined, version: 0 } },
    );
    this.relay.dispatch([job]); // the job need not wait for the relay's next round, nor for reads to catch up
    await this.projections.settleReads(result.position);
    return id;
  }
}
