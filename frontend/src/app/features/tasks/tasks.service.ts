import { Injectable, inject } from '@angular/core';
import type { QueueView, TaskAccepted, TaskLogs, TaskStatus, TaskType, TaskView } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';

/** Records, so that a status or type the contracts add cannot be forgotten in the filters. */
const STATUSES: Record<TaskStatus, true> = {
  queued: true,
  running: true,
  succeeded: true,
  failed: true,
  cancelled: true,
};
const TYPES: Record<TaskType, string> = { 'image-build': 'Image build', probe: 'Probe' };
export const taskStatuses = Object.keys(STATUSES) as TaskStatus[];
export const taskTypes = Object.keys(TYPES) as TaskType[];
export const typeLabel = (type: TaskType): string => TYPES[type];

/** A filter value from the URL, or undefined when it names nothing the API knows (a stale or mistyped link). */
export const asStatus = (value: string | undefined): TaskStatus | undefined =>
  taskStatuses.find((status) => status === value);
export const asType = (value: string | undefined): TaskType | undefined => taskTypes.find((type) => type === value);

export interface TaskFilter {
  status?: TaskStatus;
  type?: TaskType;
  limit: number;
  offset: number;
}

/** The tasks feature's calls: the task list, one task's log, steering tasks, and the queues behind them. */
@Injectable({ providedIn: 'root' })
export class TasksService {
  private readonly api = inject(ApiClient);

  list(filter: TaskFilter): Promise<{ items: TaskView[]; total: number }> {
    // `status` rather than `state`: the name every controller version understands.
    return this.api.get('/api/tasks', { ...filter });
  }

  get(id: string): Promise<TaskView> {
    return this.api.get(`/api/tasks/${encodeURIComponent(id)}`);
  }

  logs(id: string): Promise<TaskLogs> {
    return this.api.get(`/api/tasks/${encodeURIComponent(id)}/logs`);
  }

  cancel(id: string): Promise<void> {
    return this.api.post(`/api/tasks/${encodeURIComponent(id)}/cancel`);
  }

  /** A new task with the same input; answers its id. */
  async retry(id: string): Promise<string> {
    return (await this.api.post<TaskAccepted>(`/api/tasks/${encodeURIComponent(id)}/retry`)).taskId;
  }

  async probe(): Promise<string> {
    return (await this.api.post<TaskAccepted>('/api/tasks/probe')).taskId;
  }

  queues(): Promise<QueueView[]> {
    return this.api.get('/api/queues');
  }
}
