import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import type { ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { refetchOnChange } from '../../core/live/refetch-on-change';
import { LiveIndicatorComponent } from '../../shared/live-indicator/live-indicator.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { shortId } from '../../shared/task-progress/task-display';
import { QueueMonitorComponent } from './queue-monitor.component';
import { TaskActionsComponent } from './task-actions.component';
import { TaskRowProgressComponent } from './task-row-progress.component';
import { asStatus, asType, TasksService, taskStatuses, taskTypes, typeLabel } from './tasks.service';

const PAGE_SIZE = 20;
/** A build reports often and several tasks may change at once: one refetch of the list per half second at most. */
const REFETCH_AFTER_MS = 500;

/** What happened after a button: said once, with a link to the task it concerns. */
interface Note {
  text: string;
  taskId: string;
}

/**
 * The queue monitor: the queues and their workers, then every task newest first, filtered by state and type (in the
 * URL, so that links and the overview's counts lead here), with live bars for the running ones.
 */
@Component({
  selector: 'app-task-list-page',
  imports: [
    DatePipe,
    RouterLink,
    LiveIndicatorComponent,
    LoadStateComponent,
    QueueMonitorComponent,
    TaskActionsComponent,
    TaskRowProgressComponent,
  ],
  templateUrl: './task-list.page.html',
  styleUrl: './task-list.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskListPage {
  private readonly tasksApi = inject(TasksService);
  private readonly router = inject(Router);

  /** Query parameters. */
  readonly status = input<string>();
  readonly type = input<string>();
  readonly page = input<string>();

  protected readonly statuses = taskStatuses;
  protected readonly types = taskTypes;
  protected readonly typeLabel = typeLabel;
  protected readonly shortId = shortId;

  protected readonly filter = computed(() => {
    const page = Math.max(1, Math.floor(Number(this.page()) || 1));
    return {
      status: asStatus(this.status()),
      type: asType(this.type()),
      page,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    };
  });
  protected readonly tasks = new Loader(() => {
    const { status, type, limit, offset } = untracked(this.filter);
    return this.tasksApi.list({ status, type, limit, offset });
  });
  protected readonly range = computed(() => {
    const { offset, page } = this.filter();
    const list = this.tasks.value();
    if (!list || list.items.length === 0) return undefined;
    return {
      from: offset + 1,
      to: offset + list.items.length,
      total: list.total,
      page,
      last: offset + list.items.length >= list.total,
    };
  });
  protected readonly filtered = computed(() => !!(this.filter().status || this.filter().type));

  protected readonly note = signal<Note | null>(null);
  protected readonly probing = signal(false);
  protected readonly probeError = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      this.filter();
      untracked(() => void this.tasks.reload());
    });
    refetchOnChange('tasks', REFETCH_AFTER_MS, () => void this.tasks.reload());
  }

  /** A new filter starts at the first page again. */
  protected setFilter(name: 'status' | 'type', value: string): void {
    void this.router.navigate([], { queryParams: { [name]: value || null, page: null }, queryParamsHandling: 'merge' });
  }

  protected cancelled(taskId: string): void {
    this.note.set({ text: `Task ${shortId(taskId)} cancelled.`, taskId });
    void this.tasks.reload();
  }

  protected retried(taskId: string, newId: string): void {
    this.note.set({ text: `Task ${shortId(taskId)} retried as task ${shortId(newId)}.`, taskId: newId });
    void this.tasks.reload();
  }

  protected async probe(): Promise<void> {
    this.probing.set(true);
    this.probeError.set(null);
    try {
      const taskId = await this.tasksApi.probe();
      this.note.set({ text: `Probe ${shortId(taskId)} requested: it succeeds once a worker takes it.`, taskId });
    } catch (error) {
      this.probeError.set(error as ApiError);
    } finally {
      this.probing.set(false);
    }
  }
}
