import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Placeholder until the feature is built: its progress bar, streaming log, cancel and retry, and the image download. */
@Component({
  selector: 'app-task-detail-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>Task {{ id() }}</h1>
      <a class="btn" routerLink="/tasks">All tasks</a>
    </header>
    <p class="card">Not built yet: its progress bar, streaming log, cancel and retry, and the image download.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
}
