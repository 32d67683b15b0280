import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { streams, taskAggregate } from '@thymis/domain';
import { CommandRunner } from '@thymis/event-store';
import { bullConnection, closeWithin, QueueName, trackedRedis } from '@thymis/queue';
import { LiveFeed, taskTopic } from '../live/live-feed.service';

/**
 * Listens to what happens to jobs. A job that fails for good — its worker was killed once too often, or it failed
 * before it could say so — ends its task as failed: a task is never left running forever. Reports are idempotent, so
 * a task the worker already failed stays as it is.
 */
@Injectable()
export class JobEvents implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobEvents.name);
  private events: { events: QueueEvents; disconnectAll: () => void }[] = [];

  constructor(
    private readonly commands: CommandRunner,
    private readonly live: LiveFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const queue of [QueueName.ImageBuilds, QueueName.Probes]) {
      // Our own connections, so that shutdown can end them even while Redis is unreachable.
      const { connection, prefix } = bullConnection(this.config);
      const { redis, disconnectAll } = trackedRedis(connection);
      const events = new QueueEvents(queue, { connection: redis, prefix });
      events.on('failed', ({ jobId, failedReason }) => void this.fail(jobId, failedReason));
      events.on('progress', ({ jobId, data }) => this.live.publish(taskTopic(jobId), { type: 'task.progress', data }));
      events.on('error', () => undefined); // Redis is away: ioredis reconnects by itself, health reports it
      this.events.push({ events, disconnectAll });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.events.map(async ({ events, disconnectAll }) => {
        await closeWithin(events);
        disconnectAll();
      }),
    );
  }

  private async fail(taskId: string, reason: string): Promise<void> {
    try {
      await this.commands.execute(
        streams.task(taskId),
        taskId,
        taskAggregate,
        { kind: 'fail', reason },
        {
          metadata: { actor: 'controller', correlationId: taskId },
        },
      );
    } catch (error) {
      this.logger.error(`could not record the failure of task ${taskId}: ${(error as Error).message}`);
    }
  }
}
