import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LoadStateComponent } from '../load-state/load-state.component';
import { ProgressBarComponent } from '../progress-bar/progress-bar.component';
import { liveTask } from './live-task';
import { formatSize, progressBar } from './task-display';

/**
 * One task's state as it happens: status, progress bar with the current activity, builds done, why it failed, and
 * for a finished image build the download. Live over `task:<id>`, never polling.
 *
 *   <app-task-progress [taskId]="taskId" />
 */
@Component({
  selector: 'app-task-progress',
  imports: [LoadStateComponent, ProgressBarComponent],
  template: `
    @if (task(); as task) {
      <div class="summary">
        <span class="badge badge-{{ task.status }}">{{ task.status }}</span>
        @if (builds(); as builds) {
          <span class="builds">{{ builds.done }} of {{ builds.expected }} builds done</span>
        }
      </div>
      <app-progress-bar [value]="bar().value" [label]="bar().label" [tone]="bar().tone" />
      @if (task.reason && (task.status === 'failed' || task.status === 'cancelled')) {
        <p class="reason">{{ task.reason }}</p>
      }
      @if (task.status === 'succeeded' && task.artifact; as artifact) {
        <p class="download">
          <a class="btn btn-primary" [href]="'/api/tasks/' + task.id + '/artifact'" download>
            Download {{ artifact.name }}
          </a>
          <span class="size">{{ size(artifact.size) }}</span>
        </p>
      }
    } @else {
      <app-load-state
        [loading]="!watched.loader.error()"
        [error]="watched.loader.error()"
        loadingText="Loading the task…"
        errorTitle="Could not load the task."
        (retry)="watched.reload()"
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-3);
      margin-bottom: var(--space-2);
    }
    .builds,
    .size {
      color: var(--text-muted);
      font-size: 0.9rem;
    }
    .reason {
      margin: var(--space-2) 0 0;
      color: var(--danger);
    }
    .download {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-3);
      margin: var(--space-3) 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskProgressComponent {
  readonly taskId = input.required<string>();

  protected readonly watched = liveTask(this.taskId);
  protected readonly task = this.watched.task;
  protected readonly bar = computed(() => progressBar(this.task()?.status ?? 'queued', this.watched.progress()));
  protected readonly builds = computed(() => {
    const builds = this.watched.progress()?.builds;
    return builds && builds.expected > 0 ? builds : undefined;
  });
  protected readonly size = formatSize;
}
