import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the feature is built: the queue monitor: filters by state and type, live progress, per-queue counts and workers. */
@Component({
  selector: 'app-task-list-page',
  template: `
    <header class="page-header"><h1>Tasks</h1></header>
    <p class="card">
      Not built yet: the queue monitor: filters by state and type, live progress, per-queue counts and workers.
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskListPage {}
