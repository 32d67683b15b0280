import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ProgressBarComponent } from '../../shared/progress-bar/progress-bar.component';
import { liveTask } from '../../shared/task-progress/live-task';
import { progressBar } from '../../shared/task-progress/task-display';

/** A running task's bar in the task list, moved by its own live reports. */
@Component({
  selector: 'app-task-row-progress',
  imports: [ProgressBarComponent],
  template: `<app-progress-bar [value]="bar().value" [label]="bar().label" [tone]="bar().tone" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskRowProgressComponent {
  readonly taskId = input.required<string>();

  private readonly watched = liveTask(this.taskId);
  protected readonly bar = computed(() =>
    progressBar(this.watched.task()?.status ?? 'running', this.watched.progress()),
  );
}
