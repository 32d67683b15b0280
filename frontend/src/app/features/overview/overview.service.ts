import { Injectable, inject } from '@angular/core';
import type { ConfigView, Health, List, TagView, TaskStatus, TaskView } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';
import type { ApiError } from '../../core/http/api-error';

export interface Counts {
  configurations: number;
  tags: number;
  /** A Record, so that a new task status the contracts add cannot be forgotten here. */
  tasks: Record<TaskStatus, number>;
}

const TASK_STATUSES: Record<TaskStatus, true> = {
  queued: true,
  running: true,
  succeeded: true,
  failed: true,
  cancelled: true,
};
export const taskStatuses = Object.keys(TASK_STATUSES) as TaskStatus[];

const isHealth = (body: unknown): body is Health =>
  typeof body === 'object' && body !== null && 'status' in body && 'database' in body && 'redis' in body;

/** What the overview shows: how many of each thing there are, and whether the controller is well. */
@Injectable({ providedIn: 'root' })
export class OverviewService {
  private readonly api = inject(ApiClient);

  async counts(): Promise<Counts> {
    const total = (page: List<unknown>) => page.total ?? page.items.length;
    const [configurations, tags, ...perStatus] = await Promise.all([
      this.api.get<List<ConfigView>>('/api/configs').then(total),
      this.api.get<List<TagView>>('/api/tags').then(total),
      // One page of one task per status: only its total is wanted.
      ...taskStatuses.map((status) => this.api.get<List<TaskView>>('/api/tasks', { status, limit: 1 }).then(total)),
    ]);
    const tasks = Object.fromEntries(taskStatuses.map((status, i) => [status, perStatus[i]])) as Counts['tasks'];
    return { configurations, tags, tasks };
  }

  /** The controller answers 503 with the same report when Postgres or Redis is down: that is a result, not an error. */
  health(): Promise<Health> {
    return this.api
      .get<Health>('/api/health')
      .catch((error: ApiError) =>
        error.statusCode === 503 && isHealth(error.body) ? error.body : Promise.reject(error),
      );
  }
}
