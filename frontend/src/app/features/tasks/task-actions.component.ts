import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { TaskView } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';
import { isActive, shortId } from '../../shared/task-progress/task-display';
import { TasksService } from './tasks.service';

/** Cancel for a queued or running task, retry for an ended one; says why when the controller refuses. */
@Component({
  selector: 'app-task-actions',
  template: `
    @if (active()) {
      <button
        type="button"
        class="btn"
        [disabled]="busy()"
        [attr.aria-label]="'Cancel task ' + short()"
        (click)="cancel()"
      >
        {{ busy() ? 'Cancelling…' : 'Cancel' }}
      </button>
    } @else {
      <button
        type="button"
        class="btn"
        [disabled]="busy()"
        [attr.aria-label]="'Retry task ' + short()"
        (click)="retry()"
      >
        {{ busy() ? 'Retrying…' : 'Retry' }}
      </button>
    }
    @if (error(); as error) {
      <span class="error" role="alert">{{ error.message }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2);
    }
    .error {
      color: var(--danger);
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskActionsComponent {
  private readonly tasks = inject(TasksService);

  readonly task = input.required<TaskView>();
  readonly cancelled = output();
  /** The id of the new task. */
  readonly retried = output<string>();

  protected readonly active = computed(() => isActive(this.task().status));
  protected readonly short = computed(() => shortId(this.task().id));
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected cancel(): Promise<void> {
    return this.run(async () => {
      await this.tasks.cancel(this.task().id);
      this.cancelled.emit();
    });
  }

  protected retry(): Promise<void> {
    return this.run(async () => this.retried.emit(await this.tasks.retry(this.task().id)));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error) {
      this.error.set(error as ApiError);
    } finally {
      this.busy.set(false);
    }
  }
}
