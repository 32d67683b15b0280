import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { SessionStore } from '@thymis/auth';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { JobName, QueueName, type JobPayloads } from '@thymis/queue';
import { WORKER_NAME } from './queue-worker';

type MaintenanceJob = JobName.PurgeExpiredSessions;

/** Housekeeping the controller schedules for itself. Named like the other queues' workers, for the queue monitor. */
@Processor(QueueName.Maintenance, { name: WORKER_NAME })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly sessions: SessionStore;
  private readonly handlers: { [J in MaintenanceJob]: (job: Job<JobPayloads[J]>) => Promise<unknown> };

  constructor(
    db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.sessions = new SessionStore(db, config.auth.sessionTtlSeconds);
    this.handlers = {
      [JobName.PurgeExpiredSessions]: async () => ({ purged: await this.sessions.purgeExpired() }),
    };
  }

  /** What the boot check sees: the jobs this processor answers, on its queue. */
  get handled() {
    return { queue: QueueName.Maintenance, jobs: Object.keys(this.handlers) };
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: Job<JobPayloads[MaintenanceJob]>): Promise<unknown> {
    const handler = this.handlers[job.name as MaintenanceJob];
    if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}' on queue ${QueueName.Maintenance}`);
    try {
      return await handler(job);
    } catch (error) {
      this.logger.error(`job ${job.id} (${job.name}) failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
