import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { Subscription, type StoredEvent } from '@thymis/event-store';
import type { GitRepository } from '@thymis/git';
import { projectReadModels, READ_MODEL_SUBSCRIPTION, RepositoryProjection } from '@thymis/projections';
import { LiveFeed, taskTopic } from '../live/live-feed.service';

/**
 * Runs this process's projections — the read-model tables and the configuration repository — and lets a write wait
 * until both show it, so that a GET (or the history) right after a write shows the write.
 */
@Injectable()
export class Projections implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Projections.name);
  private readonly readModels: Subscription;
  private readonly repositoryProjection: RepositoryProjection;

  constructor(db: DataSource, @Inject(APP_CONFIG) config: AppConfig, live: LiveFeed) {
    this.readModels = new Subscription(db, config.database.url, READ_MODEL_SUBSCRIPTION, projectReadModels, {
      // Once reads show a change, watchers may look again.
      delivered: (events) => announce(events, live),
    });
    this.repositoryProjection = new RepositoryProjection(db, config.database.url, {
      path: config.repoPath,
      inputs: { nixpkgs: config.nix.nixpkgsUrl, thymis: config.nix.deviceModulesUrl },
      committer: { name: 'Thymis controller', email: 'controller@thymis' },
    });
  }

  get repository(): GitRepository {
    return this.repositoryProjection.repository;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.readModels.start();
    await this.repositoryProjection.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.readModels.stop(), this.repositoryProjection.stop()]);
  }

  /** Returns once reads and the repository show everything up to `position`. */
  async settle(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    const reached = await Promise.all([this.readModels.waitFor(position), this.repositoryProjection.waitFor(position)]);
    this.warnUnless(reached.every(Boolean), position);
  }

  /** Returns once reads show everything up to `position`: for changes the repository does not hold (tasks, tokens). */
  async settleReads(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    this.warnUnless(await this.readModels.waitFor(position), position);
  }

  private warnUnless(reached: boolean, position: number): void {
    if (!reached) this.logger.warn(`projections have not reached position ${position} yet; reads may lag behind`);
  }
}

/** Tells live watchers what changed: the state (configurations, tags), and each task. */
function announce(events: StoredEvent[], live: LiveFeed): void {
  if (events.some((e) => e.type.startsWith('config.') || e.type.startsWith('tag.'))) {
    live.publish('state', { position: events[events.length - 1].position });
  }
  for (const event of events.filter((e) => e.type.startsWith('task.'))) {
    const change = {
      taskId: event.streamId.slice('task-'.length),
      type: event.type,
      data: event.data,
      at: event.metadata.at,
    };
    live.publish('tasks', change);
    live.publish(taskTopic(change.taskId), change);
  }
}
