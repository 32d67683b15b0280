import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { bullConnection, closeWithin, JobName, QUEUE_OF, QueueName, type JobPayloads } from '@thymis/queue';

/** The API's side of the job queues: adds jobs (from the outbox only) and reads their state, logs and workers. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  readonly queues: Record<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const connection = bullConnection(config, 'producer');
    this.queues = {
      [QueueName.Maintenance]: new Queue(QueueName.Maintenance, connection),
      [QueueName.ImageBuilds]: new Queue(QueueName.ImageBuilds, connection),
      [QueueName.Probes]: new Queue(QueueName.Probes, connection),
    };
    // Redis may be away: the outbox keeps jobs until it is back, and health reports it.
    Object.values(this.queues).forEach((queue) => queue.on('error', () => undefined));
  }

  /** Adds jobs under their tasks' ids, in one round trip per queue: adding a task twice gives one job. */
  async addAll(jobs: { job: JobName; payload: JobPayloads[JobName] & { taskId: string } }[]): Promise<void> {
    const byQueue = new Map<QueueName, typeof jobs>();
    for (const entry of jobs) byQueue.set(QUEUE_OF[entry.job], [...(byQueue.get(QUEUE_OF[entry.job]) ?? []), entry]);
    await Promise.all(
      [...byQueue].map(([queue, entries]) =>
        this.queues[queue].addBulk(
          entries.map(({ job, payload }) => ({ name: job, data: payload, opts: { jobId: payload.taskId } })),
        ),
      ),
    );
  }

  job(queue: QueueName, id: string) {
    return this.queues[queue].getJob(id);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => closeWithin(queue)));
  }
}
