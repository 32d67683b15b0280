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

  /** Adds a job under the task's id: adding the same task twice gives one job. */
  add<J extends JobName>(job: J, payload: JobPayloads[J] & { taskId: string }) {
    return this.queues[QUEUE_OF[job]].add(job, payload, { jobId: payload.taskId, removeOnComplete: false });
  }

  job(queue: QueueName, id: string) {
    return this.queues[queue].getJob(id);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((queue) => closeWithin(queue)));
  }
}
