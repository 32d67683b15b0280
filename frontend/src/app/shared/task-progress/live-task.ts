import { computed, inject, signal, untracked, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { LiveTaskChange, LiveTaskProgress, TaskDetailView, TaskProgress } from '@thymis/contracts';
import { switchMap, tap } from 'rxjs';
import { ApiClient } from '../../core/http/api-client';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';

/** What `task:<id>` delivers: status changes (as on `tasks`) and a running build's progress reports. */
export type TaskMessage = LiveTaskChange | LiveTaskProgress;

export const isProgressReport = (message: TaskMessage): message is LiveTaskProgress => message.type === 'task.progress';

/**
 * One task kept current without polling: fetched once, fetched again on each status change (which brings the
 * artifact or the reason) and after each (re)subscription, and its progress taken from the live reports in between.
 * Call in an injection context (a component's field or constructor); it follows `taskId` when that changes.
 */
export function liveTask(taskId: Signal<string>) {
  const api = inject(ApiClient);
  const live = inject(LiveService);
  const loader = new Loader(() => api.get<TaskDetailView>(`/api/tasks/${encodeURIComponent(untracked(taskId))}`));
  /** The last live report: newer than what the last fetch said, until the next (re)subscription. */
  const reported = signal<TaskProgress | null>(null);

  const refetch = () => {
    reported.set(null);
    void loader.reload();
  };
  toObservable(taskId)
    .pipe(
      tap(refetch),
      switchMap((id) => live.on(`task:${id}`)),
      takeUntilDestroyed(),
    )
    .subscribe((update) => {
      if (update.kind === 'subscribed') return refetch();
      const message = update.message as TaskMessage;
      if (!isProgressReport(message)) return void loader.reload();
      // Without the log lines it carries: the log viewer takes those.
      const { builds, downloads, activity, percent } = message.data;
      reported.set({ builds, downloads, activity, percent });
    });

  // A previous task's answer is not shown for the next one while that loads.
  const task = computed(() => {
    const value = loader.value();
    return value?.id === taskId() ? value : undefined;
  });
  const progress = computed(() => reported() ?? task()?.progress ?? null);
  return { loader, task, progress, reload: () => loader.reload() };
}
