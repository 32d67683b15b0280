import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { JobName, QueueName, type JobPayloads } from '@thymis/queue';
import { startQueueWorker, WORKER_NAME } from './queue-worker';
import { TaskReports } from './task-reports.service';

/** Probes do nothing but report: they prove the way from a request to a worker and back. */
@Injectable()
export class ProbeProcessor implements OnModuleInit, OnModuleDestroy {
  readonly handled = { queue: QueueName.Probes, jobs: [JobName.Probe as string] };
  private worker?: Worker;

  constructor(
    private readonly tasks: TaskReports,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.worker = startQueueWorker(this.config, QueueName.Probes, (job: Job<JobPayloads[JobName.Probe]>) =>
      this.process(job),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  private async process(job: Job<JobPayloads[JobName.Probe]>): Promise<void> {
    if (job.name !== (JobName.Probe as string)) throw new UnrecoverableError(`no handler for job '${job.name}'`);
    const started = await this.tasks.report(job.data.taskId, { kind: 'start', worker: WORKER_NAME });
    if (started.state?.status === 'running') await this.tasks.report(job.data.taskId, { kind: 'succeed' }, started);
  }
}
