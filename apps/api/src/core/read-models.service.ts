import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { Subscription } from '@thymis/event-store';
import { projectReadModels, READ_MODEL_SUBSCRIPTION } from '@thymis/projections';

/** Runs the read-model projection in this process and lets a write wait until its events are visible to reads. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadModels.name);
  private readonly subscription: Subscription;

  constructor(db: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.subscription = new Subscription(db, config.database.url, READ_MODEL_SUBSCRIPTION, projectReadModels);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.subscription.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.subscription.stop();
  }

  /** Returns once reads show everything up to `position`, so a GET right after a write shows the write. */
  async settle(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    if (!(await this.subscription.waitFor(position))) {
      this.logger.warn(`read models have not reached position ${position} yet; reads may lag behind`);
    }
  }
}
