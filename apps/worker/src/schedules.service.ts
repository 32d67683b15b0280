import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '@thymis/queue';

const HOUR = 3_600_000;

/** Repeating jobs. Upserting a scheduler is idempotent, so every worker may do it at start. */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.PurgeExpiredSessions,
      { every: HOUR },
      {
        name: JobName.PurgeExpiredSessions,
        data: {},
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }
}
